"""The CLI catalogue (``scrub --catalogue``), docs/edits.md's table of rule families
and the app's /scrub/rules/ page list the same rule ids, the payer rule kinds among
them (tested with the page in tests/integ/test_rule_catalogue_page.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cleanclaim.cli import main
from cleanclaim.edits import catalogue
from cleanclaim.edits.payer_rules_lang import KINDS
from cleanclaim.edits.rules.payer_rules import info_for

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_cli_lists_the_registry(capsys) -> None:
    assert main(["scrub", "--catalogue", "--json"]) == 0
    cli = {r["id"] for r in json.loads(capsys.readouterr().out)["rules"]}
    assert cli == {r["id"] for r in catalogue()}


def test_the_cli_lists_the_payer_rules_with_their_kind(capsys) -> None:
    assert main(["scrub", "--catalogue", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["payer_rules"]
    assert {r["id"]: r["kind_id"] for r in rows} == {
        "PAYER-DEMO01-TELE": "PAYER-MODIFIER",
        "PAYER-DEMO02-AUTH-IMAGING": "PAYER-AUTH",
    }
    assert rows[0]["source"] == "DEMO01 provider manual (demo payer set-up)"


def test_docs_edits_names_every_rule_id() -> None:
    text = (DOCS / "edits.md").read_text()
    table = text.split("## Rule families and ids", 1)[1].split("\n## ", 1)[0]
    missing = [r["id"] for r in catalogue() if not re.search(rf"\b{r['id']}\b", table)]
    assert missing == []


def test_every_payer_rule_kind_has_a_catalogue_entry_and_a_docs_row() -> None:
    ids = {r["id"] for r in catalogue()}
    doc = (DOCS / "payer-rules.md").read_text()
    for kind in KINDS:
        info = info_for(kind)
        assert info.id in ids
        assert f"| `{kind}` |" in doc and f"| {info.id} | {info.category} |" in doc
