"""Who is acting: the user plus where the request came from."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Actor:
    user: Any
    ip: str | None = None
    user_agent: str = ""
    via: str = "web"
    #: Who, when there is no user: ``"system: cleanclaim manage shell"``.
    label: str = ""

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

    @classmethod
    def process(cls) -> Actor:
        """This process when no user acts through the app (``manage shell``, a script):
        ``system: <program> <first arguments>``."""
        program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path("python")
        # ``python -m cleanclaim`` runs .../cleanclaim/__main__.py: name the package
        words = [program.parent.name if program.name == "__main__.py" else program.name]
        words += [a for a in sys.argv[1:3] if not a.startswith("-")]
        return cls(user=None, via="system", label=f"system: {' '.join(words)}"[:254])


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR. Behind a proxy, configure the proxy to set it (we do not trust
    X-Forwarded-For by default: it is client-controlled)."""
    addr = request.META.get("REMOTE_ADDR") or None
    return addr
