"""Real-time answers: 271 to a 270, 277 to a 276, 278 response to a 278 request."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .adjudicator import Adjudicator


def answer_270(adj: Adjudicator, x12: bytes) -> bytes:
    raise NotImplementedError


def answer_276(adj: Adjudicator, x12: bytes) -> bytes:
    raise NotImplementedError


def answer_278(adj: Adjudicator, x12: bytes) -> bytes:
    raise NotImplementedError
