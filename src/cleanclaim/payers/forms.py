from __future__ import annotations

from typing import Any

from django import forms

from cleanclaim.payers.models import Payer
from cleanclaim.web.concurrency import add_version_field


class PayerForm(forms.ModelForm):
    class Meta:
        model = Payer
        fields = ["name", "payer_id", "kind", "submission", "timely_filing_days", "active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_version_field(self)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        payer_id = cleaned.get("payer_id")
        same = Payer.objects.filter(
            organisation_id=self.instance.organisation_id, payer_id=payer_id
        ).exclude(pk=self.instance.pk)
        if payer_id and same.exists():
            self.add_error("payer_id", f"payer id {payer_id} is already set up")
        return cleaned
