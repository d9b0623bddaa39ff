"""Instructional notes: kinds, inheritance from ancestors, section and chapter, and targets."""

from __future__ import annotations

import datetime as dt

from cleanclaim.codes.model import CodeRange
from cleanclaim.codes.notes import parse_targets
from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)
KNOWN = {"E10", "E08", "E13", "O00", "O9A", "A04.0", "A04.4", "J09.X3", "J10.2", "J11.2", "S86.0"}


def test_it_parses_a_dash_as_any_code_in_the_category() -> None:
    assert parse_targets("type 1 diabetes mellitus (E10.-)", KNOWN.__contains__) == (
        CodeRange("E10"),
    )
    assert parse_targets("injury of Achilles tendon (S86.0-)", KNOWN.__contains__) == (
        CodeRange("S86.0"),
    )


def test_it_parses_ranges_and_lists() -> None:
    known = KNOWN.__contains__
    assert parse_targets("pregnancy (O00-O9A)", known) == (CodeRange("O00", "O9A"),)
    assert parse_targets("diabetes mellitus (E08-E13)", known) == (CodeRange("E08", "E13"),)
    assert parse_targets("E coli (A04.0-A04.4)", known) == (CodeRange("A04.0", "A04.4"),)
    assert parse_targets("(J09.X3, J10.2, J11.2)", known) == (
        CodeRange("J09.X3"),
        CodeRange("J10.2"),
        CodeRange("J11.2"),
    )


def test_it_ignores_words_that_only_look_like_codes() -> None:
    assert parse_targets("deficiency of vitamin B12 and T4", KNOWN.__contains__) == ()


def test_it_inherits_excludes1_from_the_category(package_store: Store) -> None:
    notes = package_store.icd_notes("E11.65", D)
    ex1 = [n for n in notes if n.kind == "excludes1" and n.at == "E11"]
    assert any(CodeRange("E10") in n.targets for n in ex1)
    assert not [n for n in package_store.icd_notes("E11.65", D, inherited=False) if n.at == "E11"]


def test_it_includes_section_and_chapter_notes(package_store: Store) -> None:
    notes = package_store.icd_notes("S93.401A", D)
    ats = {n.at for n in notes}
    assert {"S93.4", "S93", "S90-S99", "chapter 19"} <= ats


def test_it_reads_every_note_kind(package_store: Store) -> None:
    kinds = set()
    for code in ("E11", "E11.9", "A00.0", "B03", "S93", "S93.40", "E08", "I10"):
        kinds |= {n.kind for n in package_store.icd_notes(code, D)}
    assert {"inclusion", "includes", "excludes1", "excludes2", "code_first",
            "use_additional_code", "code_also", "note"} <= kinds  # fmt: skip


def test_a_range_target_matches_codes_inside_it() -> None:
    rng = CodeRange("O00", "O9A")
    assert rng.matches("O80") and rng.matches("O9A.11") and not rng.matches("P00")
