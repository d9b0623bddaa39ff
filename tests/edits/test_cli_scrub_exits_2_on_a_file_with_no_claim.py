"""``cleanclaim scrub`` on a file that reads but holds no claim (an ISA alone, an 837P cut
off before its first CLM, an empty JSON list) exits 2 with one line naming the file and
why, instead of reporting "0 claims: 0 clean"; beside a good file, the good file's claims
are still reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"


def _cases() -> dict[str, tuple[bytes, str]]:
    data = GOLDEN.read_bytes()
    isa = data[: data.index(b"~") + 1]
    return {
        "isa-only.837": (isa, "the interchange has no IEA trailer"),
        "cut.837": (data[: data.index(b"CLM*")], "no claim could be read: "),
        "none.json": (b"[]\n", "no claim could be read (no CLM segment, no JSON claim)"),
        "empty-claims.json": (b'{"claims": []}', "no claim could be read"),
    }


@pytest.mark.parametrize("name", list(_cases()))
def test_it_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data, words = _cases()[name]
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["scrub", str(path), "--as-of", "2026-08-20"]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith(f"cleanclaim scrub: {path}: ")
    assert words in err and "0 claim(s)" not in out


def test_it_still_reports_the_claims_of_a_good_file_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "none.json"
    empty.write_text("[]")
    assert main(["scrub", str(GOLDEN), str(empty), "--json", "--as-of", "2026-08-20"]) == 2
    rep = json.loads(capsys.readouterr().out)
    assert rep["summary"]["claims"] > 0
    assert rep["unreadable"] == [
        {"file": str(empty), "error": f"{empty}: no claim could be read (no CLM segment, "
         "no JSON claim)"}
    ]  # fmt: skip
