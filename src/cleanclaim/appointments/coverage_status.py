"""The schedule's "coverage at a glance" for one policy on one day.

One small function, to be replaced by ``cleanclaim.eligibility.status.coverage_status``
once eligibility checks are stored: it reads the latest
``cleanclaim.eligibility.models.EligibilityCheck`` of the coverage when that model
exists, and says ``not checked`` otherwise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

VERIFIED_TODAY = "verified today"
STALE = "stale"
INACTIVE = "inactive"
NOT_CHECKED = "not checked"
STATUSES = (VERIFIED_TODAY, STALE, INACTIVE, NOT_CHECKED)


def coverage_status(coverage: Any, day: dt.date) -> str:
    """``verified today`` (an active answer on ``day``), ``stale`` (an older active
    answer), ``inactive`` (the latest answer says inactive) or ``not checked``."""
    if coverage is None:
        return NOT_CHECKED
    try:
        from cleanclaim.eligibility.models import EligibilityCheck  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return NOT_CHECKED
    latest = (
        EligibilityCheck.objects.filter(coverage=coverage).order_by("-pk").first()  # type: ignore[attr-defined,unused-ignore]
    )
    if latest is None:
        return NOT_CHECKED
    if getattr(latest, "active", None) is False:
        return INACTIVE
    when = getattr(latest, "created_at", None) or getattr(latest, "checked_at", None)
    checked_on = when.date() if isinstance(when, dt.datetime) else when
    return VERIFIED_TODAY if checked_on == day else STALE
