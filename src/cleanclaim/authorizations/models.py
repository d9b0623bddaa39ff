"""A prior authorization (the payer's approval of services before they are given) and
its consumption.

:class:`Authorization` belongs to a patient's coverage (so to one payer): the payer's
authorization number (the claim's REF*G1, 278 2000F REF*BB), the services it covers
(codes and inclusive ranges, ``97110-97140``, optionally only with modifiers), the
units or visits authorized, the dates (2000F DTP*AAH certification effective), the
referring provider, its status and notes. Units *used* are never typed: they are the
sum of its :class:`AuthorizationUse` rows, appended as claims are built (positive) and
given back when a claim is voided or replaced (negative rows pointing at the claim that
gave them back). Rows are written only through :mod:`cleanclaim.authorizations.actions`.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils import timezone

from cleanclaim.claims.models import Claim
from cleanclaim.edits.authorization import parse_services
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import Practice
from cleanclaim.practices.validators import npi_validator
from cleanclaim.tenancy.concurrency import Versioned


class AttachmentStorage(FileSystemStorage):
    """``var/authorizations``, read from the settings at each use."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.VAR_DIR / "authorizations")

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def attachment_storage() -> FileSystemStorage:
    """Authorization letters and faxes under ``var/authorizations`` (0700/0600): PHI,
    served only through the audited download view."""
    return AttachmentStorage(file_permissions_mode=0o600, directory_permissions_mode=0o700)


def services_validator(value: str) -> None:
    from django.core.exceptions import ValidationError

    try:
        if not parse_services(value):
            raise ValueError("name at least one code or range")
    except ValueError as exc:
        raise ValidationError(str(exc), code="services") from None


class Authorization(Versioned):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        APPROVED = "approved", "Approved"
        DENIED = "denied", "Denied"
        EXPIRED = "expired", "Expired"

    class Source(models.TextChoices):
        X278 = "278", "278 request"
        PORTAL = "portal", "Payer portal"
        PHONE = "phone", "Phone call"
        FAX = "fax", "Fax or letter"

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="authorizations")
    coverage = models.ForeignKey(Coverage, on_delete=models.PROTECT, related_name="authorizations")
    #: The payer's number (REF*G1 on the claim); blank while requested.
    number = models.CharField("authorization number", max_length=50, blank=True)
    #: Codes and inclusive ranges, e.g. ``97110-97140 97530``.
    services = models.CharField(max_length=200, validators=[services_validator])
    #: Only with one of these modifiers (empty: any).
    modifiers = models.JSONField(default=list, blank=True)
    #: Units or visits authorized (None: not limited by count).
    units_authorized = models.DecimalField(
        max_digits=8,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    counts_visits = models.BooleanField(
        default=False, help_text="The count is visits (one per claim) rather than units"
    )
    start_date = models.DateField()
    end_date = models.DateField()
    referring_npi = models.CharField(max_length=10, blank=True, validators=[npi_validator])
    referring_name = models.CharField(max_length=95, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.APPROVED)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PHONE)
    notes = models.TextField(blank=True)
    #: The 278 sent and received, when requested electronically (raw X12).
    request_x12 = models.TextField(blank=True)
    response_x12 = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    tenant_path: ClassVar[str] = "practice"
    audited_fields: ClassVar[tuple[str, ...]] = (
        "number",
        "services",
        "modifiers",
        "units_authorized",
        "counts_visits",
        "start_date",
        "end_date",
        "referring_npi",
        "referring_name",
        "status",
        "source",
        "notes",
    )

    class Meta:
        ordering = ["-end_date", "-pk"]
        indexes = [models.Index(fields=["practice", "patient"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="authorization_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"authorization {self.number or self.pk}"

    def audit_label(self) -> str:
        return f"authorization {self.number or self.pk} of patient {self.patient.account_number}"

    @property
    def units_used(self) -> Decimal:
        """The sum of the consumption rows (never typed)."""
        total: Any = self.uses.aggregate(s=Sum("units"))["s"]
        return Decimal(total or 0)

    @property
    def units_left(self) -> Decimal | None:
        if self.units_authorized is None:
            return None
        return self.units_authorized - self.units_used


class AuthorizationUse(models.Model):
    """Units of an authorization consumed by a claim (positive) or given back when the
    claim is voided or replaced (negative, ``claim`` the original, ``released_by`` the
    void or replacement). Append-only: never updated or deleted."""

    authorization = models.ForeignKey(Authorization, on_delete=models.PROTECT, related_name="uses")
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="authorization_uses")
    line_number = models.PositiveSmallIntegerField(null=True, blank=True)
    units = models.DecimalField(max_digits=8, decimal_places=3)
    released_by = models.ForeignKey(
        Claim, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    tenant_path: ClassVar[str] = "authorization__practice"

    class Meta:
        ordering = ["created_at", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("authorization uses are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("authorization uses are append-only")


class Attachment(models.Model):
    """A file kept with an authorization (the payer's letter, a fax)."""

    authorization = models.ForeignKey(
        Authorization, on_delete=models.PROTECT, related_name="attachments"
    )
    file = models.FileField(storage=attachment_storage, upload_to="%Y/%m")
    name = models.CharField(max_length=120)
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    tenant_path: ClassVar[str] = "authorization__practice"

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"attachment {self.name} of {self.authorization.audit_label()}"
