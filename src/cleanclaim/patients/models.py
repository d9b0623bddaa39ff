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

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models

from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.practices.validators import state_validator, zip_validator
from cleanclaim.tenancy.concurrency import Versioned


class Sex(models.TextChoices):
    FEMALE = "F", "Female"
    MALE = "M", "Male"
    UNKNOWN = "U", "Unknown"


class Patient(Versioned):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="patients")
    account_number = models.CharField(
        max_length=20,
        help_text="The practice's account number (becomes the patient control number)",
    )
    last_name = models.CharField(max_length=60)
    first_name = models.CharField(max_length=35)
    middle_name = models.CharField(max_length=25, blank=True)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=1, choices=Sex.choices)
    address_line1 = models.CharField("address", max_length=55)
    address_line2 = models.CharField("address line 2", max_length=55, blank=True)
    city = models.CharField(max_length=30)
    state = models.CharField(max_length=2, validators=[state_validator])
    zip_code = models.CharField("ZIP", max_length=10, validators=[zip_validator])
    phone = models.CharField(max_length=20, blank=True)

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)


class Coverage(Versioned):
    class Priority(models.IntegerChoices):
        PRIMARY = 1, "Primary"
        SECONDARY = 2, "Secondary"
        TERTIARY = 3, "Tertiary"

    class Relationship(models.TextChoices):
        SELF = "18", "Self"
        SPOUSE = "01", "Spouse"
        CHILD = "19", "Child"
        OTHER = "G8", "Other relationship"

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
    effective_date = models.DateField()
    termination_date = models.DateField(null=True, blank=True)

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
        "effective_date",
        "termination_date",
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
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)
