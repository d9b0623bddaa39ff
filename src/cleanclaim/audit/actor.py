"""Who is acting: the user plus where the request came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Actor:
    user: Any
    ip: str | None = None
    user_agent: str = ""
    via: str = "web"

    @classmethod
    def from_request(cls, request: HttpRequest, *, via: str = "web") -> Actor:
        return cls(
            user=request.user,
            ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
            via=via,
        )

    @classmethod
    def system(cls, user: Any, via: str = "cli") -> Actor:
        return cls(user=user, via=via)


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR. Behind a proxy, configure the proxy to set it (we do not trust
    X-Forwarded-For by default: it is client-controlled)."""
    addr = request.META.get("REMOTE_ADDR") or None
    return addr
