"""A payer profile: who pays, how claims reach them, and how long we have.

``kind`` decides the claim filing indicator written in 837P SBR09
(X12 element 1032: MB Medicare Part B, MC Medicaid, CI commercial insurance,
BL Blue Cross/Blue Shield, HM HMO, ...). Timely filing is a payer fact, not a
constant: Medicare Part B allows one calendar year after the date of service
(42 CFR 424.44), other payers set their own.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models

from cleanclaim.practices.models import Organisation
from cleanclaim.web.concurrency import Versioned

_PAYER_ID = re.compile(r"^[A-Za-z0-9]{2,80}$")


def payer_id_validator(value: str) -> None:
    """Electronic payer ids are letters and digits (837P NM109 of NM1*PR, 2-80 characters)."""
    if not _PAYER_ID.match(value or ""):
        raise ValidationError(
            f"payer id {value!r} must be 2 to 80 letters or digits", code="payer_id"
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
        ELECTRONIC = "electronic", "Electronic (837P via clearinghouse)"
        PAPER = "paper", "Paper (CMS-1500)"

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
    payer_id = models.CharField(
        "payer id",
        max_length=80,
        validators=[payer_id_validator],
        help_text="The electronic payer id the clearinghouse routes on",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    submission = models.CharField(
        "claim submission",
        max_length=20,
        choices=Submission.choices,
        default=Submission.ELECTRONIC,
    )
    timely_filing_days = models.PositiveIntegerField(
        help_text="Days after the date of service a claim is still accepted"
    )
    active = models.BooleanField(default=True)

    tenant_path: ClassVar[str] = "organisation"
    #: Fields the audit trail records and the API and form may change.
    audited_fields: ClassVar[tuple[str, ...]] = (
        "name",
        "payer_id",
        "kind",
        "submission",
        "timely_filing_days",
        "active",
    )

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
        return self.FILING_INDICATOR[self.kind]

    def clean(self) -> None:
        if self.timely_filing_days is not None and not 1 <= self.timely_filing_days <= 3650:
            raise ValidationError(
                {"timely_filing_days": "timely filing must be between 1 and 3650 days"}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)
