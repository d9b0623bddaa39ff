"""Connections to clearinghouses, the batches sent through them and every file kept.

A :class:`Connection` is one account at one clearinghouse, for every practice of an
organisation (``practice`` null) or for one practice. Its ``plugin`` names the
plug-in folder (:mod:`cleanclaim.clearinghouses.registry`) that knows how to talk
to it; ``settings`` holds the plug-in's non-secret settings, ``secrets`` the
passwords and keys, encrypted at rest (:mod:`cleanclaim.clearinghouses.secrets`).
The envelope ids written into every 837P come from the connection, never from a
setting elsewhere: ISA05/ISA06 and ISA07/ISA08 (interchange sender and receiver),
ISA15 (usage indicator, ``T`` test or ``P`` production), GS02/GS03 (application
sender and receiver codes), 1000A (submitter) and 1000B (receiver).

A :class:`Batch` is one 837P interchange: one ISA/GS/ST with control numbers from
:func:`cleanclaim.clearinghouses.control.next_numbers`, never reused. A
:class:`TransmissionFile` is every file sent or received, kept with its SHA-256
(unique per connection and direction: a file taken in twice is one file).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from cleanclaim.practices.models import Organisation, Practice
from cleanclaim.tenancy.concurrency import Versioned


class Usage(models.TextChoices):
    """ISA15 usage indicator."""

    TEST = "T", "Test (T)"
    PRODUCTION = "P", "Production (P)"


class Connection(Versioned):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="connections"
    )
    #: None: every practice of the organisation sends through it.
    practice = models.ForeignKey(
        Practice, on_delete=models.PROTECT, null=True, blank=True, related_name="connections"
    )
    name = models.CharField(
        max_length=60,
        help_text="What payer profiles name as their clearinghouse connection",
    )
    plugin = models.CharField(max_length=30)
    #: The plug-in's non-secret settings (host, folders, patterns, URL...).
    settings = models.JSONField(default=dict, blank=True)
    #: Fernet token of the JSON of the plug-in's secrets; never logged or audited in clear.
    secrets = models.TextField(blank=True, default="")
    usage_indicator = models.CharField(
        "usage (ISA15)", max_length=1, choices=Usage.choices, default=Usage.TEST
    )
    isa_sender_qualifier = models.CharField("ISA05", max_length=2, default="ZZ")
    isa_sender_id = models.CharField("ISA06", max_length=15)
    isa_receiver_qualifier = models.CharField("ISA07", max_length=2, default="ZZ")
    isa_receiver_id = models.CharField("ISA08", max_length=15)
    gs_sender = models.CharField("GS02", max_length=15)
    gs_receiver = models.CharField("GS03", max_length=15)
    submitter_name = models.CharField("submitter name (1000A NM103)", max_length=60)
    submitter_id = models.CharField("submitter id (1000A NM109)", max_length=80)
    submitter_contact = models.CharField("submitter contact (1000A PER02)", max_length=60)
    submitter_phone = models.CharField("submitter phone (1000A PER04)", max_length=20)
    receiver_name = models.CharField("receiver name (1000B NM103)", max_length=60)
    receiver_id = models.CharField("receiver id (1000B NM109)", max_length=80)
    #: ``"<keytype> <base64>"`` pinned on first use (SFTP).
    pinned_host_key = models.TextField(blank=True, default="")
    active = models.BooleanField(default=True)

    tenant_path: ClassVar[str] = "organisation"
    audited_fields: ClassVar[tuple[str, ...]] = (
        "name",
        "practice_id",
        "plugin",
        "settings",
        "secrets",
        "usage_indicator",
        "isa_sender_qualifier",
        "isa_sender_id",
        "isa_receiver_qualifier",
        "isa_receiver_id",
        "gs_sender",
        "gs_receiver",
        "submitter_name",
        "submitter_id",
        "submitter_contact",
        "submitter_phone",
        "receiver_name",
        "receiver_id",
        "pinned_host_key",
        "active",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="connection_name_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"connection {self.name}"


class ControlCounter(models.Model):
    """The last control number used per connection (ISA13, GS06, ST02 are drawn from
    it under a row lock: see :mod:`cleanclaim.clearinghouses.control`)."""

    connection = models.OneToOneField(
        Connection, on_delete=models.CASCADE, related_name="control_counter"
    )
    last = models.PositiveBigIntegerField(default=0)

    tenant_path: ClassVar[str] = "connection__organisation"


class Batch(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        ACCEPTED = "accepted", "Accepted"
        PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
        REJECTED = "rejected", "Rejected"
        FAILED = "failed", "Failed"

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="batches")
    connection = models.ForeignKey(Connection, on_delete=models.PROTECT, related_name="batches")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    isa13 = models.PositiveIntegerField("ISA13")
    gs06 = models.PositiveIntegerField("GS06")
    st02 = models.PositiveIntegerField("ST02")
    usage_indicator = models.CharField("ISA15", max_length=1, choices=Usage.choices)
    claim_count = models.PositiveIntegerField(default=0)
    total_charge = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    progress_done = models.PositiveBigIntegerField(default=0)
    progress_total = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "batches"
        constraints = [
            models.UniqueConstraint(fields=["connection", "isa13"], name="batch_isa13_once"),
        ]

    def __str__(self) -> str:
        return f"batch {self.pk} (ISA13 {self.isa13:09d})"

    def audit_label(self) -> str:
        return f"batch {self.pk} ({self.claim_count} claims, ISA13 {self.isa13:09d})"


class BatchClaim(models.Model):
    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="batch_claims")
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="batch_claims")
    #: CLM01 as sent: what 277CAs and 835s name the claim by.
    patient_control_number = models.CharField(max_length=38)
    #: Order in the 837P (1-based).
    position = models.PositiveIntegerField()

    tenant_path: ClassVar[str] = "batch__practice"

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "claim"], name="claim_once_per_batch"),
        ]
        indexes = [models.Index(fields=["patient_control_number"])]


class TransmissionFile(models.Model):
    class Direction(models.TextChoices):
        OUT = "out", "Sent"
        IN = "in", "Received"

    class Kind(models.TextChoices):
        X837P = "837P", "837P claims"
        X999 = "999", "999 acknowledgment"
        TA1 = "TA1", "TA1 interchange acknowledgment"
        X277CA = "277CA", "277CA claim acknowledgment"
        X835 = "835", "835 remittance"
        X270 = "270", "270 eligibility request"
        X271 = "271", "271 eligibility response"
        X276 = "276", "276 claim status request"
        X277 = "277", "277 claim status response"
        X278 = "278", "278 authorization"
        OTHER = "other", "Other"

    connection = models.ForeignKey(Connection, on_delete=models.PROTECT, related_name="files")
    practice = models.ForeignKey(
        Practice, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    batch = models.ForeignKey(
        Batch, on_delete=models.PROTECT, null=True, blank=True, related_name="files"
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True, default="")

    tenant_path: ClassVar[str] = "connection__organisation"

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "direction", "sha256"], name="file_once_per_connection"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.name}"

    def audit_label(self) -> str:
        return f"{self.get_direction_display().lower()} file {self.name}"
