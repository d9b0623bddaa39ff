"""Every shared 278 sample, read through the 278 guide and written back (its
placed loop tree → ST..SE, the envelope as read), gives back the input bytes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_paths import SAMPLES

from cleanclaim.x12 import Document, TransactionSet, parse, write_document

REVIEWS = [p for p in SAMPLES if p.parent.name == "278"]


@pytest.mark.shared_data
@pytest.mark.parametrize("path", REVIEWS, ids=lambda p: p.name)
def test_it_writes_the_same_bytes(path, shared_data):
    data = path.read_bytes()
    parsed = parse(data)
    doc: Document = parsed.document
    written = {
        id(t.ts): t.guide.write(t.data, t.interchange.delimiters) for t in parsed.transactions
    }
    assert len(written) == 1 and parsed.transactions[0].guide.name == "278"
    for ic in doc.interchanges:
        for group in ic.groups:
            group.transactions = [TransactionSet(written[id(ts)]) for ts in group.transactions]
    # SE01 as read (two samples count one segment short): no recount
    assert write_document(doc, recount=False).encode("latin-1") == data
