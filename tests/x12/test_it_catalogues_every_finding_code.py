"""Every finding code the X12 engine emits is in its catalogue
(``cleanclaim.x12.finding_codes``) with the 999 IK304/IK403 codes it carries: on every
sample of ../shared/data/x12, on mutated copies of them and of the golden 837P, and
every code written in the engine's source."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cleanclaim.x12 import Finding, X12Error, parse, validate
from cleanclaim.x12.finding_codes import FINDING_CODES, catalogue

SRC = Path(__file__).resolve().parents[2] / "src" / "cleanclaim" / "x12"
GOLDEN = Path(__file__).parent / "golden" / "claims.837"
ALPHABET = "*:^~\n0123456789ABZ -."


def _findings(data: bytes | str) -> list[Finding]:
    try:
        return validate(parse(data)).findings()
    except X12Error:
        return []


def _mutants(text: str, seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        t = text
        for _ in range(rng.randint(1, 4)):
            at, cut = rng.randrange(len(t)), rng.randint(0, 12)
            insert = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6)))
            t = t[:at] + insert + t[at + cut :]
        out.append(t)
    return out


def _uncatalogued(findings: list[Finding]) -> set[tuple[str, str, str]]:
    bad = set()
    for f in findings:
        row = FINDING_CODES.get(f.code)
        if row is None:
            bad.add((f.code, f.ik304, f.ik403))
            continue
        ik304_ok = f.ik304 in row.ik304 if f.ik304 else not row.ik304
        ik403_ok = f.ik403 in row.ik403 if f.ik403 else True  # segment-level, no IK4
        if not (ik304_ok and ik403_ok):
            bad.add((f.code, f.ik304, f.ik403))
    return bad


def test_it_catalogues_the_codes_of_mutated_golden_files() -> None:
    found: list[Finding] = []
    for text in _mutants(GOLDEN.read_text(), seed=9, n=600):
        found.extend(_findings(text))
    assert len({f.code for f in found}) >= 10  # the mutations reach many checks
    assert _uncatalogued(found) == set()


@pytest.mark.shared_data
def test_it_catalogues_the_codes_of_every_sample_and_its_mutants(shared_data: Path) -> None:
    found: list[Finding] = []
    samples = sorted(p for p in (shared_data / "x12").rglob("*") if p.is_file())
    for i, path in enumerate(samples):
        data = path.read_bytes()
        found.extend(_findings(data))
        for text in _mutants(data.decode("latin-1"), seed=i, n=5):
            found.extend(_findings(text))
    assert len({f.code for f in found}) >= 20
    assert _uncatalogued(found) == set()


def test_it_catalogues_every_code_written_in_the_engine() -> None:
    pattern = re.compile(r"""["']((?:x12|837p|999)\.[a-z0-9]+(?:[.-][a-z0-9]+)*)["']""")
    written = set()
    for path in SRC.rglob("*.py"):
        if path.name != "finding_codes.py":
            written.update(pattern.findall(path.read_text()))
    assert written - set(FINDING_CODES) == set()
    # and nothing in the catalogue that the engine no longer emits
    assert set(FINDING_CODES) - written == set()


def test_it_gives_every_code_a_meaning_a_fix_and_known_999_codes() -> None:
    ik304 = {"1", "2", "3", "4", "5", "6", "7", "8", "I4", "I6", "I7", "I8", "I9"}
    ik403 = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13"}
    ik403 |= {"I6", "I9", "I10", "I11", "I12", "I13"}
    rows = catalogue()
    assert [r["code"] for r in rows] == sorted(FINDING_CODES)
    for r in rows:
        assert r["meaning"] and r["fix"] and r["severity"] in ("error", "warning"), r
        assert set(r["ik304"]) <= ik304 and set(r["ik403"]) <= ik403, r  # type: ignore[arg-type]
        if r["ik403"]:
            assert "8" in r["ik304"], r  # element errors sit in a segment with errors
