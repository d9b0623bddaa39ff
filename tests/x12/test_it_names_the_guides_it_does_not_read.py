"""A shared sample of a guide we do not read is refused at its ST, naming the guide
(on purpose a change: it was "version ... is not supported (supported: ...)" without
where; an 837I is now called an 837I)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.x12 import X12Error, parse

NAMED = {
    "837I": "837I (institutional) is not supported",
    "837D": "837D (dental) is not supported",
    "834": "834 (benefit enrollment) is not supported",
}


@pytest.mark.shared_data
@pytest.mark.parametrize("folder", NAMED)
def test_it_refuses_each_sample_of_a_guide_it_does_not_read(folder: str, shared_data: Path) -> None:
    files = sorted(p for p in (shared_data / "x12" / folder).iterdir() if "004010" not in p.name)
    assert files
    for path in files:
        with pytest.raises(X12Error) as caught:
            parse(path.read_bytes())
        message = str(caught.value)
        assert NAMED[folder] in message, (path.name, message)
        assert caught.value.segment_id == "ST" and caught.value.position, path.name
