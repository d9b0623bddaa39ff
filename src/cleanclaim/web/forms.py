"""The sign-in form, with throttling (see ``cleanclaim.web.throttle``), refusing the
demo users in production."""

from __future__ import annotations

import logging
import math
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from cleanclaim.audit.actor import client_ip
from cleanclaim.web import demo, throttle

log = logging.getLogger(__name__)


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "The email or password is not right.",
        "locked": (
            "Too many failed sign-ins for this account from your address. "
            "Try again in %(minutes)s minute(s)."
        ),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Email"
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request) if self.request is not None else None
        until = throttle.locked_until(username, ip)
        if until is not None:
            minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
            raise forms.ValidationError(
                self.error_messages["locked"], code="locked", params={"minutes": minutes}
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, ip)
            raise
        throttle.clear(username, ip)
        return cleaned

    def confirm_login_allowed(self, user: Any) -> None:
        """In production the demo users (``@demo.test``, published password) cannot
        sign in even when the demo data is present. The person signing in sees the
        ordinary "not right" answer; the reason goes to the log for the operator."""
        super().confirm_login_allowed(user)
        if settings.CONFIG.production and demo.is_demo_user(user):
            log.warning(
                "sign-in refused: %s is a demo user and CLEANCLAIM_PRODUCTION is on; "
                "remove the demo organisation from this database",
                user.email,
            )
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")
