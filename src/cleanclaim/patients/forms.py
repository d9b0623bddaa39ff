"""Patient and coverage forms; choices are scoped to what the user may use."""

from __future__ import annotations

from typing import Any

from django import forms

from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import add_version_field
from cleanclaim.tenancy.scoping import scoped

_DATE = forms.DateInput(attrs={"type": "date"})


class PatientForm(forms.ModelForm):
    class Meta:
        model = Patient
        fields = [
            "practice",
            "account_number",
            "last_name",
            "first_name",
            "middle_name",
            "date_of_birth",
            "sex",
            "address_line1",
            "address_line2",
            "city",
            "state",
            "zip_code",
            "phone",
        ]
        widgets = {"date_of_birth": _DATE}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = scoped(Practice, user, "patients.change")
        if self.instance.pk:
            # A patient does not move between practices through this form.
            del self.fields["practice"]
        add_version_field(self)


class CoverageForm(forms.ModelForm):
    class Meta:
        model = Coverage
        fields = [
            "payer",
            "priority",
            "member_id",
            "group_number",
            "relationship",
            "subscriber_last_name",
            "subscriber_first_name",
            "subscriber_date_of_birth",
            "subscriber_sex",
            "effective_date",
            "termination_date",
        ]
        widgets = {
            "subscriber_date_of_birth": _DATE,
            "effective_date": _DATE,
            "termination_date": _DATE,
        }

    def __init__(self, *args: Any, user: Any, patient: Patient, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.patient = patient
        self.fields["payer"].queryset = Payer.objects.filter(
            organisation_id=patient.practice.organisation_id, active=True
        ).filter(organisation_id=user.organisation_id)
        add_version_field(self)
