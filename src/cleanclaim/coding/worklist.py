"""The coding screen's working list: a scratch pad kept in the session.

Encounters and claims do not exist yet (a later issue designs them and where
the codes of an encounter are stored), so the picked codes live only in the
signed-in session: they vanish at sign-out and are never written to the
database. The page says so.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from cleanclaim.coding.service import Pick

SESSION_KEY = "coding_worklist"
MAX_ITEMS = 40


def items(request: HttpRequest) -> list[dict[str, Any]]:
    got = request.session.get(SESSION_KEY)
    return list(got) if isinstance(got, list) else []


def add(request: HttpRequest, picked: Pick) -> list[dict[str, Any]]:
    """Add (or refresh) ``picked``; the same code on the same date appears once."""
    key = (picked.system, picked.code, picked.dos)
    rows = [r for r in items(request) if (r["system"], r["code"], r["dos"]) != key]
    rows.append(picked.as_dict())
    rows = rows[-MAX_ITEMS:]
    request.session[SESSION_KEY] = rows
    return rows


def remove(request: HttpRequest, system: str, code: str, dos: str) -> list[dict[str, Any]]:
    rows = [
        r
        for r in items(request)
        if not (r["system"] == system and r["code"] == code and r["dos"] == dos)
    ]
    request.session[SESSION_KEY] = rows
    return rows


def clear(request: HttpRequest) -> list[dict[str, Any]]:
    request.session[SESSION_KEY] = []
    return []
