"""Start Django for CLI commands, turning configuration errors into one-line CLI errors."""

from __future__ import annotations

import os

from cleanclaim.cli import CLIError

SETTINGS = "cleanclaim.web.settings"


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        raise CLIError(str(exc)) from None
