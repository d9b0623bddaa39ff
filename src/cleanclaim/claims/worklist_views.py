"""Work list pages: one page per list of :data:`cleanclaim.claims.worklists.LISTS`,
sortable, filterable (ids and dates only in the URL) and paged with the total shown."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.claims import worklists
from cleanclaim.claims.models import Claim
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice, RenderingProvider
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import has_permission, practice_ids, scoped

PAGE_SIZE = 50
FILTERS = ("practice", "payer", "provider", "date_from", "date_to")


@require_GET
@requires("worklists.visits")
@shows_phi
def visits_to_code(request: HttpRequest) -> HttpResponse:
    work = worklists.by_slug("to-code")
    assert work is not None
    return _page(request, work)


@require_GET
@requires("worklists.claims")
@shows_phi
def claim_list(request: HttpRequest, slug: str) -> HttpResponse:
    work = worklists.by_slug(slug)
    if work is None or work.model is not Claim:
        raise Http404("no such work list")
    return _page(request, work)


def _page(request: HttpRequest, work: worklists.WorkList) -> HttpResponse:
    today = timezone.localdate()
    filters, errors = worklists.Filters.parse(request.GET)
    sort = request.GET.get("sort", "")
    if (
        sort.lstrip("-") not in worklists.SORTS
        or work.model not in worklists.SORTS[sort.lstrip("-")]
    ):
        sort = work.default_sort
    qs = worklists.rows(
        work, request.user, today=today, now=timezone.now(), filters=filters, sort=sort
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    for row in shown:
        due = getattr(row, "filing_due", None)
        row.days_left = (due - today).days if due is not None else None
    kept = {k: request.GET[k] for k in FILTERS if request.GET.get(k) and k not in errors}
    worklists.view_rows(Actor.from_request(request), work, shown, urlencode(kept))
    return render(
        request,
        "claims/worklist.html",
        {
            "work": work,
            "page": page,
            "rows": shown,
            "is_claims": work.model is Claim,
            "errors": errors,
            "filters": kept,
            "sort": sort,
            "sorts": _sort_links(work, sort, kept),
            "page_query": urlencode({**kept, "sort": sort}),
            "choices": _choices(request.user, work.permission, kept),
            "today": today,
            # managers see the lists; opening a visit or a claim is the coder's or biller's
            "can_open": has_permission(
                request.user, "claims.work" if work.model is Claim else "coding.work"
            ),
        },
    )


def _sort_links(work: worklists.WorkList, sort: str, kept: dict[str, str]) -> list[dict[str, str]]:
    out = []
    for key, fields in worklists.SORTS.items():
        if work.model not in fields:
            continue
        toggled = f"-{key}" if sort == key else key
        arrow = " ▲" if sort == key else " ▼" if sort == f"-{key}" else ""
        label = key.replace("_", " ")
        out.append({"label": label + arrow, "query": urlencode({**kept, "sort": toggled})})
    return out


def _choices(user: Any, permission: str, kept: dict[str, str]) -> list[dict[str, Any]]:
    """The filter menus: (id, label, selected) for each practice, payer and provider."""
    ids = practice_ids(user, permission)
    practices = scoped(Practice, user, permission).order_by("name")
    providers = scoped(RenderingProvider, user, permission).order_by("last_name", "first_name")
    payers = (
        scoped(Payer, user, permission)
        .filter(claims__practice_id__in=ids)
        .distinct()
        .order_by("name")
    )
    menus = {
        "practice": [(p.pk, p.name) for p in practices],
        "payer": [(p.pk, p.name) for p in payers],
        "provider": [(p.pk, f"{p.last_name}, {p.first_name}") for p in providers],
    }
    return [
        {
            "name": name,
            "options": [(pk, label, str(pk) == kept.get(name)) for pk, label in options],
        }
        for name, options in menus.items()
    ]
