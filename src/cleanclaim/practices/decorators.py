"""``@requires(permission)``: the one guard for server-rendered views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from cleanclaim.practices.permissions import PERMISSIONS
from cleanclaim.practices.scoping import has_permission

View = Callable[..., HttpResponse]


def requires(permission: str) -> Callable[[View], View]:
    """Anonymous users go to the login page; signed-in users without a role
    granting ``permission`` get 403. The permission is kept on the view
    (``view.required_permission``) so tests and the navigation can read it."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_permission(request.user, permission):
                raise PermissionDenied(f"needs permission {permission}")
            return view(request, *args, **kwargs)

        wrapper.required_permission = permission  # type: ignore[attr-defined]
        return wrapper

    return decorate


def signed_in(view: View) -> View:
    """For pages every signed-in user may see (home, logout)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.required_permission = None  # type: ignore[attr-defined]
    return wrapper
