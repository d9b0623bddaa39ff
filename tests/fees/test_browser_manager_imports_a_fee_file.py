"""A manager imports a fee file in Chromium: the preview lists a bad file's problems by
line, a good file's changes; Import writes the previewed file; the new row is shown."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.fees.demo import NAME
from cleanclaim.fees.models import Fee, FeeSchedule
from cleanclaim.fees.transfer import export_csv
from cleanclaim.web import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_previews_then_imports(live_server: Any, page: Any, tmp_path: Path) -> None:
    ctx = demo.build()
    practice = ctx.practices[0]
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("manager@demo.test")
    page.get_by_label("Password").fill(demo.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/fees/")
    page.get_by_role("link", name="Import a fee file").click()
    bad = tmp_path / "bad.csv"
    bad.write_text("code,modifier,charge\n99213,,120.00\n99214,,12,5\n")
    page.get_by_label("Practice").select_option(str(practice.pk))
    page.get_by_label("Fee file (CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Preview").click()
    page.wait_for_load_state()
    problems = page.locator("#fee-problems").inner_text()
    assert "bad.csv:3: 4 fields where the header names 3" in problems

    good = tmp_path / "fees.csv"
    exported = export_csv(FeeSchedule.objects.get(practice=practice)).splitlines()
    lines = [line for line in exported if not line.startswith("99215,")]
    good.write_text("\n".join([*lines, "99499,,10.00,"]) + "\n")
    page.get_by_label("Fee file (CSV)").set_input_files(str(good))
    page.get_by_role("button", name="Preview").click()
    page.wait_for_load_state()
    plan = page.locator("#fee-plan").inner_text()
    assert f"fee schedule {NAME} of {practice.name}" in plan
    assert "1 row(s) added, 0 changed, 1 removed" in plan
    assert Fee.objects.filter(schedule__practice=practice, code="99499").count() == 0

    page.get_by_role("button", name="Import").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=NAME).is_visible()
    fee = Fee.objects.get(schedule__practice=practice, code="99499")
    assert fee.charge == Decimal("10.00")
    assert not Fee.objects.filter(schedule__practice=practice, code="99215").exists()
