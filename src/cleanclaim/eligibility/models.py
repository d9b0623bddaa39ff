"""An eligibility check: one 270 sent for a coverage and the 271 it got back.

The raw X12 of both and the parsed summary (:class:`cleanclaim.benefits.BenefitsSummary`
as JSON) are kept with the visit (``day``, the date of service asked, DTP*291, and the
optional appointment id). ``result`` repeats the summary's status (active, inactive,
rejected, unknown) for lists and the scrubber. A batch groups the checks of one
day's schedule (the night before)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import Practice


class EligibilityBatch(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    day = models.DateField(help_text="The visit day checked")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    total = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"eligibility for {self.day} ({self.practice})"

    def audit_label(self) -> str:
        return f"eligibility batch {self.pk} for {self.day}"


class EligibilityCheck(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", "Sent"
        ANSWERED = "answered", "Answered"
        REJECTED = "rejected", "Rejected by the payer"
        FAILED = "failed", "Failed (no answer)"

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="+")
    coverage = models.ForeignKey(
        Coverage, on_delete=models.PROTECT, related_name="eligibility_checks"
    )
    appointment_id = models.PositiveBigIntegerField(null=True, blank=True)
    batch = models.ForeignKey(
        EligibilityBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="checks"
    )
    service_types = models.JSONField(default=list)
    day = models.DateField(help_text="The date of service asked about (DTP*291)")
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    result = models.CharField(max_length=10, blank=True)
    request_x12 = models.TextField()
    response_x12 = models.TextField(blank=True)
    summary = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["coverage", "-requested_at"])]

    def __str__(self) -> str:
        return f"eligibility check {self.pk} ({self.get_status_display()})"

    def audit_label(self) -> str:
        return f"eligibility check {self.pk} of patient {self.patient.account_number}"

    def benefits(self) -> Any:
        """The parsed summary (:class:`cleanclaim.benefits.BenefitsSummary`), or None."""
        from cleanclaim.benefits import BenefitsSummary

        return BenefitsSummary.from_json(self.summary) if self.summary else None
