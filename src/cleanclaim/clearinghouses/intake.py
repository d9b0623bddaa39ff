"""Taking in a received file (999, TA1, 277CA, 835): the registry point
:func:`cleanclaim.clearinghouses.actions.poll` calls for every new inbound file.

This placeholder keeps the file only; the intake work (matching control numbers and
patient control numbers, events on each claim's timeline) replaces it.
"""

from __future__ import annotations

from typing import Any

from cleanclaim.clearinghouses.models import TransmissionFile


def take_in(actor: Any, file: TransmissionFile) -> str:
    """Process ``file``; answer its outcome in a few words."""
    return "stored"
