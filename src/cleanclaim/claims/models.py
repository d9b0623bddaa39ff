"""Encounter (a visit, coded) and Claim (what is billed to one payer for it).

An :class:`Encounter` holds what happened: who was seen, by whom, where, when, the
diagnoses in order (pointer letters A–L) and the service lines. A :class:`Claim` is
built from an encounter for the payer responsible (primary first) and carries a copy
of the lines as billed, so a sent claim never changes when the encounter does: a
correction is a new claim (frequency 7) linked to the one it replaces.

A claim's ``status`` is derived from its events (:mod:`cleanclaim.claims.events`) and
written in the same transaction as the event that changes it; the events themselves
are append-only (model, queryset and database triggers, migrations 0002/0003).

Rows are written only through :mod:`cleanclaim.claims.actions` (audited, optimistic
locking through ``version``: :class:`cleanclaim.tenancy.concurrency.Versioned`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation
from cleanclaim.practices.validators import pos_validator
from cleanclaim.tenancy.concurrency import Versioned

#: Diagnosis pointer letters, in HI order (CMS-1500 box 21 A–L; 837P SV107 counts 1–12).
POINTER_LETTERS = "ABCDEFGHIJKL"
MAX_DIAGNOSES = 12
MAX_MODIFIERS = 4
MAX_POINTERS = 4


class Encounter(Versioned):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="encounters")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="encounters")
    rendering_provider = models.ForeignKey(
        RenderingProvider, on_delete=models.PROTECT, related_name="encounters"
    )
    referring_npi = models.CharField("referring provider NPI", max_length=10, blank=True)
    referring_last_name = models.CharField(max_length=60, blank=True)
    referring_first_name = models.CharField(max_length=35, blank=True)
    location = models.ForeignKey(
        ServiceLocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="encounters",
        help_text="Service facility (2310C); its place of service is the default",
    )
    place_of_service = models.CharField(max_length=2, validators=[pos_validator])
    service_from = models.DateField("date of service")
    service_to = models.DateField("last date of service")
    coverage = models.ForeignKey(
        Coverage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Primary coverage used (None: self-pay)",
    )
    secondary_coverage = models.ForeignKey(
        Coverage, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    #: ICD-10-CM codes in dot form, in order: index 0 is pointer A (the principal).
    diagnoses = models.JSONField(default=list, blank=True)
    prior_authorization = models.CharField(max_length=50, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    tenant_path: ClassVar[str] = "practice"
    audited_fields: ClassVar[tuple[str, ...]] = (
        "rendering_provider_id",
        "referring_npi",
        "referring_last_name",
        "referring_first_name",
        "location_id",
        "place_of_service",
        "service_from",
        "service_to",
        "coverage_id",
        "secondary_coverage_id",
        "diagnoses",
        "prior_authorization",
    )

    class Meta:
        ordering = ["-service_from", "-id"]
        indexes = [models.Index(fields=["practice", "service_from"])]

    def __str__(self) -> str:
        return f"visit {self.pk} on {self.service_from}"

    def audit_label(self) -> str:
        return f"encounter {self.pk} of patient {self.patient.account_number}"

    @property
    def coded(self) -> bool:
        """Ready to bill: at least one diagnosis and one line ("visits to code" else)."""
        return bool(self.diagnoses) and self.lines.exists()


class EncounterLine(models.Model):
    """A service line: 837P 2400 (SV1), NDC in 2410 (LIN/CTP)."""

    encounter = models.ForeignKey(Encounter, on_delete=models.CASCADE, related_name="lines")
    number = models.PositiveSmallIntegerField()
    procedure = models.CharField(max_length=5, help_text="CPT or HCPCS Level II")
    modifiers = models.JSONField(default=list, blank=True)
    units = models.DecimalField(max_digits=8, decimal_places=3, default=Decimal(1))
    #: None until filled (by hand, or from the fee schedule when the claim is built).
    charge = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    #: Letters A–L into :attr:`Encounter.diagnoses`, at most four.
    pointers = models.JSONField(default=list, blank=True)
    ndc = models.CharField("NDC", max_length=11, blank=True)
    ndc_quantity = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    ndc_unit = models.CharField(max_length=2, blank=True, help_text="CTP05-1: UN, ML, GR, F2, ME")
    note = models.CharField(max_length=80, blank=True, help_text="Line note (NTE)")
    service_date = models.DateField(null=True, blank=True, help_text="Default: the visit's date")

    tenant_path: ClassVar[str] = "encounter__practice"

    class Meta:
        ordering = ["encounter", "number"]
        constraints = [
            models.UniqueConstraint(fields=["encounter", "number"], name="encounter_line_number")
        ]

    def __str__(self) -> str:
        return f"line {self.number}: {self.procedure}"


class Claim(Versioned):
    class Frequency(models.TextChoices):
        """CLM05-3 claim frequency type code (X12 element 1325)."""

        ORIGINAL = "1", "Original"
        REPLACEMENT = "7", "Replacement of prior claim"
        VOID = "8", "Void/cancel of prior claim"

    class Responsibility(models.TextChoices):
        """SBR01 payer responsibility sequence number code."""

        PRIMARY = "P", "Primary"
        SECONDARY = "S", "Secondary"
        TERTIARY = "T", "Tertiary"

    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="claims")
    encounter = models.ForeignKey(Encounter, on_delete=models.PROTECT, related_name="claims")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="claims")
    coverage = models.ForeignKey(Coverage, on_delete=models.PROTECT, related_name="claims")
    payer = models.ForeignKey(Payer, on_delete=models.PROTECT, related_name="claims")
    responsibility = models.CharField(
        max_length=1, choices=Responsibility.choices, default=Responsibility.PRIMARY
    )
    #: CLM01 patient control number (echoed in the 835's CLP01); unique per practice.
    number = models.CharField(max_length=20, blank=True)
    frequency = models.CharField(max_length=1, choices=Frequency.choices, default="1")
    #: REF*F8: the payer's claim control number of the claim replaced or voided.
    payer_claim_control_number = models.CharField(max_length=50, blank=True)
    replaces = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by"
    )
    #: A secondary (or tertiary) claim: the claim of the payer that paid before it.
    primary_claim = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="secondaries"
    )
    #: The prior payers' adjudication (837P 2320/2330A/2330B), in the JSON claim form's
    #: ``other_payers`` shape (:func:`cleanclaim.x12.x222a1_837p.json.other_payer_json`).
    other_payers = models.JSONField(default=list, blank=True)
    rendering_provider = models.ForeignKey(
        RenderingProvider, on_delete=models.PROTECT, related_name="claims"
    )
    referring_npi = models.CharField(max_length=10, blank=True)
    referring_last_name = models.CharField(max_length=60, blank=True)
    referring_first_name = models.CharField(max_length=35, blank=True)
    location = models.ForeignKey(
        ServiceLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    place_of_service = models.CharField(max_length=2, validators=[pos_validator])
    service_from = models.DateField()
    service_to = models.DateField()
    diagnoses = models.JSONField(default=list, blank=True)
    prior_authorization = models.CharField(max_length=50, blank=True)
    total_charge = models.DecimalField(max_digits=12, decimal_places=2)
    #: The last day to file (timely limit from the payer profile), for the work lists.
    filing_due = models.DateField(null=True, blank=True)
    #: Derived from the events (:func:`cleanclaim.claims.events.status_of`); never set by hand.
    status = models.CharField(max_length=20, default="built", db_index=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    tenant_path: ClassVar[str] = "practice"
    #: What an edit may change (before the claim is sent).
    audited_fields: ClassVar[tuple[str, ...]] = (
        "place_of_service",
        "prior_authorization",
        "referring_npi",
        "referring_last_name",
        "referring_first_name",
        "payer_claim_control_number",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["practice", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "number"],
                condition=~models.Q(number=""),
                name="claim_number_per_practice",
            )
        ]

    def __str__(self) -> str:
        return f"claim {self.number or self.pk}"

    def audit_label(self) -> str:
        return f"claim {self.number or self.pk} of patient {self.patient.account_number}"


class ClaimLine(models.Model):
    """A line as billed on the claim (a copy of the encounter's, charge filled)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    number = models.PositiveSmallIntegerField()
    procedure = models.CharField(max_length=5)
    modifiers = models.JSONField(default=list, blank=True)
    units = models.DecimalField(max_digits=8, decimal_places=3)
    charge = models.DecimalField(max_digits=10, decimal_places=2)
    #: 1-based indexes into :attr:`Claim.diagnoses` (SV107).
    pointers = models.JSONField(default=list, blank=True)
    ndc = models.CharField(max_length=11, blank=True)
    ndc_quantity = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    ndc_unit = models.CharField(max_length=2, blank=True)
    note = models.CharField(max_length=80, blank=True)
    service_date = models.DateField()
    #: How each prior payer adjudicated the line (837P 2430), in the JSON claim form's
    #: shape (:func:`cleanclaim.x12.x222a1_837p.json.adjudication_json`).
    adjudications = models.JSONField(default=list, blank=True)

    tenant_path: ClassVar[str] = "claim__practice"

    class Meta:
        ordering = ["claim", "number"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "number"], name="claim_line_number")
        ]

    def __str__(self) -> str:
        return f"line {self.number}: {self.procedure}"


