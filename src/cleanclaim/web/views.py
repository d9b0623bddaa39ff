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
from cleanclaim.payercalls import actions as call_actions
from cleanclaim.payercalls.followups import due
from cleanclaim.tenancy.guards import requires, signed_in
from cleanclaim.tenancy.scoping import has_permission
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
    """Those who log payer calls (billers, managers) see their follow-ups due;
    everyone else goes to the first page their roles allow."""
    if has_permission(request.user, "calls.log"):
        return _followups_home(request)
    items = items_for(request.user)
    if items:
        return redirect(reverse(items[0].url_name))
    return render(request, "web/no_role.html", status=200)


@shows_phi  # a follow-up may name the patient the call was about
def _followups_home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    followups = list(due(request.user, today)[:200])
    call_actions.view_calls(Actor.from_request(request), followups, query="follow-ups due")
    return render(
        request,
        "web/home.html",
        {"followups": followups, "today": today},
    )


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
remittance = _placeholder("work:remittance")
denials = _placeholder("work:denials")
reports = _placeholder("work:reports")
