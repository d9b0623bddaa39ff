"""In-app administration: users and their roles, practices."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.practices import actions
from cleanclaim.practices.decorators import requires
from cleanclaim.practices.forms import (
    LocationForm,
    NewUserForm,
    PracticeForm,
    ProviderForm,
    RolesForm,
)
from cleanclaim.practices.models import (
    Membership,
    Practice,
    RenderingProvider,
    ServiceLocation,
    User,
)
from cleanclaim.practices.scoping import get_scoped_or_404, scoped
from cleanclaim.web.concurrency import StaleEdit, show_stale


def _managed_practices(request: HttpRequest) -> list[Practice]:
    return list(scoped(Practice, request.user, "users.manage"))


@require_GET
@requires("users.manage")
def user_list(request: HttpRequest) -> HttpResponse:
    managed = _managed_practices(request)
    here = Membership.objects.filter(practice__in=managed).select_related("practice")
    users = scoped(User, request.user, "users.manage").prefetch_related(
        Prefetch("memberships", queryset=here)  # roles at the practices this admin runs
    )
    return render(request, "practices/users.html", {"users": users})


@require_http_methods(["GET", "POST"])
@requires("users.manage")
def user_create(request: HttpRequest) -> HttpResponse:
    form = NewUserForm(request.POST or None, practices=_managed_practices(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_user(
                Actor.from_request(request),
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
                roles=form.roles(),
            )
        except ValidationError as exc:
            field = "email" if getattr(exc, "code", None) == "email_unavailable" else None
            form.add_error(field, exc)
        else:
            return redirect("manage:users")
    return render(request, "practices/user_form.html", {"form": form, "title": "Add a user"})


@require_http_methods(["GET", "POST"])
@requires("users.manage")
def user_roles(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_scoped_or_404(User, request.user, "users.manage", pk=pk)
    form = RolesForm(request.POST or None, practices=_managed_practices(request), user=target)
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_roles(
                Actor.from_request(request),
                target,
                form.roles(),
                active=form.cleaned_data["active"],
            )
        except ValidationError as exc:  # the last administrator, or someone working elsewhere
            form.add_error(None, exc)
        else:
            return redirect("manage:users")
    return render(
        request,
        "practices/user_form.html",
        {"form": form, "title": f"Roles of {target.email}", "target": target},
    )


@require_GET
@requires("practices.manage")
def practice_list(request: HttpRequest) -> HttpResponse:
    practices = scoped(Practice, request.user, "practices.manage").prefetch_related(
        "providers", "locations"
    )
    return render(request, "practices/practices.html", {"practices": practices})


@require_GET
@requires("practices.manage")
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_scoped_or_404(Practice, request.user, "practices.manage", pk=pk)
    return render(request, "practices/practice.html", {"practice": practice})


def _setup_form(
    request: HttpRequest, form_class: type, instance: object, practice: Practice, title: str
) -> HttpResponse:
    form = form_class(request.POST or None, instance=instance)
    new = getattr(instance, "pk", None) is None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        actor = Actor.from_request(request)
        try:
            if new:  # the form has set the fields on the instance
                actions.add_setup_row(actor, form.instance, data)
            else:  # checked against the version the editor started from
                row = type(form.instance)._default_manager.get(pk=form.instance.pk)
                actions.update_setup_row(actor, row, data, expected_version=version)
        except StaleEdit as exc:
            show_stale(form, exc)
        except ValidationError as exc:  # e.g. the NPI is already on file at this practice
            form.add_error(None, exc.messages)
        else:
            return redirect("manage:practice", pk=practice.pk)
    return render(
        request,
        "practices/setup_form.html",
        {"form": form, "title": title, "practice": practice},
    )


@require_http_methods(["GET", "POST"])
@requires("practices.manage")
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_scoped_or_404(Practice, request.user, "practices.manage", pk=pk)
    return _setup_form(request, PracticeForm, practice, practice, f"Edit {practice.name}")


@require_http_methods(["GET", "POST"])
@requires("practices.manage")
def provider_add(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_scoped_or_404(Practice, request.user, "practices.manage", pk=pk)
    provider = RenderingProvider(practice=practice)
    return _setup_form(request, ProviderForm, provider, practice, "Add a rendering provider")


@require_http_methods(["GET", "POST"])
@requires("practices.manage")
def provider_edit(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_scoped_or_404(RenderingProvider, request.user, "practices.manage", pk=pk)
    return _setup_form(request, ProviderForm, provider, provider.practice, f"Edit {provider}")


@require_http_methods(["GET", "POST"])
@requires("practices.manage")
def location_add(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_scoped_or_404(Practice, request.user, "practices.manage", pk=pk)
    location = ServiceLocation(practice=practice)
    return _setup_form(request, LocationForm, location, practice, "Add a service location")


@require_http_methods(["GET", "POST"])
@requires("practices.manage")
def location_edit(request: HttpRequest, pk: int) -> HttpResponse:
    location = get_scoped_or_404(ServiceLocation, request.user, "practices.manage", pk=pk)
    return _setup_form(request, LocationForm, location, location.practice, f"Edit {location}")