class AppendOnlyError(RuntimeError):
    """Raised on any attempt to change or remove a claim event."""


class ClaimEventQuerySet(models.QuerySet["ClaimEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("claim events are append-only: they cannot be updated")

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        raise AppendOnlyError("claim events are append-only: they cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("claim events are append-only: they cannot be deleted")

    def _raw_delete(self, using: Any) -> int:
        raise AppendOnlyError("claim events are append-only: they cannot be deleted")


class ClaimEvent(models.Model):
    """One thing that happened to a claim (kinds: :class:`cleanclaim.claims.events.Kind`)."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20)
    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    user_label = models.CharField(max_length=254)
    data = models.JSONField(default=dict, blank=True)

    objects = ClaimEventQuerySet.as_manager()

    tenant_path: ClassVar[str] = "claim__practice"

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("claim events are append-only: they cannot be updated")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("claim events are append-only: they cannot be deleted")


class FavouriteCode(models.Model):
    """A code a coder pinned to a rendering provider's favourites on the coding screen, or
    (``pinned`` False) took off the list learned from the provider's claims
    (:mod:`cleanclaim.claims.favourites`)."""

    class Kind(models.TextChoices):
        DIAGNOSIS = "diagnosis", "Diagnosis"
        PROCEDURE = "procedure", "Procedure"

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey(
        RenderingProvider, on_delete=models.CASCADE, related_name="favourite_codes"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    code = models.CharField(max_length=8)
    pinned = models.BooleanField(default=True, help_text="False: hidden from the learned list")
    updated_at = models.DateTimeField(default=timezone.now)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["provider", "kind", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "kind", "code"], name="favourite_code_per_provider"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code}"

    def audit_label(self) -> str:
        state = "pinned" if self.pinned else "hidden"
        return f"favourite {self.kind} {self.code} of {self.provider} ({state})"
