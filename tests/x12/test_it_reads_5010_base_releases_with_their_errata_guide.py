"""A 5010 base release (before the errata: ``005010X222``, ``005010X221``, ...) is read
and validated with its errata guide (X222A1, X221A1, ...), with one warning naming it,
and written back with the version it was read with (GS08/ST03 unchanged)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import document_json, parse, tokenize, validate, write_document, write_json

GOLDEN = Path(__file__).parent / "golden"

#: (errata version, a shared sample of it) for the base releases other than 837P.
SAMPLES = [
    ("005010X221A1", "835/stupidedi_X221A1_pass_era-sample.edi"),
    (
        "005010X231A1",
        "999/stupidedi_X231A1_pass_response-to-functional-group-containing-3-837s.edi",
    ),
    ("005010X279A1", "270/lfh_270_005010X279A1__subscriber-health-benefit-check.270"),
]


def _base(text: str, errata: str) -> str:
    return text.replace(errata, errata[:-2])


def _seen(found: list) -> set[tuple[str, int, str]]:
    return {(f.code, f.position, f.element) for f in found}


def _check_base_release(original: str, errata: str) -> None:
    base = errata[:-2]
    text = _base(original, errata)
    found = validate(parse(text)).findings()
    warnings = [f for f in found if f.code == "x12.version.base-release"]
    assert warnings, "the base release is not named"
    assert all(base in f.message and errata in f.message for f in warnings)
    assert all(f.severity == "warning" for f in warnings)
    # validated exactly as the errata version is
    rest = _seen(f for f in found if f.code != "x12.version.base-release")
    assert rest == _seen(validate(parse(original)).findings())
    # written back as read: lossless write-back and the JSON view both keep GS08/ST03
    assert write_document(parse(text).document) == write_document(parse(original).document).replace(
        errata, base
    )
    rewritten = write_json(json.loads(json.dumps(document_json(parse(text)))))
    versions = {s.get(8) for s in tokenize(rewritten)[1] if s.id == "GS"}
    versions |= {s.get(3) for s in tokenize(rewritten)[1] if s.id == "ST" and s.get(3)}
    assert versions == {base}


def test_it_reads_an_837p_005010x222_with_the_x222a1_guide() -> None:
    _check_base_release((GOLDEN / "claims.837").read_text(), "005010X222A1")


@pytest.mark.shared_data
@pytest.mark.parametrize("errata,sample", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_it_reads_each_base_release_with_its_errata_guide(
    errata: str, sample: str, shared_data: Path
) -> None:
    original = (shared_data / "x12" / sample).read_text(encoding="latin-1")
    assert errata in original
    _check_base_release(original, errata)


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "sample",
    [
        "276/lfh_276_005010X212__claim-level-status.276",
        "277/stupidedi_X212_pass_claim-response.edi",
    ],
)
def test_it_reads_x212_whose_guide_is_the_base_release(sample: str, shared_data: Path) -> None:
    # 276/277 005010X212 has no A1 version identifier: its guide is read as it is, no warning
    found = validate(parse((shared_data / "x12" / sample).read_bytes())).findings()
    assert "x12.version.base-release" not in {f.code for f in found}


def test_it_validates_and_writes_a_base_release_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "base.837"
    path.write_text(_base((GOLDEN / "claims.837").read_text(), "005010X222A1"))
    assert main(["x12", "validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: segment 3 ST (ST03): version '005010X222' is the 5010 base release" in out
    assert out.strip().endswith(": valid")
    assert main(["x12", "parse", "--json", str(path)]) == 0
    view = capsys.readouterr().out
    assert [w["code"] for w in json.loads(view)["warnings"]] == ["x12.version.base-release"]
    (tmp_path / "view.json").write_text(view)
    assert main(["x12", "write", str(tmp_path / "view.json"), "-o", str(tmp_path / "out.837")]) == 0
    assert (tmp_path / "out.837").read_text() == path.read_text()
    assert main(["x12", "ack", str(path)]) == 0
    ack = capsys.readouterr().out
    assert "AK1*HC*101*005010X222~" in ack and "IK5*A~" in ack
