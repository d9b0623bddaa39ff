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


class ScheduledRun(models.Model):
    """One run of a scheduled job (:mod:`cleanclaim.web.schedule`): when it started and
    finished and how it ended, so a person can see the polling is alive."""

    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        OK = "ok", "Done"
        FAILED = "failed", "Failed"

    job = models.CharField(max_length=40)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    #: What was done (counts only: the page is platform-wide) or, when it failed, the error.
    detail = models.CharField(max_length=500, blank=True)
    #: Which scheduler ran it: "host:pid".
    runner = models.CharField(max_length=120, blank=True)

    class Meta:
        indexes = [models.Index(fields=["job", "-started_at"])]
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.job} at {self.started_at:%Y-%m-%d %H:%M:%S}: {self.outcome}"


class ScheduledLock(models.Model):
    """A job's lock where the database has no advisory locks (SQLite): held by one
    runner until it lets go or its lease runs out (a scheduler that died)."""

    job = models.CharField(max_length=40, unique=True)
    holder = models.CharField(max_length=120, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.job}: {self.holder or 'free'}"
