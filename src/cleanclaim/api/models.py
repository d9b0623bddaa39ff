"""Per-user API tokens. Only a SHA-256 digest of the token is stored; the
token itself is shown once when issued (``cleanclaim manage issue_api_token``)."""

from __future__ import annotations

import hashlib
import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX = "cc_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for")
    prefix = models.CharField(max_length=12, help_text="The first characters, to recognise it")
    token_digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)
    expires = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    tenant_path: ClassVar[str] = "user__organisation"

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @classmethod
    def issue(cls, user: object, name: str) -> tuple[ApiToken, str]:
        """Create a token; returns the row and the plain token (shown once)."""
        plain = PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(
            user=user, name=name, prefix=plain[:10], token_digest=digest(plain)
        )
        return row, plain

    def usable(self) -> bool:
        if self.revoked or not self.user.is_active:
            return False
        return self.expires is None or self.expires > timezone.now()
