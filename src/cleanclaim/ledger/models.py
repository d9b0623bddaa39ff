"""Ledger entries: append-only, each moving money into or out of one bucket.

A patient's account has two buckets: what insurance still owes (``insurance``) and
what the patient owes (``patient``). The practice has its own (``practice``) for
provider-level amounts (835 PLB: interest, forward balances, recoupments), which
belong to no patient. An entry's ``amount`` is signed: positive raises the bucket's
balance (a charge, a transfer into patient responsibility, a refund paid out),
negative lowers it (a payment, an adjustment, a write-off). A balance is the sum of
a bucket's entries; a negative patient balance is a credit (refund due).

Examples for one $100 line the payer allows at $80, paying $60 with $20 deductible::

    charge                  insurance  +100.00
    insurance_payment       insurance   -60.00
    contractual_adjustment  insurance   -20.00   (CO-45)
    transfer_to_patient     insurance   -20.00   (PR-1)
    transfer_to_patient     patient     +20.00
    patient_payment         patient     -20.00

Every entry carries an idempotency ``key`` unique per practice: writing the same key
twice is refused by the database, so posting twice changes nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Practice


class Bucket(models.TextChoices):
    INSURANCE = "insurance", "Insurance"
    PATIENT = "patient", "Patient"
    PRACTICE = "practice", "Practice (provider-level)"


class EntryKind(models.TextChoices):
    CHARGE = "charge", "Charge"
    INSURANCE_PAYMENT = "insurance_payment", "Insurance payment"
    CONTRACTUAL_ADJUSTMENT = "contractual_adjustment", "Contractual adjustment"
    OTHER_ADJUSTMENT = "other_adjustment", "Other adjustment"
    TRANSFER_TO_PATIENT = "transfer_to_patient", "Patient responsibility"
    TRANSFER_TO_INSURANCE = "transfer_to_insurance", "Moved to insurance"
    PATIENT_PAYMENT = "patient_payment", "Patient payment"
    REFUND = "refund", "Refund"
    WRITE_OFF = "write_off", "Write-off"
    REVERSAL = "reversal", "Reversal"
    PROVIDER_ADJUSTMENT = "provider_adjustment", "Provider-level adjustment"


class LedgerEntryQuerySet(models.QuerySet["LedgerEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise RuntimeError("ledger entries are append-only: post a reversing entry instead")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise RuntimeError("ledger entries are append-only: post a reversing entry instead")


class LedgerEntry(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="ledger")
    #: None for practice-level entries (bucket ``practice``).
    patient = models.ForeignKey(
        Patient, on_delete=models.PROTECT, null=True, blank=True, related_name="ledger"
    )
    #: The claim (and its line number) the amount belongs to, when it belongs to one.
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger"
    )
    line_number = models.PositiveSmallIntegerField(null=True, blank=True)
    bucket = models.CharField(max_length=10, choices=Bucket.choices)
    kind = models.CharField(max_length=24, choices=EntryKind.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    #: CARC group and reason (``CO-45``, ``PR-1``) or another short code, when one applies.
    reason = models.CharField(max_length=20, blank=True)
    #: What wrote it: ``remit:<id>``, ``checkin:<id>``, ``statement:<id>`` ...
    source = models.CharField(max_length=80, blank=True)
    memo = models.CharField(max_length=200, blank=True)
    #: Idempotency key, unique per practice (e.g. ``835:<payer>:<trace>:<clp>:<line>:<n>``).
    key = models.CharField(max_length=200)
    effective_date = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = LedgerEntryQuerySet.as_manager()

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["effective_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "key"], name="ledger_key_per_practice"),
        ]
        indexes = [
            models.Index(fields=["patient", "bucket"]),
            models.Index(fields=["claim"]),
        ]

    def __str__(self) -> str:
        return f"{self.effective_date} {self.kind} {self.bucket} {self.amount}"

    def audit_label(self) -> str:
        who = self.patient.account_number if self.patient_id else "practice"
        return f"ledger entry {self.kind} {self.amount} on {who}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise RuntimeError("ledger entries are append-only: post a reversing entry instead")
        if not isinstance(self.amount, Decimal):
            raise TypeError("ledger amounts are Decimal")
        super().save(*args, **kwargs)
