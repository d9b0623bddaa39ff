"""A payer profile: who pays, how claims reach them, and how long we have.

One :class:`Payer` per insurer per organisation holds the whole profile; a practice
may override part of it (:class:`PracticePayerOverride`, resolved by
:func:`cleanclaim.payers.profile.effective_profile`).

``kind`` decides the claim filing indicator written in 837P SBR09 (X12 element 1032:
MB Medicare Part B, MC Medicaid, CI commercial insurance, BL Blue Cross/Blue Shield,
HM HMO, ...) unless ``filing_indicator_override`` names another code. Time limits are
payer facts, not constants: Medicare Part B allows 12 months after the date of
service (42 CFR 424.44(a)(1)), other payers set their own; each limit is an amount,
a unit (days or calendar months) and the citation it comes from
(:class:`cleanclaim.deadlines.Limit`).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from cleanclaim.practices.models import Organisation, Practice
from cleanclaim.tenancy.concurrency import Versioned
from cleanclaim.x12.x222a1_837p.codes import FilingIndicator

_PAYER_ID = re.compile(r"^[A-Za-z0-9]{2,80}$")

#: The limits a profile holds: field prefix → label. Each has ``_amount``, ``_unit``
#: and ``_citation`` fields; ``timely`` is required, the others optional.
LIMITS: dict[str, str] = {
    "timely": "timely filing",
    "secondary": "secondary claim",
    "corrected": "corrected claim",
    "appeal_first": "first-level appeal",
    "appeal_second": "second-level appeal",
}
#: Largest accepted limit per unit (ten years).
MAX_LIMIT = {"days": 3650, "months": 120}

#: Transactions a practice enrols in with a payer: prefix → label.
ENROLMENTS: dict[str, str] = {
    "claims": "Claims (837P)",
    "era": "Remittance (ERA 835)",
    "eft": "Payments (EFT)",
    "eligibility": "Eligibility (270/271)",
    "claim_status": "Claim status (276/277)",
}


def payer_id_validator(value: str) -> None:
    """Electronic payer ids are letters and digits (837P NM109 of NM1*PR, 2-80 characters)."""
    if not _PAYER_ID.match(value or ""):
        raise ValidationError(
            f"payer id {value!r} must be 2 to 80 letters or digits", code="payer_id"
        )


def payer_ids_validator(value: str) -> None:
    for one in value.split():
        payer_id_validator(one)


class Unit(models.TextChoices):
    DAYS = "days", "days"
    MONTHS = "months", "months"


class Inquiry(models.TextChoices):
    """How eligibility (270/271) or claim status (276/277) is asked."""

    REALTIME = "realtime", "Real-time (electronic)"
    BATCH = "batch", "Batch (electronic)"
    PORTAL = "portal", "Payer portal"
    PHONE = "phone", "Phone"


class Enrolment(models.TextChoices):
    NOT_REQUIRED = "not_required", "Not required"
    NOT_STARTED = "not_started", "Not started"
    PENDING = "pending", "Submitted, pending"
    APPROVED = "approved", "Approved"
    DENIED = "denied", "Denied"


def _limit_fields(prefix: str, *, required: bool) -> tuple[Any, Any, Any]:
    """The ``amount``, ``unit`` and ``citation`` fields of one limit."""
    label = LIMITS[prefix]
    return (
        models.PositiveIntegerField(
            f"{label} limit",
            null=True,  # required through blank=False for timely filing
            blank=not required,
            help_text="" if required else "Blank: the payer sets none (or it is not known)",
        ),
        models.CharField(f"{label} unit", max_length=6, choices=Unit.choices, default=Unit.DAYS),
        models.CharField(
            f"{label} source",
            max_length=200,
            blank=True,
            help_text="Where the figure comes from: a regulation, a contract clause, a call",
        ),
    )


class Payer(Versioned):
    class Kind(models.TextChoices):
        MEDICARE_B = "medicare_b", "Medicare Part B"
        MEDICAID = "medicaid", "Medicaid"
        COMMERCIAL = "commercial", "Commercial"
        BCBS = "bcbs", "Blue Cross/Blue Shield"
        HMO = "hmo", "HMO"
        OTHER = "other", "Other"

    class Submission(models.TextChoices):
        ELECTRONIC = "electronic", "Electronic (837P via a clearinghouse connection)"
        PAPER = "paper", "Paper (CMS-1500 by mail)"
        PORTAL = "portal", "Upload on the payer's portal"

    #: SBR09 claim filing indicator per kind (X12 element 1032).
    FILING_INDICATOR: ClassVar[dict[str, str]] = {
        Kind.MEDICARE_B: "MB",
        Kind.MEDICAID: "MC",
        Kind.COMMERCIAL: "CI",
        Kind.BCBS: "BL",
        Kind.HMO: "HM",
        Kind.OTHER: "ZZ",
    }

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="payers")
    name = models.CharField(max_length=60)
    aliases = models.TextField(
        blank=True, help_text="Other names this payer goes by (on cards, remittances), one a line"
    )
    payer_id = models.CharField(
        "payer id",
        max_length=80,
        validators=[payer_id_validator],
        help_text="The electronic payer id the clearinghouse routes on",
    )
    alias_payer_ids = models.CharField(
        "other payer ids",
        max_length=400,
        blank=True,
        validators=[payer_ids_validator],
        help_text="Other ids that mean this payer (old ids, ids on remittances), space-separated",
    )
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    filing_indicator_override = models.CharField(
        "claim filing indicator (SBR09)",
        max_length=2,
        blank=True,
        choices=[
            (c.value, f"{c.value} {c.name.replace('_', ' ').lower()}") for c in FilingIndicator
        ],
        help_text="Blank: derived from the type",
    )
    # How claims go
    submission = models.CharField(
        "claim submission",
        max_length=20,
        choices=Submission.choices,
        default=Submission.ELECTRONIC,
    )
    clearinghouse_connection = models.CharField(
        max_length=60,
        blank=True,
        help_text="The clearinghouse connection electronic claims go through",
    )
    portal_url = models.URLField("portal URL", blank=True)
    claims_address = models.TextField(
        "paper claims address", blank=True, help_text="Where CMS-1500 claims are mailed"
    )
    corrected_claims_electronic = models.BooleanField(
        "accepts corrected claims electronically",
        default=True,
        help_text="837P frequency 7 (replacement) or 8 (void)",
    )
    corrected_claims_process = models.CharField(
        "how corrections are made otherwise",
        max_length=200,
        blank=True,
        help_text="e.g. a reopening request (Medicare Part B)",
    )
    corrected_claims_address = models.TextField(blank=True)
    appeals_address = models.TextField(blank=True)
    # How eligibility and claim status are asked
    eligibility_method = models.CharField(
        "eligibility asked by", max_length=10, choices=Inquiry.choices, default=Inquiry.REALTIME
    )
    claim_status_method = models.CharField(
        "claim status asked by", max_length=10, choices=Inquiry.choices, default=Inquiry.REALTIME
    )
    claim_status_after_days = models.PositiveSmallIntegerField(
        "ask claim status after (days)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=(
            "A sent claim with no payment or denial after this many days gets a 276 claim "
            "status inquiry (real time), once per period"
        ),
    )
    # Enrolment per transaction
    claims_enrolment = models.CharField(
        "claims (837P) enrolment",
        max_length=12,
        choices=Enrolment.choices,
        default=Enrolment.NOT_STARTED,
    )
    claims_enrolment_submitted = models.DateField(
        "claims enrolment submitted", null=True, blank=True
    )
    claims_enrolment_effective = models.DateField(
        "claims enrolment effective", null=True, blank=True
    )
    era_enrolment = models.CharField(
        "ERA (835) enrolment",
        max_length=12,
        choices=Enrolment.choices,
        default=Enrolment.NOT_STARTED,
    )
    era_enrolment_submitted = models.DateField("ERA enrolment submitted", null=True, blank=True)
    era_enrolment_effective = models.DateField("ERA enrolment effective", null=True, blank=True)
    eft_enrolment = models.CharField(
        "EFT enrolment", max_length=12, choices=Enrolment.choices, default=Enrolment.NOT_STARTED
    )
    eft_enrolment_submitted = models.DateField("EFT enrolment submitted", null=True, blank=True)
    eft_enrolment_effective = models.DateField("EFT enrolment effective", null=True, blank=True)
    eligibility_enrolment = models.CharField(
        "eligibility (270/271) enrolment",
        max_length=12,
        choices=Enrolment.choices,
        default=Enrolment.NOT_STARTED,
    )
    eligibility_enrolment_submitted = models.DateField(
        "eligibility enrolment submitted", null=True, blank=True
    )
    eligibility_enrolment_effective = models.DateField(
        "eligibility enrolment effective", null=True, blank=True
    )
    claim_status_enrolment = models.CharField(
        "claim status (276/277) enrolment",
        max_length=12,
        choices=Enrolment.choices,
        default=Enrolment.NOT_STARTED,
    )
    claim_status_enrolment_submitted = models.DateField(
        "claim status enrolment submitted", null=True, blank=True
    )
    claim_status_enrolment_effective = models.DateField(
        "claim status enrolment effective", null=True, blank=True
    )
    # When
    timely_amount, timely_unit, timely_citation = _limit_fields("timely", required=True)
    secondary_amount, secondary_unit, secondary_citation = _limit_fields(
        "secondary", required=False
    )  # from the primary payer's payment date
    corrected_amount, corrected_unit, corrected_citation = _limit_fields(
        "corrected", required=False
    )  # from the original claim's determination
    appeal_first_amount, appeal_first_unit, appeal_first_citation = _limit_fields(
        "appeal_first", required=False
    )  # from the initial determination
    appeal_second_amount, appeal_second_unit, appeal_second_citation = _limit_fields(
        "appeal_second", required=False
    )  # from the first-level decision
    submission_hold = models.CharField(
        max_length=200,
        blank=True,
        help_text="Why claims wait before they go, e.g. until the referral arrives; blank: none",
    )
    notes = models.TextField(blank=True, help_text="Sources of this profile, what to confirm")
    active = models.BooleanField(default=True)

    tenant_path: ClassVar[str] = "organisation"
    #: Fields the audit trail records and the API and form may change.
    audited_fields: ClassVar[tuple[str, ...]] = ()  # filled in below the class

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "payer_id"], name="payer_id_per_org"),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"payer {self.payer_id}"

    @property
    def filing_indicator(self) -> str:
        """SBR09: the override, else the code of the payer's type."""
        return self.filing_indicator_override or self.FILING_INDICATOR[self.kind]

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def other_payer_ids(self) -> list[str]:
        return self.alias_payer_ids.split()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for prefix, label in LIMITS.items():
            amount = getattr(self, f"{prefix}_amount")
            unit = getattr(self, f"{prefix}_unit")
            top = MAX_LIMIT.get(unit)
            if amount is not None and top is not None and not 1 <= amount <= top:
                errors[f"{prefix}_amount"] = f"the {label} limit must be between 1 and {top} {unit}"
        if self.submission == self.Submission.PAPER and not self.claims_address.strip():
            errors["claims_address"] = "paper claims need the address they are mailed to"
        if self.submission == self.Submission.PORTAL and not self.portal_url:
            errors["portal_url"] = "portal upload needs the portal's URL"
        if not self.corrected_claims_electronic and not self.corrected_claims_process.strip():
            errors["corrected_claims_process"] = (
                "say how corrections are made when they cannot be sent electronically"
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)


