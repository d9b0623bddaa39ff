"""Where a code list is loaded, each code is looked up as of the schedule's start:
missing from a complete list is an error (refused whole), from a partial list a warning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from cleanclaim.fees import actions
from cleanclaim.fees.models import FeeSchedule
from cleanclaim.fees.transfer import FeeFileError, read_fees
from cleanclaim.testing.personas import World


@dataclass
class _Release:
    release: str


@dataclass
class _Found:
    code: object
    coverage: str
    release: _Release | None
    message: str = ""


class FakeCodes:
    """CPT complete (release 2026) holding 99213 from 2026-01-01; HCPCS none loaded;
    modifiers partial (RT listed)."""

    def lookup(self, system: str, code: str, as_of: dt.date) -> _Found:
        if system == "cpt":
            ok = code == "99213" and as_of >= dt.date(2026, 1, 1)
            return _Found(code if ok else None, "ok", _Release("CPT 2026"))
        if system == "hcpcs":
            return _Found(None, "none-loaded", None, "no HCPCS Level II release is loaded")
        return _Found(code if code == "RT" else None, "ok", _Release("starter"))

    def completeness(self, system: str, code: str, as_of: dt.date) -> str:
        if system == "cpt":
            return ""
        return f"modifier {code} is not in the starter modifier list; import the HCPCS file"


FILE = "code,modifier,charge\n99213,RT,120\n99999,,5\nG0008,ZZ,30\n"


def test_a_code_missing_from_a_complete_list_is_refused(world: World) -> None:
    table = read_fees(FILE, "f.csv")
    with pytest.raises(FeeFileError) as caught:
        actions.plan_import(
            world.home.other_practice,
            table,
            name="New",
            effective=dt.date(2026, 1, 1),
            codes=FakeCodes(),
        )
    assert caught.value.lines() == [
        "f.csv:3: code: CPT code 99999 is not valid on 2026-01-01 (not in force in CPT 2026)"
    ]
    assert not FeeSchedule.objects.filter(practice=world.home.other_practice).exists()


def test_a_modifier_missing_from_a_partial_list_is_a_warning(world: World) -> None:
    table = read_fees("code,modifier,charge\n99213,RT,120\nG0008,ZZ,30\n", "f.csv")
    plan = actions.plan_import(
        world.home.other_practice,
        table,
        name="New",
        effective=dt.date(2026, 1, 1),
        codes=FakeCodes(),
    )
    assert plan.warning_lines() == [
        "f.csv:3: modifier: modifier ZZ is not in the starter modifier list; import the HCPCS file",
        "f.csv: not checked against a code list: no HCPCS Level II release is loaded",
    ]
    assert len(plan.added) == 2


def test_the_date_decides_whether_a_code_exists(world: World) -> None:
    table = read_fees("code,charge\n99213,120\n", "f.csv")
    with pytest.raises(FeeFileError) as caught:
        actions.plan_import(
            world.home.other_practice,
            table,
            name="Old",
            effective=dt.date(2025, 7, 1),
            codes=FakeCodes(),
        )
    assert "99213 is not valid on 2025-07-01" in caught.value.lines()[0]
