"""In-app administration: users and their roles, practices."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cleanclaim.practices.decorators import requires
from cleanclaim.practices.models import Membership, Practice, User
from cleanclaim.practices.scoping import get_scoped_or_404, scoped


@requires("users.manage")
def user_list(request: HttpRequest) -> HttpResponse:
    users = scoped(User, request.user, "users.manage").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("practice"))
    )
    return render(request, "practices/users.html", {"users": users})


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
