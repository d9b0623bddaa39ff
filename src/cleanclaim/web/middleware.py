"""Idle session timeout: a signed-in session unused for
``SESSION_IDLE_MINUTES`` (``CLEANCLAIM_SESSION_IDLE_MINUTES``, default 15) is
ended and the user must sign in again (HIPAA 45 CFR 164.312(a)(2)(iii),
automatic logoff)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

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