#: Every profile field, in form order (the audit trail, the form, the API).
PROFILE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in Payer._meta.concrete_fields if f.name not in {"id", "organisation", "version"}
)
Payer.audited_fields = PROFILE_FIELDS

#: Fields a practice may override: how and when, not who the payer is.
OVERRIDABLE_FIELDS: tuple[str, ...] = tuple(
    name
    for name in PROFILE_FIELDS
    if name not in {"name", "aliases", "payer_id", "alias_payer_ids", "kind", "active", "notes"}
)


class PayerConnectionId(models.Model):
    """The payer id one clearinghouse connection routes this payer on (they differ
    between clearinghouses). A connection is a name until connections are set up."""

    payer = models.ForeignKey(Payer, on_delete=models.CASCADE, related_name="connection_ids")
    connection = models.CharField(max_length=60)
    connection_payer_id = models.CharField(
        "payer id", max_length=80, validators=[payer_id_validator]
    )

    tenant_path: ClassVar[str] = "payer__organisation"

    class Meta:
        ordering = ["connection"]
        constraints = [
            models.UniqueConstraint(fields=["payer", "connection"], name="one_id_per_connection"),
        ]

    def __str__(self) -> str:
        return f"{self.connection}: {self.connection_payer_id}"


class PracticePayerOverride(models.Model):
    """The profile fields one practice sees differently (its own contract, its own
    enrolment): only the overridden fields, as ``{field: value}`` in ``values``."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="payer_overrides")
    payer = models.ForeignKey(Payer, on_delete=models.CASCADE, related_name="overrides")
    values = models.JSONField(default=dict, blank=True)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "payer"], name="one_override_per_practice"),
        ]

    def __str__(self) -> str:
        return f"{self.payer} at {self.practice}"

    def audit_label(self) -> str:
        return f"payer {self.payer.payer_id} at {self.practice}"

    def clean(self) -> None:
        both = self.practice_id is not None and self.payer_id is not None
        if both and self.practice.organisation_id != self.payer.organisation_id:
            raise ValidationError("the practice and the payer belong to different organisations")
        unknown = sorted(set(self.values) - set(OVERRIDABLE_FIELDS))
        if unknown:
            raise ValidationError(f"not overridable per practice: {', '.join(unknown)}")
