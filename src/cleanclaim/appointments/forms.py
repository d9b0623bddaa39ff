"""Appointment, check-in and import forms; choices scoped to the practice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from cleanclaim.appointments.actions import PAYMENT_METHODS
from cleanclaim.appointments.models import Appointment, Status
from cleanclaim.eligibility.status import STATUSES
from cleanclaim.money import MoneyError, parse_optional_money
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation
from cleanclaim.tenancy.concurrency import add_version_field
from cleanclaim.tenancy.scoping import scoped


class ScheduleFilter(forms.Form):
    """Today's patients: the day and the filters (ids and codes only: no PHI in URLs)."""

    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    provider = forms.ModelChoiceField(queryset=RenderingProvider.objects.none(), required=False)
    status = forms.ChoiceField(choices=[("", "Any status"), *Status.choices], required=False)
    coverage = forms.ChoiceField(
        label="Coverage",
        choices=[("", "Any coverage"), *((s, s) for s in STATUSES)],
        required=False,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        practices = scoped(Practice, user, "patients.view")
        provider_field = self.fields["provider"]
        assert isinstance(provider_field, forms.ModelChoiceField)
        provider_field.queryset = RenderingProvider.objects.filter(practice__in=practices)


class AppointmentForm(forms.ModelForm):
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))

    class Meta:
        model = Appointment
        fields = ["patient", "provider", "location", "duration", "reason"]

    def __init__(self, *args: Any, user: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice
        self.fields["patient"].queryset = Patient.objects.filter(practice=practice)  # type: ignore[attr-defined]
        self.fields["provider"].queryset = RenderingProvider.objects.filter(  # type: ignore[attr-defined]
            practice=practice, active=True
        )
        self.fields["location"].queryset = ServiceLocation.objects.filter(practice=practice)  # type: ignore[attr-defined]

    def start(self) -> dt.datetime:
        return timezone.make_aware(
            dt.datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"])
        )


class ImportForm(forms.Form):
    practice = forms.ModelChoiceField(queryset=Practice.objects.none())
    file = forms.FileField(label="CSV file")
    dry_run = forms.BooleanField(label="Dry run: check only, write nothing", required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        practice_field = self.fields["practice"]
        assert isinstance(practice_field, forms.ModelChoiceField)
        practice_field.queryset = scoped(Practice, user, "checkin.work")


class CheckInForm(forms.Form):
    coverage = forms.ModelChoiceField(
        queryset=Coverage.objects.none(), required=False, label="Bill this visit to"
    )
    copay = forms.CharField(label="Copay collected", required=False, max_length=20)
    method = forms.ChoiceField(choices=[(m, m.title()) for m in PAYMENT_METHODS])

    def __init__(self, *args: Any, appointment: Appointment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coverage_field = self.fields["coverage"]
        assert isinstance(coverage_field, forms.ModelChoiceField)
        coverage_field.queryset = appointment.patient.coverages.select_related("payer")

    def clean_copay(self) -> Decimal | None:
        """Parsed by :mod:`cleanclaim.money` (``$25``, ``25.00``); blank collects nothing."""
        try:
            amount = parse_optional_money(self.cleaned_data.get("copay", ""), what="copay")
        except MoneyError as exc:
            raise forms.ValidationError(str(exc)) from None
        if amount is not None and amount < 0:
            raise forms.ValidationError("the copay is an amount of zero or more")
        return amount


class DemographicsForm(forms.ModelForm):
    """What the desk confirms at the counter, edited in place on the check-in page
    (optimistic-locked like the patient's own edit form)."""

    prefix = "demographics"

    class Meta:
        model = Patient
        fields = ["address_line1", "address_line2", "city", "state", "zip_code", "phone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_version_field(self)
