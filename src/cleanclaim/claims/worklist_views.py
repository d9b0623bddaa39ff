"""Work list pages: one page per list of :data:`cleanclaim.claims.worklists.LISTS`,
sortable, filterable (ids and dates only in the URL) and paged with the total shown."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.claims import actions, worklists
from cleanclaim.claims.models import Claim
from cleanclaim.claims.paper import Cms1500Error, cms1500_pdf
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice, RenderingProvider
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import has_permission, practice_ids, scoped

PAGE_SIZE = 50
#: The most claims one printed batch takes (a page each).
PRINT_LIMIT = 500
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
    if work.slug == "rejected":
        found = worklists.rejections(shown, today)
        for row in shown:
            row.rejection = found.get(row.pk)
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
            "is_rejected": work.slug == "rejected",
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
            "can_print": work.slug == "ready" and has_permission(request.user, "claims.work"),
        },
    )


@require_POST
@requires("claims.work")
@shows_phi
def print_paper(request: HttpRequest) -> HttpResponse:
    """The "ready" list's selected claims (``claim``: ids), or with none selected its
    claims under the filters whose payer takes paper, as one CMS-1500 PDF; each claim's
    print is audited as a read."""
    work = worklists.by_slug("ready")
    assert work is not None
    filters, errors = worklists.Filters.parse(request.POST)
    mode = request.POST.get("mode", "plain")
    ids = request.POST.getlist("claim")
    if len(ids) > PRINT_LIMIT:
        errors["claim"] = f"claim: at most {PRINT_LIMIT} claims in one batch"
    elif not all(i.isdigit() and len(i) < 12 for i in ids):
        errors["claim"] = "claim: the selected claims are ids (digits)"
    if mode not in ("plain", "red-form"):
        errors["mode"] = "mode: plain or red-form"
    if errors:
        return _refused(request, "; ".join(errors.values()))
    qs = worklists.rows(
        work, request.user, today=timezone.localdate(), now=timezone.now(), filters=filters
    )
    # the list's scope is the work lists'; printing shows whole claims: the biller's scope
    qs = qs.filter(pk__in=scoped(Claim, request.user, "claims.work").values("pk"))
    if ids:
        qs = qs.filter(pk__in=[int(i) for i in ids])
    else:
        qs = qs.filter(payer__submission=Payer.Submission.PAPER)
    claims = list(qs.select_related("coverage").prefetch_related("lines")[: PRINT_LIMIT + 1])
    if ids and len(claims) != len(set(ids)):
        return _refused(request, "claim: a selected claim is not on the ready list (any more)")
    if not claims:
        return _refused(request, "no ready claim of a payer that takes paper matches the filters")
    if len(claims) > PRINT_LIMIT:
        return _refused(request, f"more than {PRINT_LIMIT} claims: narrow the filters")
    try:
        pdf = cms1500_pdf(claims, mode=mode)
    except Cms1500Error as exc:
        return _refused(request, f"the claims cannot be printed on a CMS-1500: {exc}")
    actor = Actor.from_request(request)
    for claim in claims:
        actions.view_claim(actor, claim, what=f"cms1500 {mode}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="paper-claims-cms1500.pdf"'
    return response


def _refused(request: HttpRequest, detail: str) -> HttpResponse:
    return render(request, "claims/refused.html", {"detail": detail}, status=422)


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
