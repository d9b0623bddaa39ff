"""Remittance pages for billers (``remittance.post``): drop an 835 (see its differences
or what would post, then post it), the files received, a file's claim payments, and the
unmatched work list and matching a payment by hand; the posting rules per practice
(seen with ``payers.view``, changed with ``payers.change``). Thin: writes go through
:mod:`cleanclaim.remits.actions` and :mod:`cleanclaim.remits.rules`."""

from __future__ import annotations

import contextlib
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_event
from cleanclaim.claims.models import Claim
from cleanclaim.practices.models import Practice
from cleanclaim.remits import actions, rules
from cleanclaim.remits.models import ClaimPayment, PostingRule, RemittanceFile, Unmatched
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, practice_ids, scoped

PERM = "remittance.post"
MAX_BYTES = 64 * 1024 * 1024


class UploadForm(forms.Form):
    practice = forms.ModelChoiceField(queryset=Practice.objects.none())
    file = forms.FileField(help_text="An 835 (005010X221A1) as received")

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["practice"]
        field.queryset = Practice.objects.filter(pk__in=practice_ids(user, PERM))  # type: ignore[attr-defined]


def _file(request: HttpRequest, pk: int) -> RemittanceFile:
    rf = get_scoped_or_404(RemittanceFile, request.user, PERM, pk=pk)
    if rf.practice_id:
        get_scoped_or_404(Practice, request.user, PERM, pk=rf.practice_id)
    return rf


@require_http_methods(["GET", "POST"])
@requires(PERM)
def remittance_list(request: HttpRequest) -> HttpResponse:
    """The files received, and the upload form."""
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", f"an 835 is at most {MAX_BYTES} bytes")
        else:
            try:
                rf = actions.take_in_835(
                    Actor.from_request(request),
                    form.cleaned_data["practice"],
                    upload.name,
                    upload.read(),
                )
            except actions.Unreadable as exc:
                form.add_error("file", str(exc))
            else:
                return redirect("remits:detail", pk=rf.pk)
    ids = practice_ids(request.user, PERM)
    # a file for one of the user's practices, or one the clearinghouse mailbox brought
    # for the whole organisation (polled: no practice; its claims say whose they are)
    mine = Q(practice_id__in=ids) | Q(practice__isnull=True) if ids else Q(pk__in=[])
    files = scoped(RemittanceFile, request.user, PERM).filter(mine)[:200]
    return render(
        request,
        "remits/list.html",
        {"form": form, "files": files},
        status=422 if request.method == "POST" else 200,
    )


@require_GET
@requires(PERM)
@shows_phi
def remittance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Differences (refused), the last dry run, or the claim payments as posted."""
    rf = _file(request, pk)
    payments = (
        scoped(ClaimPayment, request.user, PERM)
        .filter(remittance=rf)
        .select_related("claim")
        .prefetch_related("lines")[:1000]
    )
    record(Actor.from_request(request), "read", rf)
    return render(request, "remits/detail.html", {"rf": rf, "payments": payments})


@require_POST
@requires(PERM)
@shows_phi
def remittance_dry_run(request: HttpRequest, pk: int) -> HttpResponse:
    rf = _file(request, pk)
    with contextlib.suppress(actions.NotPostable):  # the page shows the differences
        actions.dry_run(Actor.from_request(request), rf)
    return redirect("remits:detail", pk=rf.pk)


@require_POST
@requires(PERM)
def remittance_post(request: HttpRequest, pk: int) -> HttpResponse:
    rf = _file(request, pk)
    with contextlib.suppress(actions.NotPostable):  # the page shows the differences
        actions.post_file(Actor.from_request(request), rf)
    return redirect("remits:detail", pk=rf.pk)


@require_GET
@requires(PERM)
@shows_phi
def unmatched_list(request: HttpRequest) -> HttpResponse:
    """Claim payments no claim answered, with the candidates weighed."""
    rows = list(
        scoped(Unmatched, request.user, PERM)
        .filter(resolved_at__isnull=True)
        .select_related("claim_payment__remittance")[:500]
    )
    record_event(
        Actor.from_request(request),
        "read",
        model="remits.Unmatched",
        label="unmatched remittance work list",
        context={"rows": [u.pk for u in rows]},
    )
    return render(request, "remits/unmatched.html", {"rows": rows})


# -- posting rules -------------------------------------------------------------------
#: Billers and managers see the rules; the roles that set up payers change them.
RULES_VIEW = "payers.view"
RULES_CHANGE = "payers.change"


def _rules_page(
    request: HttpRequest,
    practice: Practice | None,
    *,
    error: rules.InvalidRule | None = None,
    entered: dict[str, str] | None = None,
) -> HttpResponse:
    practices = scoped(Practice, request.user, RULES_VIEW).order_by("name")
    if practice is None:
        practice = practices.first()
    can_change = practice is not None and practice.pk in practice_ids(request.user, RULES_CHANGE)
    return render(
        request,
        "remits/rules.html",
        {
            "practices": practices,
            "practice": practice,
            "rows": rules.in_effect(practice) if practice else [],
            "auto_posts": rules.auto_posts(practice) if practice else True,
            "can_change": can_change,
            "actions": PostingRule.Action.choices,
            "error": error,
            "entered": entered or {},
        },
        status=422 if error else 200,
    )


@require_GET
@requires(RULES_VIEW)
def rules_list(request: HttpRequest) -> HttpResponse:
    """The rules in effect for a practice (``?practice=``, else the first one)."""
    pid = request.GET.get("practice", "")
    practice = (
        get_scoped_or_404(Practice, request.user, RULES_VIEW, pk=pid) if pid.isdigit() else None
    )
    return _rules_page(request, practice)


class _NoPractice(Exception):
    pass


def _changing(request: HttpRequest) -> Practice:
    pid = request.POST.get("practice", "")
    if not pid.isdigit():
        raise _NoPractice
    return get_scoped_or_404(Practice, request.user, RULES_CHANGE, pk=pid)


def _no_practice() -> HttpResponse:
    return HttpResponse(
        "practice: not given (the practice whose rules change)",
        status=422,
        content_type="text/plain; charset=utf-8",
    )


@require_POST
@requires(RULES_CHANGE)
def rules_set(request: HttpRequest) -> HttpResponse:
    """Add or change the practice's override of a key."""
    try:
        practice = _changing(request)
    except _NoPractice:
        return _no_practice()
    key, action = request.POST.get("key", ""), request.POST.get("action", "")
    try:
        rule = rules.set_rule(Actor.from_request(request), practice, key, action)
    except rules.InvalidRule as exc:
        return _rules_page(request, practice, error=exc, entered={"key": key, "action": action})
    messages.success(request, f"{rule.key}: {rules.ACTION_WORDS[rule.action]}.")
    return redirect(f"{reverse('remits:rules')}?practice={practice.pk}")


