"""Statement settings per practice, statement runs and the statements they made.

A :class:`Statement` is what one patient (as guarantor) was sent in one cycle: its
figures are a snapshot (``data``) taken when the run made it, so the PDF reprinted
next month shows what was mailed. One statement per patient and cycle: running a
cycle again makes only the statements still missing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Practice

#: Default small-balance limit: a patient balance under it is written off, not stated.
DEFAULT_SMALL_BALANCE = Decimal("5.00")


class StatementSettings(models.Model):
    """What a practice prints on its statements and its small-balance rule."""

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, related_name="statement_settings"
    )
    message = models.CharField(max_length=300, blank=True, help_text="Printed on each statement")
    how_to_pay = models.CharField(
        max_length=300,
        blank=True,
        default="Pay by check to the address below, or by card at the front desk or by phone.",
    )
    small_balance_limit = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        default=DEFAULT_SMALL_BALANCE,
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text="A balance below this is written off instead of stated (0: never)",
    )

    tenant_path: ClassVar[str] = "practice"
    audited_fields: ClassVar[tuple[str, ...]] = ("message", "how_to_pay", "small_balance_limit")

    def __str__(self) -> str:
        return f"statement settings of {self.practice}"

    def audit_label(self) -> str:
        return f"statement settings of {self.practice.name}"


class StatementRun(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="statement_runs")
    #: The billing cycle, ``YYYY-MM`` of the statement date: one statement per patient in it.
    cycle = models.CharField(max_length=7)
    statement_date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    #: Patients whose small balance was written off, and credits flagged, by this run.
    written_off = models.PositiveIntegerField(default=0)
    credits = models.PositiveIntegerField(default=0)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["-statement_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "cycle"], name="statement_run_per_cycle"),
        ]

    def __str__(self) -> str:
        return f"statements {self.cycle}"

    def audit_label(self) -> str:
        return f"statement run {self.cycle} of {self.practice.name}"


class Statement(models.Model):
    run = models.ForeignKey(StatementRun, on_delete=models.PROTECT, related_name="statements")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="statements")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="statements")
    cycle = models.CharField(max_length=7)
    statement_date = models.DateField()
    amount_due = models.DecimalField(max_digits=12, decimal_places=2)
    #: The figures printed: visits, aging, address (see ``account.snapshot``).
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["patient__last_name", "patient__first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "patient", "cycle"], name="statement_per_patient_cycle"
            ),
        ]

    def __str__(self) -> str:
        return f"statement {self.cycle} for {self.patient.account_number}"

    def audit_label(self) -> str:
        return f"statement {self.cycle} for {self.patient.account_number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not isinstance(self.amount_due, Decimal):
            raise TypeError("statement amounts are Decimal")
        super().save(*args, **kwargs)
