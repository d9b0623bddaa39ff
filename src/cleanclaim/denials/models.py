"""Denials and the payer rules proposed from repeated ones.

Written only through :mod:`cleanclaim.denials.actions`. A :class:`Denial` is created
from a posted claim payment under a key unique per practice (the claim payment's key
and the posting's position), so posting hooks run twice create nothing twice.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from cleanclaim.practices.models import Organisation, Practice

CATEGORY_CHOICES = [
    ("registration", "Registration / eligibility"),
    ("coding", "Coding"),
    ("authorization", "Authorization"),
    ("medical_necessity", "Medical necessity"),
    ("timely_filing", "Timely filing"),
    ("duplicate", "Duplicate"),
    ("coordination_of_benefits", "Coordination of benefits"),
    ("other", "Other"),
]


class Denial(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        APPEALED = "appealed", "Appealed"
        RESUBMITTED = "resubmitted", "Corrected and resubmitted"
        VOIDED = "voided", "Voided"
        WRITTEN_OFF = "written_off", "Written off"
        #: the payer paid the line on a later answer (reprocessed after a reversal, or
        #: on appeal): closed by the posting, not by a person
        PAID = "paid", "Paid on a later answer"

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=200)
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="denials")
    claim_payment = models.ForeignKey(
        "remits.ClaimPayment", on_delete=models.PROTECT, related_name="denials"
    )
    payer = models.ForeignKey("payers.Payer", on_delete=models.PROTECT, related_name="+")
    #: Our claim line (None: a claim-level adjustment), its procedure.
    line_number = models.PositiveSmallIntegerField(null=True, blank=True)
    procedure = models.CharField(max_length=5, blank=True)
    #: CAS01 group and CAS02 reason (CARC); the line's LQ RARCs.
    group = models.CharField(max_length=2)
    carc = models.CharField(max_length=5)
    rarcs = models.JSONField(default=list, blank=True)
    carc_text = models.TextField(blank=True)
    rarc_texts = models.JSONField(default=list, blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    category = models.CharField(max_length=30, choices=CATEGORY_CHOICES)
    category_source = models.CharField(max_length=200, blank=True)
    next_step = models.CharField(max_length=300, blank=True)
    payer_claim_number = models.CharField(max_length=50, blank=True)  # CLP07
    #: The determination's date (BPR16) and the first-level appeal's last day.
    determined_on = models.DateField()
    appeal_due = models.DateField(null=True, blank=True)
    appeal_citation = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    #: An appeal: its letter (PDF), when sent, and when to look for the answer.
    appeal_pdf = models.BinaryField(null=True, blank=True)
    appealed_at = models.DateTimeField(null=True, blank=True)
    follow_up = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["appeal_due", "id"]
        constraints = [models.UniqueConstraint(fields=["practice", "key"], name="denial_once")]
        indexes = [models.Index(fields=["practice", "status", "appeal_due"])]

    def __str__(self) -> str:
        return f"denial {self.group}-{self.carc} on {self.claim_id}"

    def audit_label(self) -> str:
        return f"denial {self.group}-{self.carc} line {self.line_number} of claim {self.claim_id}"

    @property
    def reason(self) -> str:
        return f"{self.group}-{self.carc}"


class Proposal(models.Model):
    """A payer rule proposed from repeated denials, for a manager to accept or dismiss."""

    class Status(models.TextChoices):
        OPEN = "open", "Proposed"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    payer = models.ForeignKey("payers.Payer", on_delete=models.PROTECT, related_name="+")
    procedure = models.CharField(max_length=5)
    reason = models.CharField(max_length=10)  # GROUP-CARC
    kind = models.CharField(max_length=30)  # the payer rule kind (prior-auth, not-covered)
    #: The rule in the payer rule language (one ``- id: ...`` item under ``rules:``).
    text = models.TextField()
    denials = models.ManyToManyField(Denial, related_name="proposals")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    why = models.CharField(max_length=300, blank=True)
    rule_version = models.ForeignKey(
        "payerrules.RuleVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    tenant_path: ClassVar[str] = "organisation"

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"proposed {self.kind} {self.procedure} for {self.payer_id}"

    def audit_label(self) -> str:
        return f"payer rule proposal {self.kind} {self.procedure} ({self.reason})"
