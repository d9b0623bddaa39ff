"""The follow-up list: calls whose follow-up date has come, for the practices
the user logs calls at, oldest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from cleanclaim.payercalls.models import Call
from cleanclaim.tenancy.scoping import scoped

__all__ = ["due"]


def due(user: Any, today: dt.date | None = None) -> QuerySet[Call]:
    """Open calls with a follow-up date on or before ``today`` (the local date by default)."""
    day = today or timezone.localdate()
    return (
        scoped(Call, user, "calls.log")
        .filter(done=False, follow_up_on__isnull=False, follow_up_on__lte=day)
        .select_related("payer", "patient", "practice", "contact")
        .order_by("follow_up_on", "called_at", "pk")
    )
