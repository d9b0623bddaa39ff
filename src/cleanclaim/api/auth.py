"""API authentication: a session cookie or an ``Authorization: Bearer cc_…`` token. The
permission guard for operations, ``@api_requires``, is the tenancy kernel's
(:mod:`cleanclaim.tenancy.guards`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from cleanclaim.api.models import ApiToken, digest


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
