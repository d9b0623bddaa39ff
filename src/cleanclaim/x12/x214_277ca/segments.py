"""Typed 277CA segments: those of 276/277 (STC, SVC and the core's shared ones)."""

from __future__ import annotations

from ..x212_276_277.segments import (
    AMT,
    DMG,
    DTP,
    HL,
    NM1,
    REF,
    STC,
    SVC,
    TRN,
    StatusInformation,
)

__all__ = ["AMT", "DMG", "DTP", "HL", "NM1", "REF", "STC", "SVC", "TRN", "StatusInformation"]
