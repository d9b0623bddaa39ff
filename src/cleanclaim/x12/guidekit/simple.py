"""A guide package from a spec and a JSON view: parse, write, validate, to_json.

Used by the 270/271, 276/277 and 277CA packages: the transaction is the placed
loop tree (:class:`~.reading.Placed`); validation is the generic guide checks
plus the HL parent/child rule (:mod:`.hl`); writing gives back the segments
read (or built by a package's ``from_json``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import Finding, X12Error
from ..segments import Delimiters, Segment
from .hl import check_hl
from .reading import Placed, check, place
from .spec import load_spec


@dataclass(slots=True)
class GuideTransaction:
    """One transaction set read with a data-driven guide."""

    placed: Placed


@dataclass(frozen=True, slots=True)
class SimpleGuide:
    """The functions a registry :class:`~cleanclaim.x12.registry.Guide` needs."""

    spec_path: str
    set_id: str
    guide: str
    hl_parents: dict[str, tuple[str, ...]]
    fields: Callable[[Placed, Delimiters], dict[str, Any]]

    def parse(self, segments: list[Segment], delimiters: Delimiters) -> GuideTransaction:
        return GuideTransaction(
            place(segments, delimiters, load_spec(self.spec_path), self.set_id, self.guide)
        )

    def write(self, tx: GuideTransaction, delimiters: Delimiters) -> list[Segment]:
        return tx.placed.segments()

    def validate(self, tx: GuideTransaction, delimiters: Delimiters) -> list[Finding]:
        ctx = check(tx.placed, delimiters)
        check_hl(ctx, tx.placed.tree, self.hl_parents)
        return ctx.findings

    def to_json(self, tx: GuideTransaction, delimiters: Delimiters) -> dict[str, Any]:
        return self.fields(tx.placed, delimiters)

    def no_from_json(self, obj: dict[str, Any]) -> GuideTransaction:
        raise X12Error(
            f"building a {self.set_id} from convenient fields is not supported yet; "
            'give its lossless "segments"'
        )
