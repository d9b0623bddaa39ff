"""The 270/271 loop trees: 005010X279A1 kept as data (pyx12's 4010 maps + 5010 corrections).

pyx12 ships no 5010 X279A1 map, so the trees are generated from its 4010
X092A1 maps by :mod:`cleanclaim.x12.guidekit.from_pyx12` with the 5010
corrections of ``patches_5010.json`` (EQ01/EB03 repetition, 5010 code values).
The 4010 and 5010 loop structures are the same (2000A-2000D, 2100A-2100D,
2110C/D, 2115C/D, 2120C/D); see docs/decisions/0402-guide-specs.md for what
differs and what that means for validation.
"""

from __future__ import annotations

from pathlib import Path

from ..guidekit.spec import LoopSpec, load_spec

_HERE = Path(__file__).parent
PATCHES = _HERE / "patches_5010.json"

SOURCE, RECEIVER, SUBSCRIBER, DEPENDENT = "2000A", "2000B", "2000C", "2000D"


def spec(set_id: str) -> LoopSpec:
    """The loop tree of the 270 or 271 (loaded once)."""
    return load_spec(f"{'270' if set_id == '270' else '271'}.4010.X092.A1.xml", PATCHES)
