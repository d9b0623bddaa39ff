"""``cleanclaim x12 write golden/claims.json`` gives golden/claims.837: the claims JSON
read into view claims, built, enveloped. Only the interchange's and group's date
and time (ISA09/ISA10, GS04/GS05: when the file is written) differ from the golden
file; everything from ST to SE is byte for byte the same."""

from __future__ import annotations

import re
from pathlib import Path

from cleanclaim.cli import main

GOLDEN = Path(__file__).parent / "golden"
WHEN = re.compile(r"^(ISA\*(?:[^*]*\*){8})\d{6}\*\d{4}|^(GS\*(?:[^*]*\*){3})\d{8}\*\d{4}", re.M)


def _undated(text: str) -> str:
    return WHEN.sub(lambda m: f"{m.group(1) or m.group(2)}DATE*TIME", text)


def test_it_writes_the_golden_file_from_the_claims_json(tmp_path: Path) -> None:
    out = tmp_path / "claims.837"
    assert main(["x12", "write", str(GOLDEN / "claims.json"), "-o", str(out)]) == 0
    golden = (GOLDEN / "claims.837").read_text()
    written = out.read_text()
    assert _undated(written) == _undated(golden)
    assert written.splitlines()[2:] == golden.splitlines()[2:]
    assert _undated(golden).count("DATE*TIME") == 2  # ISA and GS
