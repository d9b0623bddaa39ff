"""A transaction set read from a file keeps its body in the tokenizer's split form and
builds its Segments only when asked: what it gives then is exactly the tokenizer's
segments (ids, elements, positions), its counts and ST/SE are the same before and after,
and the 837P read from the split form is the tree read from the Segments."""

from __future__ import annotations

from pathlib import Path

from cleanclaim.x12 import X12Error, parse, read_document, tokenize, validate
from cleanclaim.x12._envelope import TransactionSet
from cleanclaim.x12._segments import Segment


def _files(shared_data: Path) -> list[Path]:
    return sorted(p for p in (shared_data / "x12").rglob("*") if p.is_file())


def _as_lists(segs: list[Segment]) -> list[list[object]]:
    return [[*s.as_list(), s.position] for s in segs]


def test_it_gives_the_tokenizers_segments_when_asked(shared_data: Path) -> None:
    checked = 0
    for path in _files(shared_data):
        data = path.read_bytes()
        try:
            doc = read_document(data)
        except X12Error:
            continue
        by_position = {s.position: s for s in tokenize(data)[1]}
        for _, _, ts in doc.transactions():
            assert ts.split_form() is not None, path.name
            st, se, count = ts.st, ts.se, ts.segment_count
            segs = ts.segments  # built now
            assert ts.split_form() is None
            assert ts.st is st and ts.se is se and ts.segment_count == count == len(segs)
            want = [by_position[s.position] for s in segs]
            assert _as_lists(segs) == _as_lists(want), path.name
            positions = [s.position for s in segs]
            assert positions == list(range(positions[0], positions[0] + len(positions)))
            checked += 1
    assert checked > 60


def test_a_set_built_in_memory_is_plain_segments() -> None:
    ts = TransactionSet([Segment("ST", ["837", "0001"], 0), Segment("SE", ["2", "0001"], 0)])
    assert ts.split_form() is None and ts.segment_count == 2 and ts.se is not None
    assert ts == TransactionSet(list(ts.segments))


def test_the_837p_read_from_the_split_form_is_the_one_read_from_segments(
    shared_data: Path,
) -> None:
    for path in sorted((shared_data / "x12" / "837P").iterdir()):
        data = path.read_bytes()
        try:
            split = validate(parse(data))
        except X12Error:
            continue
        doc = read_document(data)
        for _, _, ts in doc.transactions():
            ts.segments  # noqa: B018  (built: the guide now reads the Segments)
        plain = validate(parse(doc))
        assert [repr(t.data) for t in split.transactions] == [
            repr(t.data) for t in plain.transactions
        ], path.name
        assert [repr(f) for f in split.findings()] == [repr(f) for f in plain.findings()]
