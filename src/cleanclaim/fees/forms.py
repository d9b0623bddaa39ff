from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from cleanclaim.fees.models import CENT, MAX_CHARGE, Fee
from cleanclaim.fees.transfer import MAX_BYTES
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.concurrency import add_version_field


def _money(label: str, required: bool) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=CENT,
        max_value=MAX_CHARGE,
        max_digits=10,
        decimal_places=2,
        error_messages={"min_value": "must be more than zero"},
    )


class FeeForm(forms.ModelForm):  # type: ignore[type-arg]
    """A row's charge and, per payer of the organisation, the expected allowed amount."""

    class Meta:
        model = Fee
        fields = ["charge"]

    def __init__(self, *args: Any, payers: list[Payer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.payers = payers
        current = {a.payer_id: a.amount for a in self.instance.allowed.all()}
        for payer in payers:
            field = _money(f"Expected allowed: {payer.name} ({payer.payer_id})", False)
            field.initial = current.get(payer.pk)
            self.fields[f"allowed_{payer.pk}"] = field
        add_version_field(self)

    def allowed(self) -> dict[Payer, Decimal]:
        out = {}
        for payer in self.payers:
            value = self.cleaned_data.get(f"allowed_{payer.pk}")
            if value is not None:
                out[payer] = value
        return out


class ImportForm(forms.Form):
    practice = forms.ChoiceField(label="Practice")
    schedule = forms.CharField(
        label="Schedule name",
        required=False,
        max_length=100,
        help_text="A new name makes a new schedule from the effective date; empty: the "
        "schedule in force on the effective date (or today)",
    )
    effective = forms.DateField(
        label="Effective from (YYYY-MM-DD)",
        required=False,
        help_text="Needed for a new schedule",
    )
    file = forms.FileField(
        label="Fee file (CSV)",
        required=False,
        help_text="Columns code, modifier, charge, and allowed:<payer id> for expected "
        "allowed amounts",
    )
    #: The previewed file's text, sent back with Import (checked again in full).
    text = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)

    def __init__(self, *args: Any, practices: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practice"].choices = [(str(p.pk), p.name) for p in practices]
        self.practices = {str(p.pk): p for p in practices}

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(f"larger than {MAX_BYTES:,} bytes: split the schedule")
        return upload
