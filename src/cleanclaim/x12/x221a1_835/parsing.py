"""Read 835 transaction sets: loop tree and typed remittance.

``parse`` is the registry's reader (ST..SE of one set, already split by the
envelope layer); checks are separate (:mod:`.validation`), so reading alone is
cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._perf import gc_paused
from .._segments import Delimiters, Segment
from ..guidekit.reading import Placed, place
from .loops import spec
from .view import Remittance, remittance

GUIDE = "005010X221A1"
#: GS08/ST03 values read as this guide: the A1 errata and the base 005010X221 it corrects.
VERSIONS = (GUIDE, "005010X221")


@dataclass(slots=True)
class Transaction835:
    """One 835 transaction set as read: placed loop tree and typed remittance.

    The typed :class:`~.view.Remittance` is built on first use: validation
    (balancing included) reads the loop tree directly, so reading and
    validating a large remittance does not build a second copy of it.
    """

    placed: Placed
    delimiters: Delimiters
    _remittance: Remittance | None = None

    @property
    def remittance(self) -> Remittance:
        if self._remittance is None:
            self._remittance = remittance(self.placed.tree, self.placed.st.get(2), self.delimiters)
        return self._remittance


def parse(segments: list[Segment], delimiters: Delimiters) -> Transaction835:
    """Read one 835 transaction set (ST..SE)."""
    with gc_paused():  # many small objects, no cycles (see cleanclaim.x12._perf)
        return Transaction835(place(segments, delimiters, spec(), "835", GUIDE), delimiters)
