"""Seven to twelve lines take two pages: six lines each, CONTINUED in item 28 on the
first, the total of every line on the last; the other items repeat on each page."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from decimal import Decimal

from pypdf import PdfReader

from cleanclaim.paper import FIELDS, Cms1500Claim, Cms1500Line, field_rect, line_field, render

from .conftest import Placed


def _in(placed: Placed, text: str, name: str, k: int | None = None) -> bool:
    f = FIELDS[name] if k is None else line_field(name, k)
    x0, y0, x1, y1 = field_rect(f)
    return any(t == text and x0 <= x < x1 and y0 <= y < y1 for t, x, y in placed)


def test_it_continues_a_claim_of_eight_lines_on_a_second_page(
    claim: Cms1500Claim, line: Callable[..., Cms1500Line], read_back: Callable[..., Placed]
) -> None:
    lines = [line(procedure=f"9921{n}", charge=Decimal(10 * n)) for n in range(1, 9)]
    pdf = render([dataclasses.replace(claim, lines=lines)])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    first, last = read_back(pdf, 0), read_back(pdf, 1)
    assert _in(first, "CONTINUED", "28.continued")
    assert not any(t == "360" for t, _, _ in first)
    assert _in(last, "360", "28.dollars") and _in(last, "00", "28.cents")  # 10 + ... + 80
    assert _in(first, "99216", "24D", 5) and _in(last, "99217", "24D", 0)
    assert _in(last, "99218", "24D", 1)
    for page in (first, last):
        assert _in(page, "XYZ123456789", "1a") and _in(page, "DOE, JANE, Q", "2")


def test_it_keeps_six_lines_on_one_page(
    claim: Cms1500Claim, line: Callable[..., Cms1500Line], read_back: Callable[..., Placed]
) -> None:
    pdf = render([dataclasses.replace(claim, lines=[line()] * 6)])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert _in(read_back(pdf), "750", "28.dollars")
