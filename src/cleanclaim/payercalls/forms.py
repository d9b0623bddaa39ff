"""Contact and call forms; every choice is scoped to what the user may use."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from cleanclaim.patients.models import Patient
from cleanclaim.payercalls.models import Call, Contact
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import add_version_field
from cleanclaim.tenancy.scoping import scoped

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["role", "name", "phone", "email", "hours", "notes", "active"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, payer: Payer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.payer = payer
        if not self.instance.pk:
            del self.fields["active"]  # a new contact is active
        add_version_field(self)


class CallForm(forms.ModelForm):
    """Log a call: from a payer's page (the payer fixed, the practice chosen) or from a
    patient's page (the patient and their practice fixed, the payer chosen)."""

    class Meta:
        model = Call
        fields = [
            "practice",
            "payer",
            "called_at",
            "contact",
            "reached",
            "reference",
            "claim_number",
            "learned",
            "follow_up_on",
        ]
        widgets = {
            "called_at": _DATETIME,
            "follow_up_on": _DATE,
            "learned": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(
        self,
        *args: Any,
        user: Any,
        payer: Payer | None = None,
        patient: Patient | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["called_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        payers = scoped(Payer, user, "calls.log").filter(active=True)
        contacts = Contact.objects.filter(
            payer__organisation_id=user.organisation_id, active=True
        ).select_related("payer")
        if patient is not None:
            self.instance.patient = patient
            self.instance.practice = patient.practice
            del self.fields["practice"]
            primary = patient.coverages.order_by("priority", "-effective_date").first()
            if primary is not None:
                self.fields["payer"].initial = primary.payer_id
        else:
            self.fields["practice"].queryset = scoped(Practice, user, "calls.log")
            practices = list(self.fields["practice"].queryset[:2])
            if len(practices) == 1:
                self.fields["practice"].initial = practices[0].pk
        if payer is not None:
            self.instance.payer = payer
            del self.fields["payer"]
            contacts = contacts.filter(payer=payer)
            self.fields["contact"].label_from_instance = str
        else:
            self.fields["payer"].queryset = payers
            self.fields["contact"].label_from_instance = lambda c: f"{c.payer}: {c}"
        self.fields["contact"].queryset = contacts
        self.fields["contact"].required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        payer = cleaned.get("payer") or getattr(self.instance, "payer", None)
        contact = cleaned.get("contact")
        if contact is not None and payer is not None and contact.payer_id != payer.pk:
            self.add_error("contact", f"{contact.name} is not one of {payer}'s contacts")
        return cleaned
