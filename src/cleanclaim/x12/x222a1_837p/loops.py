"""The 837P loop tree: 005010X222A1 kept as data (pyx12's map plus our patches).

The loops and segments are not Python classes: the spec (built from pyx12's
``837.5010.X222.A1.xml`` by :mod:`cleanclaim.x12.guidekit.from_pyx12`, with the
corrections of ``patches_5010.json``) lists them in guide order with usage,
repeats, elements, types, lengths and code values, and
:mod:`cleanclaim.x12.guidekit.tree` places a transaction's segments in it. The
plain claims built from the placed tree are in :mod:`.view`.
"""

from __future__ import annotations

from pathlib import Path

from ..guidekit.spec import LoopSpec, load_spec

MAP = "837.5010.X222.A1.xml"
#: Our documented corrections to pyx12's map (each names the element it fixes).
PATCHES = Path(__file__).with_name("patches_5010.json")

#: Loop ids of the guide, for readers of the tree.
SUBMITTER, RECEIVER, BILLING, SUBSCRIBER, PATIENT, CLAIM, LINE = (
    "1000A",
    "1000B",
    "2000A",
    "2000B",
    "2000C",
    "2300",
    "2400",
)


def spec() -> LoopSpec:
    """The 837P guide's loop tree (loaded once)."""
    return load_spec(MAP, PATCHES)
