"""Work lists: the visits and claims waiting for somebody, counted and listed in the
database (filters and annotations, never a Python loop over all claims).

One registry, :data:`LISTS`, in the order the home page shows them. Each list has a
stable slug (its URL), the permission that sees it (``worklists.visits``: coders and
managers; ``worklists.claims``: billers and managers), and a function from the scoped
rows to the rows on the list. A claim list's status filter is the status
:func:`cleanclaim.claims.events.status_of` derives (the ``status`` column written beside
each event).

- ``to-code``: visits with no claim yet (not coded, or coded and not yet built).
- ``errors``, ``ready``, ``on-hold``: claims in that status.
- ``deadlines``: claims not yet sent with a filing deadline, soonest first (past due first).
- ``no-answer``: claims queued or submitted, with no acknowledgement, whose sending
  (the last ``queued``/``submitted`` event) is at least ``CLEANCLAIM_NO_ANSWER_DAYS`` old.
- ``rejected``: claims rejected by a 999, TA1 or 277CA (status ``rejected``), each with
  the reason in plain words, the field to fix and where (:func:`rejections`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim, ClaimEvent, Encounter
from cleanclaim.tenancy.scoping import has_permission, scoped

__all__ = [
    "LISTS",
    "SORTS",
    "Filters",
    "Rejection",
    "WorkList",
    "by_slug",
    "counts",
    "rejections",
    "rows",
    "visible",
]

#: Statuses of a claim not yet sent (its filing deadline still matters).
UNSENT = ("built", "errors", "ready", "queued", "on_hold")


@dataclass(frozen=True)
class WorkList:
    slug: str
    label: str
    permission: str
    model: type[Any]
    #: Scoped rows → the list's rows (filters only; ordering is the page's).
    select: Callable[[QuerySet[Any], dt.date, dt.datetime], QuerySet[Any]]
    #: Default sort key (one of :data:`SORTS`).
    default_sort: str = "date"


def _to_code(qs: QuerySet[Any], today: dt.date, now: dt.datetime) -> QuerySet[Any]:
    return qs.filter(~Exists(Claim.objects.filter(encounter=OuterRef("pk"))))


def _status(status: str) -> Callable[[QuerySet[Any], dt.date, dt.datetime], QuerySet[Any]]:
    def select(qs: QuerySet[Any], today: dt.date, now: dt.datetime) -> QuerySet[Any]:
        return qs.filter(status=status)

    return select


def _deadlines(qs: QuerySet[Any], today: dt.date, now: dt.datetime) -> QuerySet[Any]:
    return qs.filter(status__in=UNSENT, filing_due__isnull=False)


def no_answer_days() -> int:
    return int(getattr(settings, "NO_ANSWER_DAYS", 30))


def _no_answer(qs: QuerySet[Any], today: dt.date, now: dt.datetime) -> QuerySet[Any]:
    cutoff = now - dt.timedelta(days=no_answer_days())
    sent = ClaimEvent.objects.filter(
        claim=OuterRef("pk"), kind__in=(Kind.QUEUED, Kind.SUBMITTED)
    ).order_by("-id")  # the last sending in the log (its append order)
    acks = ClaimEvent.objects.filter(claim=OuterRef("pk"), kind=Kind.ACKNOWLEDGED)
    return (
        qs.filter(status__in=("queued", "submitted"))
        .annotate(sent_at=Subquery(sent.values("at")[:1]))
        .filter(sent_at__lte=cutoff)
        .filter(~Exists(acks))
    )


LISTS: tuple[WorkList, ...] = (
    WorkList("to-code", "Visits to code", "worklists.visits", Encounter, _to_code),
    WorkList("errors", "Claims with errors", "worklists.claims", Claim, _status("errors")),
    WorkList("ready", "Ready to submit", "worklists.claims", Claim, _status("ready")),
    WorkList("on-hold", "On hold", "worklists.claims", Claim, _status("on_hold")),
    WorkList("deadlines", "Nearest deadlines", "worklists.claims", Claim, _deadlines, "days_left"),
    WorkList("no-answer", "No answer", "worklists.claims", Claim, _no_answer),
    WorkList("rejected", "Rejected", "worklists.claims", Claim, _status("rejected")),
)

#: The events that reject a claim before adjudication, newest first when read.
REJECTING_KINDS = (Kind.ACK_999, Kind.ACKNOWLEDGED)


@dataclass(frozen=True)
class Rejection:
    """Why a claim on the ``rejected`` list was rejected (its last 999/TA1/277CA event)."""

    at: dt.datetime
    days: int
    source: str  # "999", "TA1" or "277CA"
    problems: tuple[Mapping[str, str], ...]

    @property
    def first(self) -> Mapping[str, str]:
        return self.problems[0] if self.problems else {"text": "Rejected (no reason given)"}


def rejections(claims: list[Any], today: dt.date) -> dict[int, Rejection]:
    """The rejection of each claim shown (one query for the page's rows)."""
    found: dict[int, Rejection] = {}
    rows = (
        ClaimEvent.objects.filter(claim_id__in=[c.pk for c in claims], kind__in=REJECTING_KINDS)
        .order_by("claim_id", "-id")
        .values_list("claim_id", "kind", "at", "data")
    )
    for claim_id, kind, at, data in rows:
        if claim_id in found or data.get("accepted"):
            continue
        source = data.get("via") or ("999" if kind == Kind.ACK_999 else "277CA")
        days = (today - timezone.localtime(at).date()).days
        found[claim_id] = Rejection(at, days, source, tuple(data.get("problems") or ()))
    return found


#: Sort keys (GET ``sort``, ``-`` prefix for descending) → model field per model.
SORTS: dict[str, dict[type[Any], tuple[str, ...]]] = {
    "date": {Encounter: ("service_from",), Claim: ("service_from",)},
    "patient": {
        Encounter: ("patient__last_name", "patient__first_name"),
        Claim: ("patient__last_name", "patient__first_name"),
    },
    "payer": {Encounter: ("coverage__payer__name",), Claim: ("payer__name",)},
    "provider": {
        Encounter: ("rendering_provider__last_name",),
        Claim: ("rendering_provider__last_name",),
    },
    "amount": {Claim: ("total_charge",)},
    "days_left": {Claim: ("filing_due",)},
}


def by_slug(slug: str) -> WorkList | None:
    return next((w for w in LISTS if w.slug == slug), None)


def visible(user: Any) -> list[WorkList]:
    """The lists the user's roles see (coders: visits; billers: claims; managers: all)."""
    return [w for w in LISTS if has_permission(user, w.permission)]


@dataclass(frozen=True)
class Filters:
    """Ids and dates only (no PHI in the URL). None: no filter."""

    practice: int | None = None
    payer: int | None = None
    provider: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> tuple[Filters, dict[str, str]]:
        """The filters from GET parameters, and an error per bad parameter (by name)."""
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name in ("practice", "payer", "provider"):
            raw = (params.get(name) or "").strip()
            if raw:
                if raw.isdigit() and len(raw) < 12:
                    values[name] = int(raw)
                else:
                    errors[name] = f"{name}: expected an id (a whole number), got {raw!r}"
        for name in ("date_from", "date_to"):
            raw = (params.get(name) or "").strip()
            if raw:
                try:
                    values[name] = dt.date.fromisoformat(raw)
                except ValueError:
                    errors[name] = f"{name}: expected a date as YYYY-MM-DD, got {raw!r}"
        return cls(**values), errors

    def apply(self, qs: QuerySet[Any]) -> QuerySet[Any]:
        if self.practice is not None:
            qs = qs.filter(practice_id=self.practice)
        if self.payer is not None:
            field = "payer_id" if qs.model is Claim else "coverage__payer_id"
            qs = qs.filter(**{field: self.payer})
        if self.provider is not None:
            qs = qs.filter(rendering_provider_id=self.provider)
        if self.date_from is not None:
            qs = qs.filter(service_from__gte=self.date_from)
        if self.date_to is not None:
            qs = qs.filter(service_from__lte=self.date_to)
        return qs


def rows(
    work: WorkList,
    user: Any,
    *,
    today: dt.date,
    now: dt.datetime,
    filters: Filters | None = None,
    sort: str = "",
) -> QuerySet[Any]:
    """The list's rows the user may see, filtered and sorted (``-key`` descending).

    An unknown sort key falls back to the list's default; ties break on the id."""
    qs = work.select(scoped(work.model, user, work.permission), today, now)
    qs = (filters or Filters()).apply(qs)
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    fields = SORTS.get(key, {}).get(work.model)
    if fields is None:
        descending, fields = False, SORTS[work.default_sort][work.model]
    order = [
        (F(f).desc(nulls_last=True) if descending else F(f).asc(nulls_last=True)) for f in fields
    ]
    order.append(F("pk").desc() if descending else F("pk").asc())
    related = ["patient", "practice", "rendering_provider"]
    related.append("payer" if work.model is Claim else "coverage__payer")
    return qs.select_related(*related).order_by(*order)


def counts(user: Any, *, today: dt.date, now: dt.datetime) -> list[tuple[WorkList, int]]:
    """Each visible list with its count: one aggregate query per model, in the database."""
    out: list[tuple[WorkList, int]] = []
    for model in (Encounter, Claim):
        mine = [w for w in visible(user) if w.model is model]
        if not mine:
            continue
        base = scoped(model, user, mine[0].permission)
        aggregates = {
            w.slug.replace("-", "_"): Count(
                "pk", filter=Q(pk__in=w.select(model.objects.all(), today, now).values("pk"))
            )
            for w in mine
        }
        totals = base.aggregate(**aggregates)
        out.extend((w, int(totals[w.slug.replace("-", "_")])) for w in mine)
    order = {w.slug: i for i, w in enumerate(LISTS)}
    return sorted(out, key=lambda pair: order[pair[0].slug])


def view_rows(actor: Any, work: WorkList, shown: list[Any], query: str) -> None:
    """One audit READ for a work list page: the list, its filters and the rows shown."""
    from cleanclaim.audit.record import record_list

    record_list(actor, work.model, shown, query=f"work list {work.slug} {query}".strip())


def view_counts(actor: Any, found: list[tuple[WorkList, int]]) -> None:
    """One audit READ for the home page's counts (no rows shown: the lists and counts)."""
    from cleanclaim.audit.record import record_list

    summary = ", ".join(f"{w.slug}={n}" for w, n in found)
    record_list(actor, Claim, [], query=f"work list counts: {summary}")
