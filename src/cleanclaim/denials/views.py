"""Denial pages: the work list (``worklists.claims``, decision 0702), a denial with its
actions (``denials.work``), the appeal letter, and the payer rules proposed from
repeated denials (``payers.change``). Thin: writes go through
:mod:`cleanclaim.denials.actions` and :mod:`cleanclaim.denials.proposals`."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_event
from cleanclaim.claims import events
from cleanclaim.claims.actions import Invalid
from cleanclaim.denials import actions, proposals, worklist
from cleanclaim.denials.categories import CATEGORIES
from cleanclaim.denials.models import Denial, Proposal
from cleanclaim.payers.models import Payer
from cleanclaim.scrubbing.svg import bar_chart
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, has_permission, scoped

LIST = "worklists.claims"
WORK = "denials.work"
RULES = "payers.change"


@require_GET
@requires(LIST)
@shows_phi
def denial_list(request: HttpRequest) -> HttpResponse:
    """Open and appealed denials by category, payer and deadline (fewest days left first)."""
    category = request.GET.get("category", "")
    category = category if category in CATEGORIES else ""
    payer = request.GET.get("payer", "")
    payer_id = int(payer) if payer.isdigit() else None
    try:
        due_by = dt.date.fromisoformat(request.GET.get("due_by", "")) or None
    except ValueError:
        due_by = None
    listed = worklist.rows(
        scoped(Denial, request.user, LIST), category=category, payer=payer_id, due_by=due_by
    )
    found = list(listed[:500])
    summary = worklist.by_category(listed)
    chart = bar_chart(
        [(t["label"], t["count"]) for t in summary],
        title="Open denials by category",
        chart_id="denials-by-category",
    )
    record_event(
        Actor.from_request(request),
        "read",
        model="denials.Denial",
        label="denial work list",
        context={"rows": [d.pk for d in found]},
    )
    today = timezone.localdate()
    org = getattr(request.user, "organisation_id", None)
    return render(
        request,
        "denials/list.html",
        {
            "rows": [worklist.as_row(d, today) for d in found],
            "summary": summary,
            "chart": chart,
            "categories": CATEGORIES,
            "payers": Payer.objects.filter(organisation_id=org).order_by("name"),
            "category": category,
            "payer": payer_id,
            "due_by": due_by,
        },
    )


@require_GET
@requires(LIST)
@shows_phi
def denial_detail(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_scoped_or_404(Denial, request.user, LIST, pk=pk)
    record(Actor.from_request(request), "read", d)
    return render(
        request,
        "denials/detail.html",
        {
            "d": d,
            "row": worklist.as_row(d, timezone.localdate()),
            "may_work": has_permission(request.user, WORK),
            "today": timezone.localdate(),
        },
    )


@require_POST
@requires(WORK)
@shows_phi
def denial_act(request: HttpRequest, pk: int) -> HttpResponse:
    """One action on the denial: ``action`` is correct, void, appeal or write_off."""
    d = get_scoped_or_404(Denial, request.user, WORK, pk=pk)
    actor = Actor.from_request(request)
    what = request.POST.get("action", "")
    reason = request.POST.get("reason", "")
    try:
        if what == "correct":
            new = actions.correct(actor, d)
            messages.success(request, f"Replacement claim {new.number} (frequency 7) built.")
        elif what == "void":
            new = actions.void(actor, d, reason)
            messages.success(request, f"Void claim {new.number} (frequency 8) built.")
        elif what == "appeal":
            raw = request.POST.get("follow_up", "")
            follow = dt.date.fromisoformat(raw) if raw else None
            actions.appeal(actor, d, argument=request.POST.get("argument", ""), follow_up=follow)
            messages.success(request, "Appeal letter drafted.")
        elif what == "write_off":
            actions.write_off(actor, d, reason)
            messages.success(request, "Written off.")
        else:
            return HttpResponse("unknown action", status=400)
    except Invalid as exc:
        messages.error(request, "; ".join(exc.messages))
    except (actions.NotOpen, actions.NotElectronic, events.NotAllowed, ValueError) as exc:
        messages.error(request, str(exc))
    return redirect("denials:detail", pk=d.pk)


@require_GET
@requires(LIST)
@shows_phi
def appeal_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_scoped_or_404(Denial, request.user, LIST, pk=pk)
    if not d.appeal_pdf:
        raise Http404("no appeal letter yet")
    record(Actor.from_request(request), "read", d, context={"appeal_pdf": True})
    resp = HttpResponse(bytes(d.appeal_pdf), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="appeal-{d.claim.number}.pdf"'
    return resp


@require_http_methods(["GET"])
@requires(RULES)
def proposal_list(request: HttpRequest) -> HttpResponse:
    rows = scoped(Proposal, request.user, RULES).select_related("payer")[:200]
    return render(request, "denials/proposals.html", {"rows": rows})


@require_POST
@requires(RULES)
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_scoped_or_404(Proposal, request.user, RULES, pk=pk)
    actor = Actor.from_request(request)
    why = request.POST.get("why", "")
    try:
        if request.POST.get("decision") == "accept":
            proposals.accept(actor, p, why)
            messages.success(request, "The rule is now part of the payer's rules.")
        else:
            proposals.dismiss(actor, p, why)
            messages.success(request, "Dismissed.")
    except (proposals.NotOpen, ValueError) as exc:
        messages.error(request, str(exc))
    return redirect("denials:proposals")
