"""Patient and Coverage.

Patient data is PHI: rows are created and changed only through
``cleanclaim.patients.actions`` (which write the audit trail in the same
transaction), and read through views/API that record the read.

Coverage mirrors the 837P subscriber loop (2000B/2010BA): priority is SBR01
(P primary, S secondary, T tertiary), relationship is the individual
relationship code of SBR02/PAT01 (X12 element 1069: 18 self, 01 spouse,
19 child, G8 other relationship). When the patient is not the subscriber, the
subscriber's name, date of birth and sex are required.

Both carry a ``version`` (:class:`cleanclaim.tenancy.concurrency.Versioned`): an
edit saved from an out-of-date form is refused, not silently reverted.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.practices.validators import phone_validator, us_state_validator, zip_validator
from cleanclaim.tenancy.concurrency import Versioned

#: The earliest birth date accepted (a typo guard: 1900 and before is a mistake).
EARLIEST_BIRTH = dt.date(1900, 1, 1)


def birth_date_validator(value: dt.date) -> None:
    """A birth date (DMG02) is not in the future and not before 1900."""
    if value > timezone.localdate():
        raise ValidationError(f"birth date {value:%Y-%m-%d} is in the future", code="dob_future")
    if value < EARLIEST_BIRTH:
        raise ValidationError(
            f"birth date {value:%Y-%m-%d} is before 1900: check the year", code="dob_early"
        )


class CardStorage(FileSystemStorage):
    """``var/cards``, read from the settings at each use (not frozen at import)."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.VAR_DIR / "cards")

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def card_storage() -> FileSystemStorage:
    """Insurance card images under ``var/cards`` (directories 0700, files 0600): they
    are PHI and are served only through the audited view, never as static media."""
    return CardStorage(file_permissions_mode=0o600, directory_permissions_mode=0o700)


class Relationship(models.TextChoices):
    """Individual relationship code (X12 element 1069: SBR02, PAT01, INS02)."""

    SELF = "18", "Self"
    SPOUSE = "01", "Spouse"
    CHILD = "19", "Child"
    EMPLOYEE = "20", "Employee"
    UNKNOWN = "21", "Unknown"
    ORGAN_DONOR = "39", "Organ donor"
    CADAVER_DONOR = "40", "Cadaver donor"
    LIFE_PARTNER = "53", "Life partner"
    OTHER = "G8", "Other relationship"


class Sex(models.TextChoices):
    FEMALE = "F", "Female"
    MALE = "M", "Male"
    UNKNOWN = "U", "Unknown"


GUARANTOR_FIELDS = (
    "guarantor_relationship",
    "guarantor_last_name",
    "guarantor_first_name",
    "guarantor_address_line1",
    "guarantor_city",
    "guarantor_state",
    "guarantor_zip_code",
    "guarantor_phone",
)


class Patient(Versioned):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="patients")
    account_number = models.CharField(
        max_length=20,
        help_text="The practice's account number (becomes the patient control number)",
    )
    last_name = models.CharField(max_length=60)
    first_name = models.CharField(max_length=35)
    middle_name = models.CharField(max_length=25, blank=True)
    date_of_birth = models.DateField(validators=[birth_date_validator])
    sex = models.CharField(max_length=1, choices=Sex.choices)
    address_line1 = models.CharField("address", max_length=55)
    address_line2 = models.CharField("address line 2", max_length=55, blank=True)
    city = models.CharField(max_length=30)
    state = models.CharField(max_length=2, validators=[us_state_validator])
    zip_code = models.CharField("ZIP", max_length=10, validators=[zip_validator])
    phone = models.CharField(max_length=20, blank=True, validators=[phone_validator])
    #: Who pays the patient's share: the patient (self) or another person.
    guarantor_relationship = models.CharField(
        "guarantor's relationship to the patient",
        max_length=2,
        choices=Relationship.choices,
        default=Relationship.SELF,
    )
    guarantor_last_name = models.CharField(max_length=60, blank=True)
    guarantor_first_name = models.CharField(max_length=35, blank=True)
    guarantor_address_line1 = models.CharField("guarantor address", max_length=55, blank=True)
    guarantor_city = models.CharField(max_length=30, blank=True)
    guarantor_state = models.CharField(max_length=2, blank=True, validators=[us_state_validator])
    guarantor_zip_code = models.CharField(
        "guarantor ZIP", max_length=10, blank=True, validators=[zip_validator]
    )
    guarantor_phone = models.CharField(max_length=20, blank=True, validators=[phone_validator])

    tenant_path: ClassVar[str] = "practice"
    #: Fields the audit trail compares on update.
    audited_fields: ClassVar[tuple[str, ...]] = (
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
        *GUARANTOR_FIELDS,
    )

    class Meta:
        ordering = ["last_name", "first_name", "date_of_birth"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "account_number"], name="account_number_per_practice"
            ),
        ]
        indexes = [models.Index(fields=["practice", "last_name", "first_name"])]

    def __str__(self) -> str:
        return f"{self.last_name}, {self.first_name}"

    def audit_label(self) -> str:
        """How the audit trail names the row (an account number, not a name)."""
        return f"patient {self.account_number}"

    @property
    def guarantor_is_self(self) -> bool:
        return self.guarantor_relationship == Relationship.SELF

    def clean(self) -> None:
        if self.guarantor_is_self:
            return
        errors = {
            name: "required when the guarantor is another person"
            for name in GUARANTOR_FIELDS[1:-1]
            if not getattr(self, name)
        }
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)


