"""The 277CA as plain typed data: the 276/277 status report with X214's levels."""

from __future__ import annotations

from .._segments import Delimiters
from ..guidekit.tree import LoopNode
from ..x212_276_277 import view as _view
from ..x212_276_277.view import ClaimStatus, LineStatus, Party, StatusReport
from .loops import PARTY_LOOPS

__all__ = ["ClaimStatus", "LineStatus", "Party", "StatusReport", "status_report"]


def status_report(tree: LoopNode, d: Delimiters) -> StatusReport:
    """Parties (source, receiver, billing provider, patient) and per-claim status."""
    return _view.status_report(tree, d, PARTY_LOOPS)
