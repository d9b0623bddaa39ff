"""In-app administration: users and their roles, practices."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.practices import actions, invitations
from cleanclaim.practices.forms import (
    InviteForm,
    LocationForm,
    PracticeForm,
    ProviderForm,
    RolesForm,
)
from cleanclaim.practices.models import (
    Invitation,
    InvitationRole,
    Membership,
    Practice,
    RenderingProvider,
    ServiceLocation,
    User,
)
from cleanclaim.tenancy.concurrency import StaleEdit, show_stale
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped


def _managed_practices(request: HttpRequest) -> list[Practice]:
    return list(scoped(Practice, request.user, "users.manage"))


def _pending_invitations(request: HttpRequest, managed: list[Practice]) -> Any:
    """Pending (and expired, not yet cancelled) invitations offering a role at a
    practice this admin runs, with the roles at those practices."""
    offered = InvitationRole.objects.filter(practice__in=managed).select_related("practice")
    return (
        scoped(Invitation.objects.distinct(), request.user, "users.manage")
        .filter(status=Invitation.Status.PENDING)
        .select_related("invited_by")
        .prefetch_related(Prefetch("roles", queryset=offered))
    )


@require_GET
@requires("users.manage")
def user_list(request: HttpRequest) -> HttpResponse:
    managed = _managed_practices(request)
    here = Membership.objects.filter(practice__in=managed).select_related("practice")
    users = scoped(User, request.user, "users.manage").prefetch_related(
        Prefetch("memberships", queryset=here)  # roles at the practices this admin runs
    )
    return render(
        request,
        "practices/users.html",
        {"users": users, "invitations": _pending_invitations(request, managed)},
    )


def _accept_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("account:invitation"))


@require_http_methods(["GET", "POST"])
@requires("users.manage")
def user_invite(request: HttpRequest) -> HttpResponse:
    """The same answer whoever holds the address (``practices.invitations``)."""
    form = InviteForm(request.POST or None, practices=_managed_practices(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            invitations.invite(
                Actor.from_request(request),
                email=email,
                full_name=form.cleaned_data["full_name"],
                roles=form.roles(),
                accept_url=_accept_url(request),
            )
        except ValidationError as exc:  # no role, or the message could not go out
            form.add_error(None, exc)
        else:
            messages.success(request, f"Invitation sent to {email}.")
            return redirect("manage:users")
    return render(
        request,
        "practices/user_form.html",
        {"form": form, "title": "Invite a user", "submit": "Send the invitation"},
    )


def _invitation_action(request: HttpRequest, pk: int, act: Any, done: str) -> HttpResponse:
    invitation = get_scoped_or_404(
        Invitation.objects.distinct(), request.user, "users.manage", pk=pk
    )
    try:
        act(invitation)
    except ValidationError as exc:  # already accepted or cancelled; or not sent
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{done} {invitation.email}.")
    return redirect("manage:users")


@require_POST
@requires("users.manage")
def invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    actor, url = Actor.from_request(request), _accept_url(request)
    return _invitation_action(
        request,
        pk,
        lambda inv: invitations.resend(actor, inv, accept_url=url),
        "Invitation sent again to",
    )


@require_POST
@requires("users.manage")
def invitation_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    actor = Actor.from_request(request)
    return _invitation_action(
        request, pk, lambda inv: invitations.cancel(actor, inv), "Invitation cancelled for"
    )


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
