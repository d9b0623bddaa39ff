"""Whatever ``x12 parse --json`` accepts, ``x12 write`` writes back: a segment with an
unknown or malformed id included. Writing recomputes SE01/GE01/IEA01, while
``x12 validate`` of the file as sent reports the sender's wrong counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.cli import main
from cleanclaim.x12 import document_json, parse, tokenize, validate, write_json

GOLDEN = (Path(__file__).parent / "golden" / "claims.837").read_text()


def _with(junk: str) -> str:
    """The golden 837P with ``junk`` before its BHT and the sender's counts left as they
    were (SE01 now one short)."""
    return GOLDEN.replace("BHT*", junk + "\nBHT*", 1)


@pytest.mark.parametrize(
    "junk,ik304",
    [("ZZZ*1~", "1"), ("N-3*X~", "1"), ("*NO-ID~", "1"), ("nm1*85*2~", "1")],
    ids=["unknown id", "malformed id", "empty id", "lower-case id"],
)
def test_it_writes_back_a_segment_with_an_unknown_or_malformed_id(junk: str, ik304: str) -> None:
    text = _with(junk)
    tag = junk.split("*")[0]
    found = validate(parse(text)).findings()
    flagged = [f for f in found if f.segment_id == tag and f.position == 4]
    assert [f.ik304 for f in flagged] == [ik304]
    written = write_json(json.loads(json.dumps(document_json(parse(text)))))
    segs = [s.as_list() for s in tokenize(written)[1]]
    assert segs[3] == junk.rstrip("~").split("*")
    # the same segments, but SE01 counts the extra one
    assert [s for s in segs if s[0] != "SE"] == [
        s.as_list() for s in tokenize(text)[1] if s.id != "SE"
    ]
    se = next(s for s in segs if s[0] == "SE")
    st_to_se = segs.index(se) - next(i for i, s in enumerate(segs) if s[0] == "ST") + 1
    assert se[1] == str(st_to_se)


def test_it_reports_the_senders_wrong_counts_and_writes_right_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = _with("ZZZ*1~").replace("GE*1*101~", "GE*2*101~").replace("IEA*1*", "IEA*3*")
    assert sent.count("GE*2*101~") == 1 and sent.count("IEA*3*") == 1
    path = tmp_path / "sent.837"
    path.write_text(sent)
    assert main(["x12", "validate", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    counts = {(f["code"], f["element"]) for f in report["findings"] if "count" in f["code"]}
    assert counts == {
        ("x12.envelope.se-count", "SE01"),
        ("x12.envelope.ge-count", "GE01"),
        ("x12.envelope.iea-count", "IEA01"),
    }
    assert main(["x12", "parse", "--json", str(path)]) == 0
    (tmp_path / "view.json").write_text(capsys.readouterr().out)
    assert main(["x12", "write", str(tmp_path / "view.json"), "-o", str(tmp_path / "out.837")]) == 0
    written = (tmp_path / "out.837").read_text()
    assert "GE*1*101~" in written and "IEA*1*000000101~" in written
    again = validate(parse(written)).findings()
    assert not [f for f in again if "count" in f.code]
    assert {f.code for f in again} == {"x12.segment.unrecognized"}
