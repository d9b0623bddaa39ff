"""The two permission guards of the tenancy kernel: ``@requires(permission)`` (and
``@signed_in``) for server-rendered views, ``@api_requires(permission)`` for API
operations. Both read the one permission table (:mod:`.permissions`) through
:func:`.scoping.has_permission`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect
from ninja.errors import HttpError

from cleanclaim.tenancy.permissions import PERMISSIONS
from cleanclaim.tenancy.scoping import has_permission

View = Callable[..., HttpResponse]


def _to_login(request: HttpRequest) -> HttpResponse:
    """The sign-in page; for an HTMX request (e.g. after the idle timeout) a client-side
    redirect, so the login page is not swapped into part of the page."""
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(resolve_url(settings.LOGIN_URL))
    return redirect_to_login(request.get_full_path())


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
                return _to_login(request)
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
            return _to_login(request)
        return view(request, *args, **kwargs)

    wrapper.required_permission = None  # type: ignore[attr-defined]
    return wrapper


def api_requires(permission: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """403 unless the caller holds a role granting ``permission`` somewhere."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(func)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not has_permission(request.auth, permission):  # type: ignore[attr-defined]
                raise HttpError(403, f"needs permission {permission}")
            return func(request, *args, **kwargs)

        wrapper.required_permission = permission  # type: ignore[attr-defined]
        return wrapper

    return decorate
