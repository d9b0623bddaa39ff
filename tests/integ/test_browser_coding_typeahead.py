"""In Chromium, keyboard only: type lay words on the coding screen, see results appear
as you type, ArrowDown + Enter picks one into the working list; a header code warns."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "integ-browser-pass-1"
BOX = "Find a code by words or by code"


def _coder(world: World) -> str:
    user = world.home.users[Role.CODER]
    user.set_password(PASSWORD)
    user.save()
    return str(user.email)


def _open_screen(page: Any, base: str, email: str) -> Any:
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto(f"{base}/coding/?date=2026-05-01")
    box = page.get_by_role("combobox", name=BOX)
    box.focus()
    return box


def test_it_picks_a_code_from_lay_words_with_the_keyboard(
    live_server: Any, page: Any, world: World
) -> None:
    email = _coder(world)

    box = _open_screen(page, live_server.url, email)
    page.keyboard.type("ringing in the ears", delay=40)
    # results for the whole phrase (the script marks which query the list shows)
    page.locator('#code-results[data-query="ringing in the ears"]').wait_for(state="attached")
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option").first.wait_for(state="visible")
    listbox.get_by_role("option", name="Tinnitus").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active, "ArrowDown highlights an option"
    chosen = page.locator(f"#{active}")
    assert chosen.get_attribute("aria-selected") == "true"
    code = chosen.get_attribute("data-code")
    assert code and code.startswith("H93.")
    page.keyboard.press("Enter")
    page.locator(f'#worklist li.pick[data-code="{code}"]').wait_for()
    assert listbox.is_hidden()
    assert box.get_attribute("aria-expanded") == "false"


def test_it_warns_when_a_header_code_is_picked(live_server: Any, page: Any, world: World) -> None:
    email = _coder(world)

    _open_screen(page, live_server.url, email)
    page.keyboard.type("E11", delay=40)
    page.locator('#code-results[data-query="E11"]').wait_for(state="attached")
    header = page.locator('[role="option"][data-code="E11"]')
    header.wait_for()
    for _ in range(20):  # walk down with the keyboard to the header code E11
        page.keyboard.press("ArrowDown")
        if header.get_attribute("aria-selected") == "true":
            break
    assert header.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    pick = page.locator('#worklist li.pick[data-code="E11"]')
    pick.wait_for()
    assert "E11 is a header code, not billable" in pick.inner_text()
    # Escape closes a reopened list without picking anything
    page.keyboard.type(".9", delay=40)
    page.get_by_role("listbox").get_by_role("option").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.get_by_role("listbox").is_hidden()
    assert page.locator("#worklist li.pick").count() == 1
