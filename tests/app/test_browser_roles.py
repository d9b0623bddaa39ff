"""Sign in as each demo role in Chromium and see exactly the navigation the role allows."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from django_otp.oath import totp

from cleanclaim.tenancy.permissions import ROLE_PERMISSIONS, Role
from cleanclaim.web import demo
from cleanclaim.web.nav import NAV

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _expected(role: Role) -> list[str]:
    return [item.label for item in NAV if item.permission in ROLE_PERMISSIONS[role]]


def _enrol_if_asked(page: Any) -> None:
    """Administrators set up their authenticator app first: read the key the page
    shows and type the code an app would compute from it."""
    if "/account/two-factor/" not in page.url:
        return
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code from your authenticator app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()


def test_it_shows_each_role_its_navigation(live_server: Any, page: Any) -> None:
    demo.build()
    for email, label in demo.logins():
        role = next(r for r in Role if r.label == label)
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(demo.PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        if role == Role.ADMIN:
            assert "/account/two-factor/" in page.url, page.url
        _enrol_if_asked(page)
        nav = page.get_by_role("navigation", name="Main")
        shown = [t.strip() for t in nav.get_by_role("link").all_inner_texts()]
        assert shown == _expected(role), f"{email}: {shown}"
        assert page.url.startswith(live_server.url)
        assert page.title().endswith("· cleanclaim")
