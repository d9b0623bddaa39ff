"""The sandbox clearinghouse in process (the demo's transport): an upload is answered at
once, the same bytes twice are answered once, and the answers wait until collected."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from cleanclaim.clearinghouses.sandbox.inprocess import InProcessTransport
from cleanclaim.sandbox import Adjudicator, World

WORLD = {
    "clearinghouse": {"id": "SANDBOXCH", "name": "SANDBOX CLEARINGHOUSE"},
    "provider_npis": [],
    "payers": [],
    "members": [],
}


def test_it_answers_an_upload_once_and_keeps_the_answers_until_done(tmp_path: Path) -> None:
    adjudicator = Adjudicator(World.from_json(WORLD), today=dt.date(2026, 3, 2), state_dir=tmp_path)
    data = b"not an interchange"
    with InProcessTransport(adjudicator) as transport:
        first = transport.upload("B1.837", data)
        again = transport.upload("B1.837", data)
        listed = transport.list_outbound()

        assert (first.already_there, again.already_there) == (False, True)
        assert first.sha256 == hashlib.sha256(data).hexdigest()
        assert [f.name for f in listed] == ["B1.ta1"]  # unreadable: a TA1, TA105 024
        assert b"TA1*" in transport.fetch("B1.ta1") and b"*024" in transport.fetch("B1.ta1")

        transport.done("B1.ta1")
        assert transport.list_outbound() == []
        with pytest.raises(FileNotFoundError, match=r"B1\.ta1"):
            transport.fetch("B1.ta1")
