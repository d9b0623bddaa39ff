"""API authentication (session cookie or ``Authorization: Bearer cc_…`` token)
and the one permission guard for operations, ``@api_requires``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from cleanclaim.api.models import ApiToken, digest
from cleanclaim.practices.permissions import PERMISSIONS
from cleanclaim.practices.scoping import has_permission


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            row = ApiToken.objects.select_related("user").get(token_digest=digest(token.strip()))
        except ApiToken.DoesNotExist:
            return None
        if not row.usable():
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used=timezone.now())
        request.user = row.user
        return row.user


#: Tried in order: a token when an Authorization header is sent, else the session
#: (which checks CSRF on unsafe methods).
AUTH = [TokenAuth(), django_auth]


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
