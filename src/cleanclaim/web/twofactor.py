"""The second factor: TOTP codes from an authenticator app (django-otp).

Who must use it is :func:`required`: administrators (the admin role at any
practice) and platform staff always; everybody when
``CLEANCLAIM_REQUIRE_2FA=all``. Anybody who has enrolled a device is asked
for a code at every sign-in, required or not.

:class:`SecondFactorMiddleware` runs after django-otp's ``OTPMiddleware``. A
signed-in session that has not passed the second factor reaches only the pages
in :data:`OPEN_TO_UNVERIFIED` (sign-in, sign-out, enrol, verify); everything
else sends a person with a device to the verify page and a person who must
enrol to the enrol page, before anything else. API calls on such a session
answer 401 JSON; API tokens (``Authorization: Bearer``) are not sessions and are
not affected. Wrong codes are throttled by django-otp (the wait doubles after
each failure; ``OTP_TOTP_THROTTLE_FACTOR``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect
from django_otp import user_has_device

from cleanclaim.practices.models import Membership
from cleanclaim.tenancy.permissions import Role

#: URL names a signed-in but unverified session may open.
OPEN_TO_UNVERIFIED = frozenset(
    {
        "login",
        "logout",
        "account:enrol",
        "account:verify",
        "admin:login",
        "admin:logout",
    }
)


def required(user: Any) -> bool:
    """Whether ``user`` must pass a second factor to use the app."""
    if settings.CLEANCLAIM_REQUIRE_2FA == "all":
        return True
    if user.is_staff or user.is_superuser:
        return True
    return Membership.objects.filter(user=user, role=Role.ADMIN).exists()


def is_verified(user: Any) -> bool:
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def next_step(user: Any) -> str | None:
    """``"account:verify"`` or ``"account:enrol"`` for a session that must pass
    the second factor first; None when it may go on."""
    if not user.is_authenticated or is_verified(user):
        return None
    if user_has_device(user):
        return "account:verify"
    if required(user):
        return "account:enrol"
    return None


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.view_name in OPEN_TO_UNVERIFIED:
            return None
        step = next_step(request.user)
        if step is None:
            return None
        if match.view_name.startswith("api:"):
            return JsonResponse({"detail": "sign in with your second factor first"}, status=401)
        url = reverse(step)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(url)
        return redirect(url)
