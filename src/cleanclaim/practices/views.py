"""In-app administration: users and their roles, practices."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from cleanclaim.audit.actor import Actor
from cleanclaim.practices import actions
from cleanclaim.practices.decorators import requires
from cleanclaim.practices.forms import NewUserForm, RolesForm
from cleanclaim.practices.models import Membership, Practice, User
from cleanclaim.practices.scoping import get_scoped_or_404, scoped


def _managed_practices(request: HttpRequest) -> list[Practice]:
    return list(scoped(Practice, request.user, "users.manage"))


@requires("users.manage")
def user_list(request: HttpRequest) -> HttpResponse:
    users = scoped(User, request.user, "users.manage").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("practice"))
    )
    return render(request, "practices/users.html", {"users": users})


@requires("users.manage")
def user_create(request: HttpRequest) -> HttpResponse:
    form = NewUserForm(request.POST or None, practices=_managed_practices(request))
    if request.method == "POST" and form.is_valid():
        actions.add_user(
            Actor.from_request(request),
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password"],
            roles=form.roles(),
        )
        return redirect("manage:users")
    return render(request, "practices/user_form.html", {"form": form, "title": "Add a user"})


@requires("users.manage")
def user_roles(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_scoped_or_404(User, request.user, "users.manage", pk=pk)
    form = RolesForm(request.POST or None, practices=_managed_practices(request), user=target)
    if request.method == "POST" and form.is_valid():
        actions.set_roles(
            Actor.from_request(request), target, form.roles(), active=form.cleaned_data["active"]
        )
        return redirect("manage:users")
    return render(
        request,
        "practices/user_form.html",
        {"form": form, "title": f"Roles of {target.email}", "target": target},
    )


@requires("practices.manage")
def practice_list(request: HttpRequest) -> HttpResponse:
    practices = scoped(Practice, request.user, "practices.manage").prefetch_related(
        "providers", "locations"
    )
    return render(request, "practices/practices.html", {"practices": practices})


@requires("practices.manage")
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_scoped_or_404(Practice, request.user, "practices.manage", pk=pk)
    return render(request, "practices/practice.html", {"practice": practice})
