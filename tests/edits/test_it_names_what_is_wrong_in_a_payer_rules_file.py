"""``cleanclaim scrub --payer-rules FILE`` with a file that is not payer rules (not JSON,
nested too deep, the wrong shape, a rule of the wrong shape) exits 2 with one line naming
the file and the rule, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"
RULE = '{"id": "X", "payers": ["P1"], "meaning": "m", "fix": "f", "require": {}'


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{rules", "not valid JSON (Expecting property name"),
        ("[" * 200 + "]" * 200, "JSON nested deeper than 64 levels"),
        ("[1]", 'expected {"rules": [...]}, got list'),
        ('{"rules": 5}', "rules: expected a list, got whole number"),
        ('{"rules": [1]}', "rule #1 has a field of the wrong type (the rule: expected an object"),
        ('{"rules": [{"id": "X"}]}', "rule #1 lacks 'require'"),
        ('{"rules": [' + RULE + ', "when": 3}]}', "rule #1 has a field of the wrong type"),
        ('{"rules": [' + RULE.replace('["P1"]', "5") + "}]}", "rule #1 has a field"),
    ],
)
def test_it_exits_2_naming_the_file_and_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, words: str
) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(body)
    assert main(["scrub", str(GOLDEN), "--payer-rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"payer rules {rules}" in err and words in err
