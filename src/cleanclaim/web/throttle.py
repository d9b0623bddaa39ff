"""Login throttling: after ``LOGIN_MAX_FAILURES`` failed sign-ins for the same
username from the same address within ``LOGIN_LOCK_MINUTES``, further attempts
(right or wrong password) are refused until the window has passed.

Kept in the database, not the per-process cache, so every worker process sees
the same count (OWASP Authentication Cheat Sheet, "Login Throttling").
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from cleanclaim.web.models import LoginFailure


def _key(username: str) -> str:
    return (username or "").strip().lower()[:254]


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.LOGIN_LOCK_MINUTES)


def locked_until(username: str, ip: str | None) -> dt.datetime | None:
    """When the lock for this username+address ends, or None if not locked."""
    since = timezone.now() - _window()
    recent = list(
        LoginFailure.objects.filter(username=_key(username), ip=ip, at__gte=since)
        .order_by("-at")
        .values_list("at", flat=True)[: settings.LOGIN_MAX_FAILURES]
    )
    if len(recent) < settings.LOGIN_MAX_FAILURES:
        return None
    return recent[-1] + _window()


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=_key(username), ip=ip)
    # Keep the table small: drop failures older than the window.
    LoginFailure.objects.filter(at__lt=timezone.now() - 2 * _window()).delete()


def clear(username: str, ip: str | None) -> None:
    """A successful sign-in clears the count for this username+address."""
    LoginFailure.objects.filter(username=_key(username), ip=ip).delete()
