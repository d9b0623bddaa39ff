"""The appointment: a patient seen by a provider at a location at a time.

Status follows the visit through the front desk: scheduled → arrived → checked_in
→ completed, or no_show / cancelled. ``coverage`` is the policy the visit is billed to
(the patient's primary on the day unless the desk chooses another); ``encounter`` is
the visit the coder codes, started at check-in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation
from cleanclaim.tenancy.concurrency import Versioned


class Status(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    ARRIVED = "arrived", "Arrived"
    CHECKED_IN = "checked_in", "Checked in"
    NO_SHOW = "no_show", "No show"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"


class Appointment(Versioned):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="appointments")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="appointments")
    provider = models.ForeignKey(
        RenderingProvider, on_delete=models.PROTECT, related_name="appointments"
    )
    location = models.ForeignKey(
        ServiceLocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
    )
    start = models.DateTimeField()
    duration = models.PositiveSmallIntegerField(
        "duration (minutes)",
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
    )
    reason = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    coverage = models.ForeignKey(
        Coverage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name="coverage used",
    )
    encounter = models.ForeignKey(
        "claims.Encounter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
    )
    #: A stable key from the system the schedule came from (a CSV's ``external_id``,
    #: the demo's key): unique per practice when given.
    external_id = models.CharField("external id", max_length=60, blank=True)

    tenant_path: ClassVar[str] = "practice"
    audited_fields: ClassVar[tuple[str, ...]] = (
        "patient_id",
        "provider_id",
        "location_id",
        "start",
        "duration",
        "reason",
        "status",
        "coverage_id",
        "external_id",
    )

    class Meta:
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "external_id"],
                condition=~models.Q(external_id=""),
                name="appointment_external_id_per_practice",
            ),
        ]
        indexes = [models.Index(fields=["practice", "start"])]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} {self.patient}"

    def audit_label(self) -> str:
        return f"appointment {self.pk} of patient {self.patient.account_number}"

    @property
    def day(self) -> dt.date:
        from django.utils import timezone

        return timezone.localtime(self.start).date()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.patient_id and self.practice_id and self.patient.practice_id != self.practice_id:
            errors["patient"] = "the patient is not at this practice"
        if self.provider_id and self.practice_id and self.provider.practice_id != self.practice_id:
            errors["provider"] = "the provider is not at this practice"
        if self.location_id and self.practice_id and self.location.practice_id != self.practice_id:
            errors["location"] = "the location is not at this practice"
        if self.coverage_id and self.patient_id and self.coverage.patient_id != self.patient_id:
            errors["coverage"] = "the coverage is not the patient's"
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)