class Coverage(Versioned):
    class Priority(models.IntegerChoices):
        PRIMARY = 1, "Primary"
        SECONDARY = 2, "Secondary"
        TERTIARY = 3, "Tertiary"

    Relationship = Relationship

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="coverages")
    payer = models.ForeignKey(Payer, on_delete=models.PROTECT, related_name="coverages")
    priority = models.PositiveSmallIntegerField(choices=Priority.choices)
    member_id = models.CharField("member id", max_length=80)
    group_number = models.CharField("group number", max_length=50, blank=True)
    relationship = models.CharField(
        "patient's relationship to subscriber",
        max_length=2,
        choices=Relationship.choices,
        default=Relationship.SELF,
    )
    subscriber_last_name = models.CharField(max_length=60, blank=True)
    subscriber_first_name = models.CharField(max_length=35, blank=True)
    subscriber_date_of_birth = models.DateField(null=True, blank=True)
    subscriber_sex = models.CharField(max_length=1, choices=Sex.choices, blank=True)
    subscriber_address_line1 = models.CharField("subscriber address", max_length=55, blank=True)
    subscriber_city = models.CharField(max_length=30, blank=True)
    subscriber_state = models.CharField(max_length=2, blank=True, validators=[us_state_validator])
    subscriber_zip_code = models.CharField(
        "subscriber ZIP", max_length=10, blank=True, validators=[zip_validator]
    )
    effective_date = models.DateField()
    termination_date = models.DateField(null=True, blank=True)
    #: The copay printed on the card (what check-in collects by default).
    copay = models.DecimalField(
        "copay on the card",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    card_front = models.FileField(storage=card_storage, upload_to="%Y/%m", blank=True)
    card_back = models.FileField(storage=card_storage, upload_to="%Y/%m", blank=True)

    tenant_path: ClassVar[str] = "patient__practice"
    audited_fields: ClassVar[tuple[str, ...]] = (
        "payer_id",
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
    )

    class Meta:
        ordering = ["patient", "priority", "-effective_date"]

    def __str__(self) -> str:
        return f"{self.get_priority_display()}: {self.payer} {self.member_id}"

    def audit_label(self) -> str:
        return f"coverage {self.pk} of patient {self.patient.account_number}"

    @property
    def is_self(self) -> bool:
        return self.relationship == self.Relationship.SELF

    def is_active_on(self, day: Any) -> bool:
        if day < self.effective_date:
            return False
        return self.termination_date is None or day <= self.termination_date

    def period(self) -> str:
        end = f"{self.termination_date:%Y-%m-%d}" if self.termination_date else "open"
        return f"{self.effective_date:%Y-%m-%d} to {end}"

    def overlapping(self) -> Coverage | None:
        """Another policy of the patient in the same order (SBR01) whose dates meet
        these: a patient has one primary (one secondary, …) on any day."""
        if not (self.patient_id and self.priority and self.effective_date):
            return None
        others = (
            Coverage.objects.filter(patient_id=self.patient_id, priority=self.priority)
            .exclude(pk=self.pk)
            .filter(
                models.Q(termination_date__isnull=True)
                | models.Q(termination_date__gte=self.effective_date)
            )
            .select_related("payer")
            .order_by("effective_date")
        )
        if self.termination_date is not None:
            others = others.filter(effective_date__lte=self.termination_date)
        return others.first()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (
            self.termination_date
            and self.effective_date
            and self.termination_date < self.effective_date
        ):
            errors["termination_date"] = "termination date is before the effective date"
        if not self.is_self:
            required = {
                "subscriber_last_name": self.subscriber_last_name,
                "subscriber_first_name": self.subscriber_first_name,
                "subscriber_date_of_birth": self.subscriber_date_of_birth,
                "subscriber_sex": self.subscriber_sex,
                "subscriber_address_line1": self.subscriber_address_line1,
                "subscriber_city": self.subscriber_city,
                "subscriber_state": self.subscriber_state,
                "subscriber_zip_code": self.subscriber_zip_code,
            }
            for name, value in required.items():
                if not value:
                    errors[name] = "required when the patient is not the subscriber"
        if (
            self.payer_id
            and self.patient_id
            and self.payer.organisation_id != self.patient.practice.organisation_id
        ):
            errors["payer"] = "payer belongs to another organisation"
        clash = self.overlapping()
        if clash is not None and "termination_date" not in errors:
            errors["priority"] = (
                f"{self.get_priority_display().lower()} coverage {clash.payer.name} "
                f"{clash.member_id} ({clash.period()}) overlaps these dates: end it or "
                "choose another order"
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)
