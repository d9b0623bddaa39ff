"""``cleanclaim scrub --payer-rules FILE`` with a file that is not payer rules (not YAML,
the wrong shape, rules with bad fields) exits 2 with one line naming the file and
every problem with its line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"
RULE = (
    "rules:\n"
    "  - id: X\n"
    "    payer: P1\n"
    "    kind: prior-auth\n"
    "    codes: [70010-79999]\n"
    "    effective: 2026-01-01\n"
    "    citation: c\n"
    "    fix: f\n"
)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("rules: [1, {id: x", "line 1: not valid YAML"),
        ("- 3", "line 1: a rule: expected a mapping of fields"),
        ("rules: 5", "line 1: rules: expected a list of rules"),
        ("rules:\n  - id: X\n", "line 2: rule X: lacks 'payer'"),
        (RULE.replace("prior-auth", "maybe"), "line 4: kind 'maybe' is not one of"),
        (RULE.replace("2026-01-01", "2026-02-30"), "line 6: effective: '2026-02-30' is not a date"),
        (RULE.replace("70010-79999", "79999-70010"), "line 5: codes: the range '79999-70010'"),
        (RULE + "    colour: red\n", "line 9: rule X: unknown field 'colour'"),
        (b"\xff\xfe", "not UTF-8 text"),
    ],
)
def test_it_exits_2_naming_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str | bytes, words: str
) -> None:
    rules = tmp_path / "rules.yaml"
    if isinstance(body, bytes):
        rules.write_bytes(body)
    else:
        rules.write_text(body)
    assert main(["scrub", str(GOLDEN), "--payer-rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"payer rules {rules}" in err and words in err


def test_it_lists_every_problem_not_just_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules.yaml"
    second = RULE.replace("rules:\n", "").replace("prior-auth", "maybe")
    rules.write_text(RULE.replace("2026-01-01", "soon") + second)
    assert main(["scrub", str(GOLDEN), "--payer-rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert "3 problem(s)" in err and "line 6: effective: 'soon'" in err
    assert "line 9: id 'X' is used twice (first on line 2)" in err
    assert "line 11: kind 'maybe'" in err
