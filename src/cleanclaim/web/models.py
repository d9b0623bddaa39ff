"""Platform models: failed sign-in attempts for login throttling, and what the
demo created."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class LoginFailure(models.Model):
    """One failed sign-in, keyed by the username tried and the client address."""

    username = models.CharField(max_length=254)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["username", "ip", "at"])]

    def __str__(self) -> str:
        return f"{self.username} from {self.ip} at {self.at:%Y-%m-%d %H:%M:%S}"


class DemoObject(models.Model):
    """A row ``cleanclaim demo`` created, under the demo's stable key for it.

    A re-run finds its objects here, not by their names or numbers, so a patient
    a person renamed or re-numbered is still recognised (nothing duplicated),
    and a row a person deleted, such as a revoked role, is not brought back.
    """

    key = models.CharField(max_length=120, unique=True, help_text="e.g. patient:RF00001")
    model = models.CharField(max_length=100, help_text="app_label.ModelName")
    object_pk = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} → {self.model} {self.object_pk}"
