"""Remittance pages for billers (``remittance.post``): drop an 835 (see its differences
or what would post, then post it), the files received, a file's claim payments, and the
unmatched work list. Thin: writes go through :mod:`cleanclaim.remits.actions`."""

from __future__ import annotations

import contextlib

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_event
from cleanclaim.practices.models import Practice
from cleanclaim.remits import actions
from cleanclaim.remits.models import ClaimPayment, RemittanceFile, Unmatched
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
    files = scoped(RemittanceFile, request.user, PERM).filter(practice_id__in=ids)[:200]
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
