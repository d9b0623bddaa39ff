"""Reading then writing every shared 5010 837P sample gives back the same segments.

Two routes: the placed loop tree → segments, and the CLI's route parse → JSON view → write.
"""

from __future__ import annotations

import json
from pathlib import Path

from cleanclaim.x12 import document_json, parse, tokenize, write_json


def _segments(data: bytes | str) -> list[list[str]]:
    return [s.as_list() for s in tokenize(data)[1]]


def test_it_writes_back_the_same_segments_from_the_loop_tree(samples_837p: list[Path]) -> None:
    assert len(samples_837p) == 35  # all 5010 837P samples but the prose-prefixed one
    for path in samples_837p:
        parsed = parse(path.read_bytes())
        for t in parsed.transactions:
            written = t.guide.write(t.data, t.interchange.delimiters)
            assert [s.as_list() for s in written] == [s.as_list() for s in t.ts.segments], path.name


def test_it_claims_every_segment_of_every_sample(samples_837p: list[Path]) -> None:
    for path in samples_837p:
        for t in parse(path.read_bytes()).transactions:
            unknown = [node.id for node in t.data.tree.walk() if node.spec is None]
            assert unknown == [], path.name


def test_it_gives_back_the_file_through_the_json_view(samples_837p: list[Path]) -> None:
    for path in samples_837p:
        data = path.read_bytes()
        view = json.loads(json.dumps(document_json(parse(data), file=path.name)))
        assert _segments(write_json(view)) == _segments(data), path.name
