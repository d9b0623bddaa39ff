"""Every claim of the shared 837P samples becomes a CMS-1500: it renders, and the text
read back has the claim's insured ID (1a) and total charge (28) in their boxes. A claim
whose file could not be read in places is refused, the error saying where."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cleanclaim.paper import FIELDS, Cms1500Error, field_rect, from_837p, render
from cleanclaim.x12 import parse
from cleanclaim.x12.x222a1_837p import Transaction837P, claims

from .conftest import Placed

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def samples(shared_data: Path) -> list[Path]:
    folder = shared_data / "x12" / "837P"
    if not folder.is_dir():
        pytest.skip(f"no 837P samples at {folder}")
    # 4010 files are not read by the X12 engine (5010 only); one sample is prose first
    return sorted(
        p
        for p in folder.iterdir()
        if "004010" not in p.name and p.name != "stupidedi_X222_case_1.edi"
    )


def _in(placed: Placed, text: str, name: str) -> bool:
    x0, y0, x1, y1 = field_rect(FIELDS[name])
    return any(t == text and x0 <= x < x1 and y0 <= y < y1 for t, x, y in placed)


def test_it_prints_every_readable_claim_of_the_samples(
    samples: list[Path], read_back: Callable[..., Placed]
) -> None:
    printed = refused = 0
    for path in samples:
        for t in parse(path.read_bytes()).transactions:
            assert isinstance(t.data, Transaction837P), path.name
            for view in claims(t.data):
                if view.notes:  # values the X12 engine could not read
                    with pytest.raises(Cms1500Error, match=r"837P segment \d+: "):
                        from_837p(view)
                    refused += 1
                    continue
                paper = from_837p(view)
                pdf = render([paper], mode="plain")
                last = len(paper.lines) // 7  # the total is on the last page
                placed = read_back(pdf, last)
                assert _in(placed, view.subscriber.member_id, "1a"), (path.name, view.claim_id)
                assert view.total_charge is not None
                dollars, _, cents = f"{view.total_charge:.2f}".partition(".")
                assert _in(placed, dollars, "28.dollars"), (path.name, view.claim_id)
                assert _in(placed, cents, "28.cents"), (path.name, view.claim_id)
                printed += 1
    assert printed >= 20 and refused < printed
