"""Payer set-up forms: the profile (:class:`PayerForm`, every profile field), the
per-connection payer ids, and one practice's overrides."""

from __future__ import annotations

from typing import Any

from django import forms

from cleanclaim.payers.models import OVERRIDABLE_FIELDS, PROFILE_FIELDS, Payer, payer_id_validator
from cleanclaim.tenancy.concurrency import add_version_field

#: The form's sections, in page order: title → fields (every profile field once).
SECTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("Payer", ("name", "aliases", "payer_id", "alias_payer_ids", "kind", "active")),
    (
        "How claims go",
        (
            "filing_indicator_override",
            "submission",
            "clearinghouse_connection",
            "portal_url",
            "claims_address",
            "corrected_claims_electronic",
            "corrected_claims_process",
            "corrected_claims_address",
            "appeals_address",
        ),
    ),
    (
        "Eligibility and claim status",
        ("eligibility_method", "claim_status_method", "claim_status_after_days"),
    ),
    (
        "Enrolment",
        tuple(
            f"{t}_enrolment{s}"
            for t in ("claims", "era", "eft", "eligibility", "claim_status")
            for s in ("", "_submitted", "_effective")
        ),
    ),
    (
        "Time limits",
        (
            *(
                f"{p}_{s}"
                for p in ("timely", "secondary", "corrected", "appeal_first", "appeal_second")
                for s in ("amount", "unit", "citation")
            ),
            "submission_hold",
        ),
    ),
    ("Notes", ("notes",)),
]
assert sorted(n for _, names in SECTIONS for n in names) == sorted(PROFILE_FIELDS), (
    "every profile field belongs to exactly one section"
)

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TEXT = forms.Textarea(attrs={"rows": 3})


class PayerForm(forms.ModelForm):
    """Every field of the payer profile (the YAML export reads ``Meta.fields``)."""

    portal_url = forms.URLField(
        label="Portal URL", required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Payer
        fields = list(PROFILE_FIELDS)
        widgets = {
            **{n: _DATE for n in PROFILE_FIELDS if n.endswith(("_submitted", "_effective"))},
            **dict.fromkeys(("aliases", "claims_address", "corrected_claims_address"), _TEXT),
            **dict.fromkeys(("appeals_address", "notes"), _TEXT),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timely_amount"].required = True
        add_version_field(self)

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(title, [self[n] for n in names]) for title, names in SECTIONS]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        payer_id = cleaned.get("payer_id")
        same = Payer.objects.filter(
            organisation_id=self.instance.organisation_id, payer_id=payer_id
        ).exclude(pk=self.instance.pk)
        if payer_id and same.exists():
            self.add_error("payer_id", f"payer id {payer_id} is already set up")
        return cleaned


def parse_connection_ids(text: str) -> dict[str, str]:
    """``connection: payer id`` lines as ``{connection: payer id}``; a
    ``ValidationError`` naming each bad line."""
    result: dict[str, str] = {}
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        connection, sep, payer_id = (part.strip() for part in line.partition(":"))
        if not sep or not connection or not payer_id:
            problems.append(f"line {number}: write 'connection: payer id', not {line!r}")
            continue
        try:
            payer_id_validator(payer_id)
        except forms.ValidationError as exc:
            problems.append(f"line {number}: {exc.messages[0]}")
            continue
        if connection in result:
            problems.append(f"line {number}: connection {connection!r} is listed twice")
            continue
        result[connection] = payer_id
    if problems:
        raise forms.ValidationError(problems)
    return result


class ConnectionIdsForm(forms.Form):
    ids = forms.CharField(
        label="Payer id per clearinghouse connection",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One a line: connection name, a colon, the payer id on that connection",
    )

    def clean_ids(self) -> dict[str, str]:
        return parse_connection_ids(self.cleaned_data["ids"])


class OverrideForm(forms.Form):
    """The overridable fields, each blank (the organisation's value) unless the
    practice sees it differently."""

    def __init__(self, *args: Any, payer: Payer, current: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        base = PayerForm(instance=payer)
        for name in OVERRIDABLE_FIELDS:
            field = base.fields[name]
            shown = _shown(payer, name)
            if isinstance(field, forms.BooleanField):
                field = forms.TypedChoiceField(
                    label=field.label,
                    choices=[("", f"as the organisation ({shown})"), ("yes", "yes"), ("no", "no")],
                    coerce=lambda v: v == "yes",
                    empty_value=None,
                )
            elif isinstance(field, forms.TypedChoiceField | forms.ChoiceField):
                choices = [c for c in field.choices if c[0] != ""]
                field.choices = [("", f"as the organisation ({shown})"), *choices]
            else:
                field.help_text = f"Organisation: {shown}"
            field.required = False
            self.fields[name] = field
            value = current.get(name)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            self.initial[name] = value

    def overrides(self) -> dict[str, Any]:
        """The fields given a value: the practice's overrides (Python values)."""
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


def _shown(payer: Payer, name: str) -> str:
    value = getattr(payer, name)
    field = Payer._meta.get_field(name)
    if value in (None, ""):
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)
