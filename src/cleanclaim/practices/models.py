"""Tenancy models.

Organisation (a billing service, or a single practice billing for itself)
→ Practice (the billing provider of 837P loop 2010AA)
→ RenderingProvider (loop 2310B) and ServiceLocation (loop 2310C).
A User belongs to one Organisation and holds one Role per Practice
(:class:`Membership`); what a role may do is the table in ``permissions.py``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from cleanclaim.practices.validators import (
    npi_validator,
    pos_validator,
    state_validator,
    taxonomy_validator,
    tin_validator,
    zip9_validator,
)
from cleanclaim.tenancy.concurrency import Versioned
from cleanclaim.tenancy.permissions import Role


class ValidatedModel(models.Model):
    """Runs full validation on every save, so an invalid NPI/TIN/ZIP cannot be
    stored through any path (form, API, demo, shell)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        BILLING_SERVICE = "billing_service", "Billing service"
        PRACTICE = "practice", "Single practice"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PRACTICE)
    created = models.DateTimeField(default=timezone.now, editable=False)

    tenant_path: ClassVar[str] = "pk"

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Address(models.Model):
    address_line1 = models.CharField("address", max_length=55)
    address_line2 = models.CharField("address line 2", max_length=55, blank=True)
    city = models.CharField(max_length=30)
    state = models.CharField(max_length=2, validators=[state_validator])

    class Meta:
        abstract = True


class Practice(Versioned, ValidatedModel, Address):
    """A billing provider: the organisation whose NPI and Tax ID go on the claim."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="practices"
    )
    name = models.CharField(max_length=100, help_text="Short name shown in the app")
    legal_name = models.CharField(max_length=60, help_text="As registered with the IRS")
    npi = models.CharField("NPI (type 2)", max_length=10, validators=[npi_validator])
    tin = models.CharField("Tax ID (EIN)", max_length=9, validators=[tin_validator])
    taxonomy = models.CharField(max_length=10, validators=[taxonomy_validator])
    zip_code = models.CharField("ZIP+4", max_length=10, validators=[zip9_validator])
    phone = models.CharField(max_length=20, blank=True)

    tenant_path: ClassVar[str] = "pk"

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "npi"], name="practice_npi_per_org"),
        ]

    def __str__(self) -> str:
        return self.name


class RenderingProvider(Versioned, ValidatedModel):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="providers")
    first_name = models.CharField(max_length=35)
    last_name = models.CharField(max_length=60)
    credential = models.CharField(max_length=10, blank=True, help_text="e.g. MD, DO, NP")
    npi = models.CharField("NPI (type 1)", max_length=10, validators=[npi_validator])
    taxonomy = models.CharField(max_length=10, validators=[taxonomy_validator])
    active = models.BooleanField(default=True)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "npi"], name="provider_npi_per_practice"),
        ]

    def __str__(self) -> str:
        suffix = f", {self.credential}" if self.credential else ""
        return f"{self.first_name} {self.last_name}{suffix}"


class ServiceLocation(Versioned, ValidatedModel, Address):
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="locations")
    name = models.CharField(max_length=60)
    zip_code = models.CharField("ZIP+4", max_length=10, validators=[zip9_validator])
    place_of_service = models.CharField(
        max_length=2, validators=[pos_validator], help_text="CMS place of service code, e.g. 11"
    )
    npi = models.CharField("facility NPI", max_length=10, blank=True, validators=[npi_validator])

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("a user needs an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        """Platform staff. A password must pass every validator: ``createsuperuser``
        otherwise takes ``DJANGO_SUPERUSER_PASSWORD`` unchecked and offers to bypass
        the validators interactively (the ``ValidationError`` becomes its error)."""
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        if password is not None:
            from django.contrib.auth import password_validation

            candidate = self.model(email=email, full_name=extra.get("full_name", ""))
            password_validation.validate_password(password, candidate)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in (by email). Staff users run the platform
    (Django admin); everybody else works inside one organisation."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    #: Scoped through roles: see ``cleanclaim.tenancy.scoping``.
    tenant_path: ClassVar[str] = "memberships"

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email


class Membership(models.Model):
    """The one role a user holds at one practice."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["practice__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "practice"], name="one_role_per_practice"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} at {self.practice}"


class Invitation(models.Model):
    """An admin's invitation of an email address to roles at their practices.

    Only the SHA-256 digest of the link's token is stored. Whether the address
    already has an account (here, elsewhere or nowhere) is decided when the
    message is written and again when the link is used, and is never stored:
    the inviting admin sees the same row whatever the answer (issue 10).
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        CANCELLED = "cancelled", "Cancelled"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="invitations"
    )
    email = models.EmailField()
    full_name = models.CharField(max_length=100)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(default=timezone.now)
    sent = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    finished = models.DateTimeField(null=True, blank=True, help_text="Accepted or cancelled")

    #: Scoped through the practices it offers roles at (``scoping.scoped``).
    tenant_path: ClassVar[str] = "roles__practice"

    class Meta:
        ordering = ["-sent", "-id"]

    def __str__(self) -> str:
        return f"invitation of {self.email}"

    def is_expired(self, now: Any = None) -> bool:
        return self.expires <= (now or timezone.now())

    def state(self) -> str:
        """What the admin's list shows: pending, expired, accepted or cancelled."""
        if self.status == self.Status.PENDING and self.is_expired():
            return "expired"
        return str(self.get_status_display()).lower()


class InvitationRole(models.Model):
    """The role an invitation offers at one practice."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="roles")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=Role.choices)

    tenant_path: ClassVar[str] = "practice"

    class Meta:
        ordering = ["practice__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "practice"], name="one_invited_role_per_practice"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} at {self.practice}"
