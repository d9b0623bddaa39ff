"""The app's middleware.

- Idle session timeout: a signed-in session unused for ``SESSION_IDLE_MINUTES``
  (``CLEANCLAIM_SESSION_IDLE_MINUTES``, default 15) is ended and the user must sign
  in again (HIPAA 45 CFR 164.312(a)(2)(iii), automatic logoff).
- Request ids (``X-Request-ID``) and the security headers (no caching of PHI, the
  Content-Security-Policy, the Permissions-Policy).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from cleanclaim.web import request_id

SESSION_KEY = "cleanclaim_last_seen"


class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and hasattr(request, "session"):
            now = time.time()
            last = request.session.get(SESSION_KEY)
            limit = settings.SESSION_IDLE_MINUTES * 60
            if isinstance(last, int | float) and now - last > limit:
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {settings.SESSION_IDLE_MINUTES} minutes "
                    "without activity.",
                )
            else:
                request.session[SESSION_KEY] = now
        return self.get_response(request)


class RequestIdMiddleware:
    """Gives each request an id (``request.request_id``), sets ``X-Request-ID`` on
    the response and tags the request's log lines with it (:mod:`.request_id`).
    First in ``MIDDLEWARE``, so static files and redirects carry one too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = request_id.choose(request.META.get(request_id.META_KEY))
        request.request_id = rid  # type: ignore[attr-defined]
        token = request_id.current.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.current.reset(token)
        response[request_id.HEADER] = rid
        return response


class SecurityHeadersMiddleware:
    """``Cache-Control: no-store``, the Content-Security-Policy and the
    Permissions-Policy on every answer of the app (pages, fragments, API, errors).

    Placed after WhiteNoise, which answers static files itself: those keep its
    long-lived caching. The policies are the settings ``CONTENT_SECURITY_POLICY``
    and ``PERMISSIONS_POLICY`` (docs/configuration.md)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csp = settings.CONTENT_SECURITY_POLICY
        self.permissions = settings.PERMISSIONS_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response.setdefault("Content-Security-Policy", self.csp)
        response.setdefault("Permissions-Policy", self.permissions)
        return response
