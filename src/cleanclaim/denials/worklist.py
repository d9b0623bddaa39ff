"""The denial work list: open and appealed denials filtered by category, payer and
deadline, sorted by days left to appeal (overdue first, no deadline last)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, QuerySet, Sum

from cleanclaim.denials.categories import CATEGORIES
from cleanclaim.denials.models import Denial

__all__ = ["days_left", "rows"]


def rows(
    qs: QuerySet[Denial],
    *,
    category: str = "",
    payer: int | None = None,
    due_by: dt.date | None = None,
) -> QuerySet[Denial]:
    qs = qs.filter(status__in=[Denial.Status.OPEN, Denial.Status.APPEALED])
    if category:
        qs = qs.filter(category=category)
    if payer:
        qs = qs.filter(payer_id=payer)
    if due_by is not None:
        qs = qs.filter(appeal_due__lte=due_by)
    return qs.select_related("claim", "claim__patient", "payer").order_by(
        F("appeal_due").asc(nulls_last=True), "id"
    )


def days_left(d: Denial, today: dt.date) -> int | None:
    """Days left to appeal (negative: overdue); None without a deadline."""
    return None if d.appeal_due is None else (d.appeal_due - today).days


def as_row(d: Denial, today: dt.date) -> dict[str, Any]:
    left = days_left(d, today)
    return {
        "id": d.pk,
        "claim": d.claim.number,
        "patient": f"{d.claim.patient.last_name}, {d.claim.patient.first_name}",
        "payer": d.payer.name,
        "line": d.line_number,
        "procedure": d.procedure,
        "reason": d.reason,
        "reason_text": d.carc_text,
        "remarks": [f"{r}: {t}" for r, t in zip(d.rarcs, d.rarc_texts, strict=False)],
        "amount": d.amount,
        "category": d.category,
        "category_label": CATEGORIES.get(d.category, d.category),
        "next_step": d.next_step,
        "payer_claim_number": d.payer_claim_number,
        "determined_on": d.determined_on,
        "appeal_due": d.appeal_due,
        "days_left": left,
        "overdue": left is not None and left < 0,
        "status": d.status,
        "follow_up": d.follow_up,
    }


def followups_due(qs: QuerySet[Denial], today: dt.date) -> QuerySet[Denial]:
    """Appealed denials whose follow-up date has come (for the home page)."""
    return (
        qs.filter(status=Denial.Status.APPEALED, follow_up__lte=today)
        .select_related("claim", "claim__patient", "payer")
        .order_by("follow_up", "id")
    )


def by_category(qs: QuerySet[Denial]) -> list[dict[str, Any]]:
    """The denials of ``qs`` per category: label, count and amount (most first)."""
    totals = (
        qs.order_by()
        .values("category")
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by("-count", "category")
    )
    return [
        {
            "category": t["category"],
            "label": CATEGORIES.get(t["category"], t["category"]),
            "count": t["count"],
            "amount": Decimal(t["amount"] or 0).quantize(Decimal("0.01")),
        }
        for t in totals
    ]