@require_POST
@requires(RULES_CHANGE)
def rules_remove(request: HttpRequest) -> HttpResponse:
    """Remove the practice's override of a key: the default applies again."""
    try:
        practice = _changing(request)
    except _NoPractice:
        return _no_practice()
    key = request.POST.get("key", "")
    if rules.remove_rule(Actor.from_request(request), practice, key):
        messages.success(request, f"{key}: back to the default.")
    return redirect(f"{reverse('remits:rules')}?practice={practice.pk}")


@require_POST
@requires(RULES_CHANGE)
def rules_auto_post(request: HttpRequest) -> HttpResponse:
    """The switch "Post 835s automatically" (decision 1050)."""
    try:
        practice = _changing(request)
    except _NoPractice:
        return _no_practice()
    on = request.POST.get("auto_post") == "on"
    rules.set_auto_post(Actor.from_request(request), practice, on)
    messages.success(
        request, "835s post automatically." if on else "835s wait for a person before posting."
    )
    return redirect(f"{reverse('remits:rules')}?practice={practice.pk}")


# -- matching an unmatched payment by hand -------------------------------------------
def _unmatched(request: HttpRequest, pk: int) -> Unmatched:
    return get_scoped_or_404(
        Unmatched.objects.select_related("claim_payment__remittance", "claim_payment__claim"),
        request.user,
        PERM,
        pk=pk,
    )


def _payment(um: Unmatched) -> dict[str, Any]:
    """What the 835 says of the payment: patient, dates and lines, for the page."""
    cp = actions.claim_payment_of(um.claim_payment)
    p = cp.patient
    lines = []
    for i, s in enumerate(cp.services):
        dates = ", ".join(d for _, d in s.service_dates)
        lines.append(
            {
                "index": i + 1,
                "procedure": actions.procedure_text(cp, i),
                "date": dates,
                "charge": s.svc.line_item_charge_amount,
                "paid": s.svc.line_item_provider_payment_amount,
                "adjustments": ", ".join(
                    f"{c.claim_adjustment_group_code}-{a.claim_adjustment_reason_code} "
                    f"{a.monetary_amount}"
                    for c in s.adjustments
                    for a in c.adjustments
                ),
            }
        )
    return {
        "patient": f"{p.name}, {p.first_name}".strip(", ") if p else "",
        "member_id": p.identification_code if p else "",
        "dates": ", ".join(f"{q} {d}" for q, d in cp.dates),
        "lines": lines,
    }


def _match_page(
    request: HttpRequest,
    um: Unmatched,
    *,
    error: str = "",
    number: str = "",
    chosen: str = "",
    does_not_fit: bool = False,
) -> HttpResponse:
    return render(
        request,
        "remits/match.html",
        {
            "u": um,
            "cpay": um.claim_payment,
            "payment": _payment(um),
            "error": error,
            "number": number,
            "chosen": chosen,
            "does_not_fit": does_not_fit,
        },
        status=422 if error else 200,
    )


@require_http_methods(["GET", "POST"])
@requires(PERM)
@shows_phi
def unmatched_match(request: HttpRequest, pk: int) -> HttpResponse:
    """An unmatched payment, its candidates, and posting it against a claim chosen."""
    um = _unmatched(request, pk)
    actor = Actor.from_request(request)
    if request.method == "GET":
        record(actor, "read", um)
        return _match_page(request, um)
    number = request.POST.get("number", "").strip()
    chosen = request.POST.get("claim", "").strip()
    claims = scoped(Claim, request.user, PERM)
    if number:
        claim = claims.filter(number=number).first()
        missing = f"claim number: no claim {number} in your practices"
    else:
        ids = {str(c.get("id")) for c in um.candidates}
        claim = claims.filter(pk=chosen).first() if chosen in ids else None
        missing = "claim: choose one of the candidates, or give a claim number"
    if claim is None:
        record(actor, "read", um)
        return _match_page(request, um, error=missing, number=number, chosen=chosen)
    try:
        actions.match_by_hand(
            actor, um, claim, charge_differs_ok=request.POST.get("charge_differs_ok") == "on"
        )
    except actions.NotPostable as exc:
        record(actor, "read", um)
        return _match_page(
            request,
            um,
            error=str(exc),
            number=number,
            chosen=chosen,
            does_not_fit=isinstance(exc, actions.DoesNotFit),
        )
    messages.success(request, f"Posted against claim {claim.number}.")
    return redirect("remits:detail", pk=um.claim_payment.remittance_id)
