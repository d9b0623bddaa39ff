"""Wrap the sets the sandbox builds in an interchange and a group, and write TA1s.

The sandbox answers in the received interchange's test/production mode (ISA15) and
with the parties swapped: the sandbox (``ZZ`` + its clearinghouse id) sends, the
submitter of the received file (its ISA05/ISA06) receives. The time is fixed by the
caller, so the same input gives the same bytes.
"""

from __future__ import annotations

from datetime import datetime

from cleanclaim.x12 import (
    Delimiters,
    Document,
    FunctionalGroup,
    Interchange,
    Segment,
    TransactionSet,
    write_document,
)

DELIMITERS = Delimiters(suffix="\n")


def _isa_elements(
    sender: tuple[str, str], receiver: tuple[str, str], number: int, usage: str, now: datetime
) -> list[str]:
    """ISA01-ISA16: no authorization or security information, the ids padded to 15,
    repetition separator ``^``, version 00501, ISA13 = ``number``, no TA1 asked (ISA14
    0), ISA15 ``usage`` (T or P), component separator ``:``."""
    return [
        "00",
        " " * 10,
        "00",
        " " * 10,
        sender[0],
        sender[1][:15].ljust(15),
        receiver[0],
        receiver[1][:15].ljust(15),
        now.strftime("%y%m%d"),
        now.strftime("%H%M"),
        "^",
        "00501",
        str(number).rjust(9, "0")[-9:],
        "0",
        usage if usage in ("T", "P") else "P",
        ":",
    ]


def wrap(
    sets: list[list[Segment]],
    *,
    functional_id: str,
    version: str,
    sender: tuple[str, str],
    receiver: tuple[str, str],
    number: int,
    usage: str,
    now: datetime,
) -> bytes:
    """ISA/GS around ``sets`` (each ST..SE); ISA13 and GS06 are ``number``."""
    isa = ["ISA", *_isa_elements(sender, receiver, number, usage, now)]
    gs = [
        "GS",
        functional_id,
        sender[1].strip(),
        receiver[1].strip(),
        now.strftime("%Y%m%d"),
        now.strftime("%H%M"),
        str(number),
        "X",
        version,
    ]
    interchange = Interchange(Segment("ISA", isa[1:]), DELIMITERS)
    group = FunctionalGroup(Segment("GS", gs[1:]))
    interchange.groups.append(group)
    group.transactions.extend(TransactionSet(segs) for segs in sets)
    return write_document(Document([interchange])).encode("ascii", errors="replace")


def ta1(
    *,
    received_isa13: str,
    received_date: str,
    received_time: str,
    note: str,
    sender: tuple[str, str],
    receiver: tuple[str, str],
    number: int,
    usage: str,
    now: datetime,
) -> bytes:
    """An interchange holding only a TA1 (X12 interchange acknowledgment) rejecting.

    TA101-103 name the received interchange (ISA13, ISA09, ISA10); TA104 ``R``;
    TA105 the interchange note code (001 control numbers differ, 021 group count,
    023 premature end, 024 invalid interchange content).
    """
    isa = _isa_elements(sender, receiver, number, usage, now)
    segs = [
        "ISA*" + "*".join(isa),
        f"TA1*{received_isa13.rjust(9, '0')[-9:]}*{received_date}*{received_time}*R*{note}",
        f"IEA*0*{str(number).rjust(9, '0')[-9:]}",
    ]
    return ("~\n".join(segs) + "~\n").encode("ascii")
