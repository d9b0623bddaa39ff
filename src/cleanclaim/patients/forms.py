"""Patient and coverage forms; choices are scoped to what the user may use."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from cleanclaim.patients.cards import check_card
from cleanclaim.patients.models import Coverage, Patient, Relationship
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
            "guarantor_relationship",
            "guarantor_last_name",
            "guarantor_first_name",
            "guarantor_address_line1",
            "guarantor_city",
            "guarantor_state",
            "guarantor_zip_code",
            "guarantor_phone",
        ]
        widgets = {"date_of_birth": _DATE}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = scoped(Practice, user, "patients.change")
        if self.instance.pk:
            # A patient does not move between practices through this form.
            del self.fields["practice"]
        # Blank means the patient is their own guarantor (the usual case).
        self.fields["guarantor_relationship"].required = False
        add_version_field(self)

    def clean_guarantor_relationship(self) -> str:
        return str(self.cleaned_data.get("guarantor_relationship") or Relationship.SELF)


class CoverageForm(forms.ModelForm):
    card_front = forms.FileField(label="Card image, front (JPEG, PNG or PDF)", required=False)
    card_back = forms.FileField(label="Card image, back", required=False)
    #: The fields that are files, stored by ``actions.attach_card`` after the save.
    CARD_FIELDS = ("card_front", "card_back")

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
            "subscriber_address_line1",
            "subscriber_city",
            "subscriber_state",
            "subscriber_zip_code",
            "effective_date",
            "termination_date",
            "copay",
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

    def clean_card_front(self) -> Any:
        return _card(self.cleaned_data.get("card_front"), "card_front")

    def clean_card_back(self) -> Any:
        return _card(self.cleaned_data.get("card_back"), "card_back")


def _card(upload: Any, field: str) -> Any:
    if upload:
        try:
            check_card(upload, field=field)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict[field]) from None
    return upload or None


class DuplicateCheck(forms.Form):
    """The explicit confirmation after a possible-duplicate warning."""

    create_anyway = forms.BooleanField(
        required=False, label="This is a different person: create anyway"
    )
