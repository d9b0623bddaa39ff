"""Page 1 rendered to an image: letter size, not blank, and in plain mode the form's
lines are drawn (dark pixels along a box outline); in red-form mode they are not."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from cleanclaim.paper import Cms1500Claim, render
from cleanclaim.paper.layout import x_pt, y_pt

SCALE = 2  # 144 dpi


def _image(pdf: bytes):  # type: ignore[no-untyped-def]
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        assert (page.get_width(), page.get_height()) == (612, 792)  # 8.5 x 11 in
        return page.render(scale=SCALE, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def _dark_share(img, x0: float, x1: float, y: float) -> float:  # type: ignore[no-untyped-def]
    """The share of dark pixels on a horizontal run (points, origin bottom left)."""
    row = round((792 - y) * SCALE)
    xs = range(round(x0 * SCALE), round(x1 * SCALE))
    best = 0.0
    for r in (row - 1, row, row + 1):  # the line is thin: look at the rows around it
        dark = sum(1 for x in xs if img.getpixel((x, r)) < 128)
        best = max(best, dark / len(xs))
    return best


@pytest.mark.parametrize("mode", ["red-form", "plain"])
def test_it_renders_a_letter_page_that_is_not_blank(claim: Cms1500Claim, mode: str) -> None:
    img = _image(render([claim], mode=mode))  # type: ignore[arg-type]
    assert img.size == (612 * SCALE, 792 * SCALE)
    dark = sum(img.histogram()[:128])
    assert dark > 1000  # the data (and the form) is ink on the page


def test_it_draws_the_box_outlines_on_plain_paper(claim: Cms1500Claim) -> None:
    img = _image(render([claim], mode="plain"))
    # the line between items 1/1a and 2/3/4 (the bottom of grid line 8), across box 2
    assert _dark_share(img, x_pt(2), x_pt(28), y_pt(8)) > 0.9


def test_it_prints_no_form_lines_for_the_red_form(claim: Cms1500Claim) -> None:
    img = _image(render([claim], mode="red-form"))
    assert _dark_share(img, x_pt(2), x_pt(28), y_pt(8)) < 0.05
