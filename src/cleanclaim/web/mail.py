"""Email backends of our own, chosen by ``CLEANCLAIM_EMAIL_URL`` (``web/config.py``).

- :class:`PrivateFileBackend` (``file:///folder``; the default outside production,
  ``var/mail``): Django's file backend, but the folder is created 0700 and each
  file 0600 whatever the umask — invitation messages carry sign-in links.
- :class:`UnconfiguredBackend`: production with no ``CLEANCLAIM_EMAIL_URL``. Sending
  raises :class:`~cleanclaim.web.config.ConfigError` naming the variable, so an
  admin inviting someone is told what the deployment lacks (nothing is saved).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.message import EmailMessage

from cleanclaim.web.config import ConfigError, private_dir

NOT_CONFIGURED = (
    "CLEANCLAIM_EMAIL_URL is not set: this server cannot send email (see docs/configuration.md)"
)


class PrivateFileBackend(FileBackend):
    def __init__(self, file_path: str | None = None, **kwargs: Any) -> None:
        from django.conf import settings

        folder = Path(file_path or settings.EMAIL_FILE_PATH).absolute()
        private_dir(folder)
        super().__init__(file_path=str(folder), **kwargs)

    def open(self) -> bool:
        if self.stream is None:
            fd = os.open(self._get_filename(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            self.stream = os.fdopen(fd, "ab")
            return True
        return False


class UnconfiguredBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise ConfigError(NOT_CONFIGURED)
