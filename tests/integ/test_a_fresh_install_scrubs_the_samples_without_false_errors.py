"""What a new user gets right after ``make run``: ``manage migrate`` (the test database),
``refdata import`` with no paths, ``demo``; then every 837P sample in
``../shared/data/x12/837P`` scrubbed. No claim may carry a code-existence error that only
a missing table explains: modifiers missing from a partial or ended list are warnings
(MOD-003), diagnoses missing from an ended ICD-10-CM release too (DX-INV-003), and the
NCCI tables that are not loaded are said once, as notices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main

pytestmark = pytest.mark.django_db

#: Rules whose error means "this code does not exist": each must be proven by a complete
#: list in force on the date of service, which a fresh install has only for ICD-10-CM
#: FY2026 and the Level II modifiers of the shipped HCPCS release.
EXISTENCE = {"MOD-001", "PROC-001", "DX-INV-001"}


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    root = tmp_path / "refdata"
    monkeypatch.setenv("CLEANCLAIM_REFDATA_DIR", str(root))
    assert main(["refdata", "import"]) == 0  # the Makefile's `run`: no paths
    assert main(["demo"]) == 0
    capsys.readouterr()
    return root


def _samples(shared_data: Path) -> list[Path]:
    folder = shared_data / "x12" / "837P"
    if not folder.is_dir():
        pytest.skip(f"no 837P samples at {folder}")
    return sorted(p for p in folder.iterdir() if p.is_file())


def test_the_samples_carry_no_error_only_a_missing_table_explains(
    fresh: Path, shared_data: Path, capsys
) -> None:
    files = _samples(shared_data)
    rc = main(["scrub", *map(str, files), "--json"])
    assert rc in (1, 2)  # the samples have real defects; the 4010 ones are unreadable
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["claims"]) >= 30
    false_errors = [
        (c.get("file"), c["claim_id"], f["rule"], f["message"])
        for c in doc["claims"]
        for f in c["findings"]
        if f["rule"] in EXISTENCE and f["severity"] == "error"
    ]
    assert false_errors == []
    # the DME, anesthesia and rental modifiers of the samples are known out of the box
    mods = {
        f["message"]
        for c in doc["claims"]
        for f in c["findings"]
        if f["category"] == "modifier-invalid"
    }
    for mod in ("RR", "NU", "KH", "BR", "QS"):
        assert not any(f"modifier {mod} " in m for m in mods), mods
    assert "NCCI PTP not loaded: pairs not checked" in doc["notices"]
    assert "NCCI MUE not loaded: units not checked" in doc["notices"]


def test_the_text_output_says_each_notice_once(fresh: Path, shared_data: Path, capsys) -> None:
    files = [p for p in _samples(shared_data) if "X222A1" in p.name]
    main(["scrub", *map(str, files)])
    out = capsys.readouterr().out
    assert out.count("Notice: NCCI PTP not loaded: pairs not checked") == 1
    assert out.count("Notice: NCCI MUE not loaded: units not checked") == 1
