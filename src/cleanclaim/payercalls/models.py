"""A payer's contacts and the calls the office made to them.

A :class:`Contact` belongs to a payer (organisation-wide, like the payer). A
:class:`Call` is logged for one practice (the practice whose work it was, so the
follow-up list and scoping follow the practices a person works at), with a
payer, optionally a patient of that practice and a claim number, who was
reached, the payer's call reference number, what was learned, and a
follow-up date. A call naming a patient is PHI: its pages and API answers
record the read.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from cleanclaim.patients.models import Patient
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import Versioned


class Contact(Versioned):
    class Role(models.TextChoices):
        PROVIDER_RELATIONS = "provider_relations", "Provider relations"
        CLAIMS = "claims", "Claims department"
        CREDENTIALING = "credentialing", "Credentialing"
        OTHER = "other", "Other"

    payer = models.ForeignKey(Payer, on_delete=models.PROTECT, related_name="contacts")
    role = models.CharField(max_length=30, choices=Role.choices)
    name = models.CharField(
        max_length=80, help_text="A person or a desk (e.g. 'Provider services line')"
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    hours = models.CharField(max_length=80, blank=True, help_text="e.g. Mon-Fri 8-5 Pacific")
    notes = models.TextField(blank=True)
    active = models.BooleanField(default=True)

    tenant_path: ClassVar[str] = "payer__organisation"
    audited_fields: ClassVar[tuple[str, ...]] = (
        "role",
        "name",
        "phone",
        "email",
        "hours",
        "notes",
        "active",
    )

    class Meta:
        ordering = ["payer", "-active", "role", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def audit_label(self) -> str:
        return f"contact {self.pk} of payer {self.payer.payer_id}"

    def clean(self) -> None:
        if not (self.phone or self.email):
            raise ValidationError("give a phone number or an email address to reach the contact")

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)


class Call(Versioned):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="payer_calls")
    payer = models.ForeignKey(Payer, on_delete=models.PROTECT, related_name="calls")
    called_at = models.DateTimeField("date and time of the call")
    patient = models.ForeignKey(
        Patient, on_delete=models.PROTECT, related_name="payer_calls", null=True, blank=True
    )
    claim_number = models.CharField(
        "claim number", max_length=50, blank=True, help_text="The payer's or our claim number"
    )
    contact = models.ForeignKey(
        Contact,
        on_delete=models.PROTECT,
        related_name="calls",
        null=True,
        blank=True,
        help_text="One of the payer's contacts, or say who below",
    )
    reached = models.CharField("who was reached", max_length=120, blank=True)
    reference = models.CharField(
        "call reference number", max_length=60, blank=True, help_text="The payer's reference"
    )
    learned = models.TextField("what was learned")
    follow_up_on = models.DateField("follow up on", null=True, blank=True)
    done = models.BooleanField("follow-up done", default=False)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    tenant_path: ClassVar[str] = "practice"
    audited_fields: ClassVar[tuple[str, ...]] = (
        "payer_id",
        "called_at",
        "patient_id",
        "claim_number",
        "contact_id",
        "reached",
        "reference",
        "learned",
        "follow_up_on",
        "done",
    )

    class Meta:
        ordering = ["-called_at", "-pk"]
        indexes = [models.Index(fields=["practice", "done", "follow_up_on"])]

    def __str__(self) -> str:
        return f"Call to {self.payer} on {self.called_at:%Y-%m-%d}"

    def audit_label(self) -> str:
        return f"call {self.pk} to payer {self.payer.payer_id}"

    @property
    def who(self) -> str:
        """Who was reached, as the call log and a citation name them."""
        if self.contact_id and self.reached:
            return f"{self.contact.name} ({self.reached})"
        if self.contact_id:
            return self.contact.name
        return self.reached or "(not recorded)"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        org = self.practice.organisation_id if self.practice_id else None
        if self.payer_id and org is not None and self.payer.organisation_id != org:
            errors["payer"] = "payer belongs to another organisation"
        if self.patient_id and self.practice_id and self.patient.practice_id != self.practice_id:
            errors["patient"] = "the patient is not a patient of this practice"
        if self.contact_id and self.payer_id and self.contact.payer_id != self.payer_id:
            errors["contact"] = f"this contact is not one of {self.payer}'s contacts"
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)
