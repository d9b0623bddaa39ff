"""Reading a rendered PDF back in tests: each piece of text with where it starts."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

#: (text, x, y) in points from the page's bottom left corner.
Placed = list[tuple[str, float, float]]


def placed_text(pdf: bytes, page: int = 0) -> Placed:
    """Each piece of text on ``page`` with where it starts (points, bottom left origin),
    read back with pypdf's text visitor (the text matrix times the current matrix)."""
    out: Placed = []

    def visitor(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        out.append((text.strip(), x, y))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visitor)
    return out
