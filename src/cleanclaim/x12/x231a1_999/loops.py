"""The 999 loop tree: 005010X231A1 kept as data (pyx12's X231A1 map with the corrections
of ``patches_5010.json``), and the loop ids the view reads.

AK1, then per transaction set acknowledged 2000 (AK2; 2100 per segment in error: IK3
CTX, 2110 per element in error: IK4 CTX; IK5), then AK9.
"""

from __future__ import annotations

from pathlib import Path

from ..guidekit.spec import LoopSpec, load_spec

MAP = "999.5010X231.A1.xml"
PATCHES = Path(__file__).with_name("patches_5010.json")


def spec() -> LoopSpec:
    """The 999 loop tree (built once per process from pyx12's X231A1 map)."""
    return load_spec(MAP, PATCHES)
