"""The shell's own pages: home, sign-in/out and the honest placeholders."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record_event
from cleanclaim.claims import worklists
from cleanclaim.clearinghouses import alerts as clearinghouse_alerts
from cleanclaim.payercalls import actions as call_actions
from cleanclaim.payercalls.followups import due
from cleanclaim.scrubbing.svg import bar_chart
from cleanclaim.tenancy.guards import requires, signed_in
from cleanclaim.tenancy.scoping import has_permission, scoped
from cleanclaim.web.forms import ThrottledAuthenticationForm
from cleanclaim.web.nav import NAV, items_for


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True
    http_method_names = ["get", "post", "head", "options"]  # Django's form views take PUT too

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method is None or request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


class LogoutView(auth_views.LogoutView):
    """POST only (Django 5): a link cannot sign somebody out."""


@require_GET
@signed_in
def home(request: HttpRequest) -> HttpResponse:
    """Coders, billers and managers see their work lists with counts (role-aware:
    :func:`cleanclaim.claims.worklists.visible`); those who log payer calls (billers,
    managers) also their follow-ups due. Everyone else goes to the first page their
    roles allow."""
    lists = worklists.visible(request.user)
    if lists or has_permission(request.user, "calls.log"):
        return _work_home(request)
    items = items_for(request.user)
    if items:
        return redirect(reverse(items[0].url_name))
    return render(request, "web/no_role.html", status=200)


@shows_phi  # a follow-up may name the patient the call was about
def _work_home(request: HttpRequest) -> HttpResponse:
    """The work lists' counts, and for those who log calls the follow-ups due. The
    counts are recorded as one read, so every answer of this URL is audited alike."""
    today = timezone.localdate()
    found = worklists.counts(request.user, today=today, now=timezone.now())
    worklists.view_counts(Actor.from_request(request), found)
    counts = [{"label": w.label, "count": n, "url": _list_url(w)} for w, n in found]
    chart = bar_chart(
        [(c["label"], c["count"]) for c in counts], title="Work lists", chart_id="worklists"
    )
    context: dict[str, Any] = {"counts": counts, "chart": chart, "today": today}
    if has_permission(request.user, "calls.log"):
        context["followups"] = _followups(request, today)
    if has_permission(request.user, "worklists.claims"):
        context["appeal_followups"] = _appeal_followups(request, today)
    if has_permission(request.user, clearinghouse_alerts.PERMISSION):
        context["alerts"] = clearinghouse_alerts.alerts(request.user, timezone.now())
        context["can_open_claims"] = has_permission(request.user, "claims.work")
    return render(request, "web/home.html", context)


def _followups(request: HttpRequest, today: Any) -> list[Any]:
    followups = list(due(request.user, today)[:200])
    call_actions.view_calls(Actor.from_request(request), followups, query="follow-ups due")
    return followups


def _appeal_followups(request: HttpRequest, today: Any) -> list[Any]:
    """Appealed denials whose follow-up date has come (issue 16)."""
    from cleanclaim.denials.models import Denial
    from cleanclaim.denials.worklist import followups_due

    found = list(followups_due(scoped(Denial, request.user, "worklists.claims"), today)[:200])
    if found:
        record_event(
            Actor.from_request(request),
            "read",
            model="denials.Denial",
            label="appeal follow-ups due",
            context={"rows": [d.pk for d in found]},
        )
    return found


def _list_url(work: worklists.WorkList) -> str:
    if work.slug == "to-code":
        return reverse("claims:visits_to_code")
    return reverse("claims:worklist", kwargs={"slug": work.slug})


def _placeholder(url_name: str):  # type: ignore[no-untyped-def]
    item = next(i for i in NAV if i.url_name == url_name)

    @require_GET
    @requires(item.permission)
    def view(request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "web/placeholder.html",
            {"title": item.label, "capability": item.capability},
        )

    view.__name__ = view.__qualname__ = url_name.split(":")[1]
    return view


claims = _placeholder("work:claims")
reports = _placeholder("work:reports")


@require_GET
@requires("reports.view")
def scheduled(request: HttpRequest) -> HttpResponse:
    """The scheduled work and its last runs, so a manager can see the polling is alive.
    Platform-wide and name-free (counts only); a failure's error text is shown to
    platform staff, others are pointed to the server's log."""
    from django.conf import settings

    from cleanclaim.web.scheduler import is_late, last_runs

    now = timezone.now()
    rows = [
        (job, runs, is_late(job, runs[0].started_at if runs else None, now))
        for job, runs in last_runs(per_job=5)
    ]
    return render(
        request,
        "web/scheduled.html",
        {
            "jobs": rows,
            "zone": settings.TIME_ZONE,
            "broker": bool(settings.CONFIG.celery_broker_url),
            "show_errors": request.user.is_staff,
        },
    )
