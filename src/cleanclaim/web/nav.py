"""The navigation follows the work. Each item names the permission that shows
it; later capabilities replace a placeholder by pointing ``url`` at their view
(the permission check itself stays on the view)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from cleanclaim.tenancy.scoping import permissions_of
from cleanclaim.web.twofactor import next_step


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str
    #: Which capability fills the page, for the placeholders.
    capability: str = ""


NAV: tuple[NavItem, ...] = (
    NavItem("Today's patients", "appointments:today", "patients.view"),
    NavItem("Patients", "patients:list", "patients.view"),
    NavItem("Coding", "coding:screen", "coding.work"),
    NavItem("Claims", "work:claims", "claims.work", "837P claims, scrubbing and submission"),
    NavItem("Scrubber", "scrubbing:upload", "claims.work"),
    NavItem("Batches", "clearinghouses:batches", "claims.submit"),
    NavItem("Remittance", "remits:list", "remittance.post"),
    NavItem("Posting rules", "remits:rules", "payers.view"),
    NavItem("Denials", "denials:list", "worklists.claims"),
    NavItem("Statements", "statements:runs", "statements.work"),
    NavItem("Payers", "payers:list", "payers.view"),
    NavItem("Fee schedules", "fees:list", "fees.view"),
    NavItem("Reports", "work:reports", "reports.view", "reports and KPIs"),
    NavItem("Scheduled work", "work:scheduled", "reports.view"),
    NavItem("Reference data", "coding:refdata", "refdata.view"),
    NavItem("Admin", "manage:users", "users.manage"),
)


def items_for(user: Any) -> list[NavItem]:
    perms = permissions_of(user)
    return [item for item in NAV if item.permission in perms]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Template context processor: the items this user may open, and which is current."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or next_step(user) is not None:
        return {"nav_items": []}  # signed out, or the second factor comes first
    path = request.path
    items = []
    for item in items_for(user):
        url = reverse(item.url_name)
        items.append({"label": item.label, "url": url, "current": path.startswith(url)})
    return {"nav_items": items}
