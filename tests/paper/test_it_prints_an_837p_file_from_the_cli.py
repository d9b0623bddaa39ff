"""``cleanclaim paper FILE.837 --out claims.pdf``: every claim in one PDF; the offset
from --offset or CLEANCLAIM_CMS1500_OFFSET_MM; bad input is one line, exit 2."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from cleanclaim.cli import main

from .conftest import Placed

pytestmark = pytest.mark.shared_data


@pytest.fixture
def sample(shared_data: Path) -> Path:
    path = shared_data / "x12" / "837P" / "lfh_837_005010X222A2__demo.example7.837"
    if not path.is_file():
        pytest.skip(f"the 837P sample {path.name} is not in {path.parent}")
    return path


def _x_of(placed: Placed, text: str) -> float:
    return next(x for t, x, _ in placed if t == text)


def test_it_writes_every_claim_of_the_file(
    sample: Path,
    tmp_path: Path,
    read_back: Callable[..., Placed],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CLEANCLAIM_CMS1500_OFFSET_MM", raising=False)
    out = tmp_path / "claims.pdf"
    assert main(["paper", str(sample), "--out", str(out), "--mode", "red-form"]) == 0
    assert "1 claim(s) on CMS-1500 (red-form), 0 refused" in capsys.readouterr().out
    pdf = out.read_bytes()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    texts = [t for t, _, _ in read_back(pdf)]
    assert "111222333A" in texts and "520" in texts and "24" in texts


def test_it_takes_the_offset_from_the_setting_or_the_option(
    sample: Path,
    tmp_path: Path,
    read_back: Callable[..., Placed],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CLEANCLAIM_CMS1500_OFFSET_MM", raising=False)
    assert main(["paper", str(sample), "--out", str(tmp_path / "a.pdf")]) == 0
    monkeypatch.setenv("CLEANCLAIM_CMS1500_OFFSET_MM", "3,0")
    assert main(["paper", str(sample), "--out", str(tmp_path / "b.pdf")]) == 0
    assert main(["paper", str(sample), "--out", str(tmp_path / "c.pdf"), "--offset=-2,0"]) == 0
    xs = [
        _x_of(read_back((tmp_path / n).read_bytes()), "111222333A")
        for n in ("a.pdf", "b.pdf", "c.pdf")
    ]
    assert xs[1] - xs[0] == pytest.approx(3 * mm)
    assert xs[2] - xs[0] == pytest.approx(-2 * mm)


def test_it_says_what_is_wrong_in_one_line(
    sample: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = str(tmp_path / "x.pdf")
    assert main(["paper", str(sample), "--out", out, "--offset", "1"]) == 2
    assert "--offset: expected two numbers of millimetres 'dx,dy'" in capsys.readouterr().err
    monkeypatch.setenv("CLEANCLAIM_CMS1500_OFFSET_MM", "40,0")
    assert main(["paper", str(sample), "--out", out]) == 2
    assert "CLEANCLAIM_CMS1500_OFFSET_MM: 40 mm is more than 25.4 mm" in capsys.readouterr().err
    monkeypatch.delenv("CLEANCLAIM_CMS1500_OFFSET_MM")
    not_x12 = tmp_path / "notes.txt"
    not_x12.write_text("hello")
    assert main(["paper", str(not_x12), "--out", out]) == 2
    assert capsys.readouterr().err.startswith(f"cleanclaim paper: {not_x12}: ")
    assert not (tmp_path / "x.pdf").exists()


def test_it_names_the_claims_it_cannot_print(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = shared_data / "x12" / "837P" / "lfh_837_005010X222A2__demo.example9.837"
    if not broken.is_file():
        pytest.skip(f"the 837P sample {broken.name} is not in {broken.parent}")
    assert main(["paper", str(broken), "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "claim 153829140: 837P segment 20: CLM05" in err
    assert "none of its 1 claim(s) can be printed" in err
