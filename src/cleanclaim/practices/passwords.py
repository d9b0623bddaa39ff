"""Password rules beyond Django's own validators (listed in ``AUTH_PASSWORD_VALIDATORS``).

Every path that sets a password — the in-app "add a user" form, the password
change page, ``cleanclaim manage createsuperuser``/``changepassword`` and the
Django admin — calls :func:`check`, or Django's ``validate_password`` with a
user object, so the similarity check can compare the password with the
person's name and email even before the user is saved.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError


class NotDemoPasswordValidator:
    """Refuses the published demo password (``cleanclaim.web.demo.PASSWORD``).

    The demo builds its own users without running validators, so the demo
    password is only ever accepted inside the demo; anybody choosing it
    through a form, the CLI or the admin is refused.
    """

    def validate(self, password: str, user: Any = None) -> None:
        from cleanclaim.practices.demo import PASSWORD

        if password.strip().casefold() == PASSWORD.casefold():
            raise ValidationError(
                "This password is published with the demo; choose another.",
                code="password_is_demo",
            )

    def get_help_text(self) -> str:
        return "Your password can't be the demo password."


def check(password: str, *, email: str, full_name: str = "", user: Any = None) -> None:
    """Run every configured validator with a user carrying ``email`` and ``full_name``
    (an unsaved one when the account does not exist yet); raises ``ValidationError``."""
    from cleanclaim.practices.models import User

    candidate = user if user is not None else User(email=email, full_name=full_name)
    password_validation.validate_password(password, candidate)
