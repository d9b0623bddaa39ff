"""835 files as received, their claim payments and line postings, the unmatched work
list and the posting rules per practice.

Written only through :mod:`cleanclaim.remits.actions`. A :class:`ClaimPayment` row is
created in the same transaction as its ledger entries and claim event, under a key
unique per practice (decision 1001): its existence is the proof the claim payment
was posted, which makes a second run, or a run after a crash, post nothing twice.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from cleanclaim.practices.models import Organisation, Practice


class RemittanceFile(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        REFUSED = "refused", "Refused (does not balance)"
        DRY_RUN = "dry_run", "Dry run shown"
        POSTING = "posting", "Posting"
        POSTED = "posted", "Posted"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    #: None when the file came in for the organisation (a clearinghouse mailbox).
    practice = models.ForeignKey(
        Practice, on_delete=models.PROTECT, null=True, blank=True, related_name="remittances"
    )
    name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    raw = models.BinaryField()
    #: N1*PR N104 (else TRN03, else the payer's name); TRN02 check/EFT trace.
    payer_key = models.CharField(max_length=80, blank=True)
    payer_name = models.CharField(max_length=60, blank=True)
    trace = models.CharField(max_length=50, blank=True)
    #: BPR02 total actual provider payment; BPR04 method; BPR16 date.
    total_payment = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    payment_method = models.CharField(max_length=3, blank=True)
    payment_date = models.DateField(null=True, blank=True)
    claim_count = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    #: Balancing differences (``Difference.as_dict``) of a refused file.
    differences = models.JSONField(default=list, blank=True)
    #: The last dry run: per claim payment, its match and postings.
    dry_run = models.JSONField(default=list, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    posted_at = models.DateTimeField(null=True, blank=True)

    tenant_path: ClassVar[str] = "organisation"

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "sha256"], name="remit_file_once")
        ]

    def __str__(self) -> str:
        return f"835 {self.name} ({self.trace})"

    def audit_label(self) -> str:
        return f"835 {self.name} trace {self.trace}"


class ClaimPayment(models.Model):
    """One 2100 claim payment (CLP), posted once."""

    remittance = models.ForeignKey(RemittanceFile, on_delete=models.PROTECT, related_name="claims")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    #: payer + TRN02 + CLP01 + CLP07 + sequence (:func:`cleanclaim.remittance.claim_payment_keys`).
    key = models.CharField(max_length=200)
    sequence = models.PositiveIntegerField(help_text="position in the file, 0-based")
    patient_control_number = models.CharField(max_length=38)  # CLP01
    status_code = models.CharField(max_length=2)  # CLP02
    charge = models.DecimalField(max_digits=12, decimal_places=2)  # CLP03
    paid = models.DecimalField(max_digits=12, decimal_places=2)  # CLP04
    patient_responsibility = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True
    )  # CLP05
    payer_claim_number = models.CharField(max_length=50, blank=True)  # CLP07
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.PROTECT, null=True, blank=True, related_name="payments"
    )
    #: patient_control_number, payer_claim_number, patient_and_dates, by_hand, unmatched.
    how = models.CharField(max_length=30)
    forwarded = models.BooleanField(default=False, help_text="CLP02 19/20/21: crossover")
    #: The postings written (``Posting.as_dict``), for the detail page and the API.
    postings = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=200, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["remittance", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "key"], name="claim_payment_once")
        ]

    def __str__(self) -> str:
        return f"claim payment {self.patient_control_number} ({self.key})"

    def audit_label(self) -> str:
        return f"claim payment {self.patient_control_number} of 835 {self.remittance_id}"


class LinePosting(models.Model):
    """A service line (2110) and the line of our claim it answered, and how."""

    claim_payment = models.ForeignKey(ClaimPayment, on_delete=models.CASCADE, related_name="lines")
    index = models.PositiveSmallIntegerField()
    line_number = models.PositiveSmallIntegerField(null=True, blank=True)
    how = models.CharField(max_length=30)
    procedure = models.CharField(max_length=48)  # SVC01-2 (+ modifiers)
    charge = models.DecimalField(max_digits=12, decimal_places=2)  # SVC02
    paid = models.DecimalField(max_digits=12, decimal_places=2)  # SVC03

    tenant_path: ClassVar[str] = "claim_payment__practice"

    class Meta:
        ordering = ["claim_payment", "index"]


class Unmatched(models.Model):
    """A claim payment no claim of ours answered: on the work list until matched."""

    claim_payment = models.OneToOneField(
        ClaimPayment, on_delete=models.PROTECT, related_name="unmatched"
    )
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    #: ``[{"id", "number", "patient", "service_from", "total_charge"}]`` weighed.
    candidates = models.JSONField(default=list, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["id"]

    def audit_label(self) -> str:
        return f"unmatched payment {self.claim_payment.patient_control_number}"


class Underpayment(models.Model):
    """A line paid below the fee schedule's expected allowed amount for the payer."""

    claim_payment = models.ForeignKey(
        ClaimPayment, on_delete=models.PROTECT, related_name="underpayments"
    )
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    line_number = models.PositiveSmallIntegerField()
    procedure = models.CharField(max_length=5)
    allowed = models.DecimalField(max_digits=12, decimal_places=2)
    expected = models.DecimalField(max_digits=12, decimal_places=2)
    resolved_at = models.DateTimeField(null=True, blank=True)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["id"]


class PostingRule(models.Model):
    """A practice's override of :data:`cleanclaim.remittance.DEFAULT_RULES`: ``key`` is
    ``GROUP-CARC`` (``CO-45``), ``GROUP-*`` or ``RARC:<code>``."""

    class Action(models.TextChoices):
        WRITE_OFF = "write_off", "Write off"
        PATIENT = "patient", "Move to patient responsibility"
        ADJUST = "adjust", "Other adjustment"
        HOLD = "hold", "Hold for review"

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=20)
    action = models.CharField(max_length=10, choices=Action.choices)
    #: Who set the rule last and when (None: set before the rules page, or by a script).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(null=True, blank=True)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["practice", "key"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "key"], name="posting_rule_once")
        ]

    def audit_label(self) -> str:
        return f"posting rule {self.key} of practice {self.practice_id}"
