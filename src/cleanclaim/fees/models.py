"""A practice's fee schedules: what it charges for each procedure code.

A :class:`FeeSchedule` belongs to one practice and is in force from ``effective_from``
to ``effective_to`` (inclusive; open-ended when empty); a practice's schedules never
overlap, so one is in force on any date. Its :class:`Fee` rows map a CPT/HCPCS code
and an optional modifier to the charge billed (837P SV102, CMS-1500 box 24F); each
row may carry the amount each payer is expected to allow (:class:`ExpectedAllowed`),
which the remittance work compares with 835 AMT*B6 to spot underpayments.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import Versioned

#: CPT (Level I): five digits, or four digits and F (category II), T (category III) or
#: U (proprietary laboratory analyses); HCPCS Level II: a letter and four digits.
CPT_RE = re.compile(r"^\d{4}[0-9FTU]$")
HCPCS_RE = re.compile(r"^[A-Z]\d{4}$")
#: A modifier: two letters or digits (CPT Appendix A, HCPCS Level II modifiers).
MODIFIER_RE = re.compile(r"^[0-9A-Z]{2}$")
CENT = Decimal("0.01")
#: Largest charge accepted (max_digits=10, two places).
MAX_CHARGE = Decimal("99999999.99")


def code_system(code: str) -> str | None:
    """``"cpt"`` or ``"hcpcs"`` for a well-shaped code, else None."""
    if CPT_RE.match(code):
        return "cpt"
    if HCPCS_RE.match(code):
        return "hcpcs"
    return None


def code_validator(value: str) -> None:
    if code_system(value) is None:
        raise ValidationError(
            f"{value!r} is not a CPT code (5 digits, or 4 digits and F, T or U) "
            "or a HCPCS code (a letter and 4 digits)",
            code="code",
        )


def modifier_validator(value: str) -> None:
    if value and not MODIFIER_RE.match(value):
        raise ValidationError(f"modifier {value!r} must be two letters or digits", code="modifier")


def _money_field(verbose: str, **kw: Any) -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(
        verbose,
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(CENT, message="must be more than zero")],
        **kw,
    )


class FeeSchedule(Versioned):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="fee_schedules")
    name = models.CharField(max_length=100)
    effective_from = models.DateField("effective from")
    effective_to = models.DateField(
        "effective to", null=True, blank=True, help_text="Last day in force; empty: open-ended"
    )

    tenant_path: ClassVar[str] = "practice"
    audited_fields: ClassVar[tuple[str, ...]] = ("name", "effective_from", "effective_to")

    class Meta:
        ordering = ["practice_id", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "name"], name="fee_schedule_name"),
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="fee_schedule_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"fee schedule {self.name}"

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def span(self) -> str:
        return f"{self.effective_from} to {self.effective_to or 'open-ended'}"

    def overlapping(self) -> models.QuerySet[FeeSchedule]:
        """The practice's other schedules in force on any day of this one's."""
        qs = FeeSchedule.objects.filter(practice_id=self.practice_id).exclude(pk=self.pk)
        qs = qs.filter(
            models.Q(effective_to__isnull=True) | models.Q(effective_to__gte=self.effective_from)
        )
        if self.effective_to is not None:
            qs = qs.filter(effective_from__lte=self.effective_to)
        return qs

    def clean(self) -> None:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValidationError(
                {"effective_to": f"{self.effective_to} is before the start, {self.effective_from}"}
            )
        if self.practice_id is not None:
            other = self.overlapping().first()
            if other is not None:
                raise ValidationError(
                    f"{self.name} ({self.span()}) overlaps {other.name} ({other.span()}): "
                    "one schedule is in force per date"
                )


class Fee(Versioned):
    """One row: a code and optional modifier, and what the practice charges for it."""

    schedule = models.ForeignKey(FeeSchedule, on_delete=models.CASCADE, related_name="fees")
    code = models.CharField(max_length=5, validators=[code_validator])
    modifier = models.CharField(
        max_length=2, blank=True, default="", validators=[modifier_validator]
    )
    charge = _money_field("charge")

    tenant_path: ClassVar[str] = "schedule__practice"
    audited_fields: ClassVar[tuple[str, ...]] = ("code", "modifier", "charge")

    class Meta:
        ordering = ["code", "modifier"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "code", "modifier"], name="fee_code_once"),
            models.CheckConstraint(condition=models.Q(charge__gt=0), name="fee_charge_positive"),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def key(self) -> str:
        return f"{self.code}-{self.modifier}" if self.modifier else self.code

    def audit_label(self) -> str:
        return f"fee {self.key} in {self.schedule.name}"

    @property
    def practice(self) -> Practice:  # for the audit trail's practice
        return self.schedule.practice


class ExpectedAllowed(models.Model):
    """What one payer is expected to allow for a fee row (to spot underpayments)."""

    fee = models.ForeignKey(Fee, on_delete=models.CASCADE, related_name="allowed")
    payer = models.ForeignKey(Payer, on_delete=models.CASCADE, related_name="expected_allowed")
    amount = _money_field("expected allowed")

    tenant_path: ClassVar[str] = "fee__schedule__practice"
    audited_fields: ClassVar[tuple[str, ...]] = ("payer", "amount")

    class Meta:
        ordering = ["payer__payer_id"]
        constraints = [
            models.UniqueConstraint(fields=["fee", "payer"], name="expected_allowed_once"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="allowed_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.payer.payer_id}: {self.amount}"

    def audit_label(self) -> str:
        return f"expected allowed of {self.payer.payer_id} for {self.fee.audit_label()}"

    @property
    def practice(self) -> Practice:  # for the audit trail's practice
        return self.fee.schedule.practice
