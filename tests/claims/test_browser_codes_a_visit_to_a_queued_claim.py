"""Issue 13's first "done when", in Chromium: a coder codes a demo visit on the coding
screen (a diagnosis found by plain words, a procedure with a modifier, a pointer typed
as a letter) and sees the scrubber's finding beside its field as they type; a biller
builds the claim; the coder applies the finding's fix in one click; the biller queues
the claim, whose timeline shows each step."""

from __future__ import annotations

from typing import Any

import pytest

from cleanclaim.claims.models import Claim, Encounter
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page: Any, url: str, email: str) -> None:
    page.goto(f"{url}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def _sign_out(page: Any) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def _pick(page: Any, field: str, typed: str, code: str) -> None:
    """Type into a type-ahead field, then pick ``code`` with the arrow keys and Enter."""
    box = page.locator(f"#{field}")
    box.fill(typed)
    option = page.locator(f'#{field}-list [role="option"][data-code="{code}"]')
    option.wait_for()
    options = page.locator(f'#{field}-list [role="option"]:not([aria-disabled="true"])')
    for i in range(options.count()):
        box.press("ArrowDown")
        if options.nth(i).get_attribute("data-code") == code:
            break
    box.press("Enter")


def test_a_coder_codes_a_demo_visit_and_its_claim_is_queued(live_server: Any, page: Any) -> None:
    demo.build()
    visit = next(e for e in Encounter.objects.order_by("pk") if not e.diagnoses)
    _sign_in(page, live_server.url, "coder@demo.test")

    page.goto(f"{live_server.url}/visits/{visit.pk}/")
    page.get_by_role("link", name="Code this visit").click()
    page.wait_for_load_state()

    _pick(page, "new-dx", "high blood pressure", "I10")
    page.get_by_label("Diagnosis A").and_(page.locator('[value="I10"]')).wait_for()

    page.get_by_role("button", name="Add a line").click()
    page.locator("#proc-1").wait_for()
    _pick(page, "proc-1", "99213", "99213")
    page.get_by_label("Line 1 pointers").fill("A")
    page.get_by_role("button", name="Add a line").click()
    page.locator("#proc-2").wait_for()
    _pick(page, "proc-2", "36415", "36415")
    _pick(page, "mod-2-1", "25", "25")
    page.get_by_label("Line 2 pointers").fill("A")

    # the scrubber, as typed: modifier 25 on a code that is not an E/M, beside the modifiers
    beside = page.locator('#find-mod-2 [data-finding="MOD-002"]')
    beside.wait_for()
    assert "modifier 25 is for E/M services" in beside.inner_text()
    assert page.locator("#proc-2").input_value() == "36415"
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved.").wait_for()
    visit.refresh_from_db()
    assert visit.diagnoses == ["I10"]
    assert [ln.modifiers for ln in visit.lines.all()] == [[], ["25"]]
    _sign_out(page)

    _sign_in(page, live_server.url, "biller@demo.test")
    page.goto(f"{live_server.url}/patients/{visit.patient_id}/")
    page.get_by_role("button", name="Build claim").click()
    page.wait_for_load_state()
    claim = Claim.objects.get(encounter=visit)
    assert page.get_by_role("heading", name=f"Claim {claim.number}: Has errors").is_visible()
    _sign_out(page)

    _sign_in(page, live_server.url, "coder@demo.test")
    page.goto(f"{live_server.url}/visits/{visit.pk}/code/")
    apply = page.locator("#find-mod-2").get_by_role("button", name="Apply: Remove modifier 25")
    apply.click()
    page.get_by_text("Fix applied for MOD-002; saved.").wait_for()
    assert page.locator("#mod-2-1").input_value() == ""
    _sign_out(page)

    _sign_in(page, live_server.url, "biller@demo.test")
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    assert page.get_by_role("heading", name=f"Claim {claim.number}: Ready to submit").is_visible()
    for box in page.get_by_role("checkbox").all():  # acknowledge any warning by name
        box.check()
    page.get_by_role("button", name="Queue for submission").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"Claim {claim.number}: Queued").is_visible()
    timeline = page.locator("ol.timeline").inner_text()
    steps = [line.split(" ")[2] for line in timeline.splitlines() if line.strip()]
    assert steps == ["created", "scrubbed", "fix_applied", "scrubbed", "scrubbed", "queued"]
    assert "MOD-002 — Remove modifier 25" in timeline
