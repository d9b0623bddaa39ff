"""The alignment offset moves every printed value by the setting (right and down)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reportlab.lib.units import mm

from cleanclaim.paper import Cms1500Claim, render

from .conftest import Placed


@pytest.mark.parametrize("mode", ["red-form", "plain"])
def test_it_shifts_every_value_by_the_offset(
    claim: Cms1500Claim, read_back: Callable[..., Placed], mode: str
) -> None:
    plain = {t: (x, y) for t, x, y in read_back(render([claim], mode=mode))}  # type: ignore[arg-type]
    moved = {
        t: (x, y)
        for t, x, y in read_back(render([claim], mode=mode, offset=(2.5, -1.0)))  # type: ignore[arg-type]
    }
    for text in ("XYZ123456789", "E119", "99213", "CASCADE FAMILY CLINIC"):
        (x0, y0), (x1, y1) = plain[text], moved[text]
        assert x1 - x0 == pytest.approx(2.5 * mm)
        assert y1 - y0 == pytest.approx(1.0 * mm)  # dy -1 mm: up by 1 mm


def test_it_prints_at_the_grid_without_an_offset(
    claim: Cms1500Claim, read_back: Callable[..., Placed]
) -> None:
    a = read_back(render([claim]))
    b = read_back(render([claim], offset=(0.0, 0.0)))
    assert a == b
