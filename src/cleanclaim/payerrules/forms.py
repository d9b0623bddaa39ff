from __future__ import annotations

from django import forms

#: Largest pasted 837P for the preview (characters).
MAX_PASTE = 200_000


class RulesForm(forms.Form):
    text = forms.CharField(
        label="Rules (YAML)",
        required=False,
        max_length=200_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "cols": 90, "spellcheck": "false"}),
        help_text="The payer rule language: see the rule language guide (docs/payer-rules.md).",
    )
    why = forms.CharField(
        label="Why (kept with the version)",
        required=False,
        max_length=300,
        help_text="e.g. bulletin 2026-03, call reference 88213, learned from denials",
    )
    claims = forms.CharField(
        label="Claims to preview (optional 837P; else the sample claims)",
        required=False,
        max_length=MAX_PASTE,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 90, "spellcheck": "false"}),
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class RevertForm(forms.Form):
    why = forms.CharField(label="Why", max_length=300)
