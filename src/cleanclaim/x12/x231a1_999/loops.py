"""999 loops (005010X231A1); see the package docstring for the tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..loops import Loop, Slot
from .segments import AK1, AK2, AK9, CTX, IK3, IK4, IK5, SE, ST

__all__ = ["Loop2000", "Loop2100", "Loop2110", "Transaction999"]


@dataclass(slots=True)
class Loop2110(Loop):
    LOOP_ID: ClassVar[str] = "2110"
    NAME: ClassVar[str] = "Implementation Data Element Note"
    ik4: IK4 | None = None
    ctx: list[CTX] = field(default_factory=list)


Loop2110.SLOTS = (
    Slot("ik4", IK4, "R", 1, name="Implementation Data Element Note"),
    Slot("ctx", CTX, "S", 10, name="Element Context"),
)


@dataclass(slots=True)
class Loop2100(Loop):
    LOOP_ID: ClassVar[str] = "2100"
    NAME: ClassVar[str] = "Error Identification"
    ik3: IK3 | None = None
    ctx: list[CTX] = field(default_factory=list)
    elements: list[Loop2110] = field(default_factory=list)


Loop2100.SLOTS = (
    Slot("ik3", IK3, "R", 1, name="Error Identification"),
    Slot("ctx", CTX, "S", 10, name="Segment Context / Business Unit Identifier"),
    Slot("elements", Loop2110, "S", 99, name="Implementation Data Element Note"),
)


@dataclass(slots=True)
class Loop2000(Loop):
    LOOP_ID: ClassVar[str] = "2000"
    NAME: ClassVar[str] = "Transaction Set Response Header"
    ak2: AK2 | None = None
    errors: list[Loop2100] = field(default_factory=list)
    ik5: IK5 | None = None


Loop2000.SLOTS = (
    Slot("ak2", AK2, "R", 1, name="Transaction Set Response Header"),
    Slot("errors", Loop2100, "S", 999999, name="Error Identification"),
    Slot("ik5", IK5, "R", 1, name="Transaction Set Response Trailer"),
)


@dataclass(slots=True)
class Transaction999(Loop):
    """One 999 transaction set: the acknowledgment of one functional group."""

    LOOP_ID: ClassVar[str] = "HEADER"
    NAME: ClassVar[str] = "Implementation Acknowledgment"
    st: ST | None = None
    ak1: AK1 | None = None
    responses: list[Loop2000] = field(default_factory=list)
    ak9: AK9 | None = None
    se: SE | None = None


Transaction999.SLOTS = (
    Slot("st", ST, "R", 1, name="Transaction Set Header"),
    Slot("ak1", AK1, "R", 1, name="Functional Group Response Header"),
    Slot("responses", Loop2000, "S", 999999, name="Transaction Set Response Header"),
    Slot("ak9", AK9, "R", 1, name="Functional Group Response Trailer"),
    Slot("se", SE, "R", 1, name="Transaction Set Trailer"),
)
