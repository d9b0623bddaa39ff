"""Split X12 text into segments, with the delimiters read from the ISA.

The ISA is fixed width in the standard (106 characters), but we locate its
fields by counting element separators so that a padded-wrong ISA still reads:

* element separator: the 4th character of the file (after ``ISA``);
* repetition separator: ISA11 (5010; in 4010 ISA11 is the standards id ``U``);
* component separator: ISA16 (the character after the 16th element separator);
* segment terminator: the character after ISA16.

Line breaks after terminators (``\\n``, ``\\r\\n``) and a UTF-8 byte order mark
are accepted; line breaks are dropped everywhere unless a delimiter is itself a
line break. The hot path is ``str.replace``/``str.split`` only: no per-character
Python loop.

Only :class:`~cleanclaim.x12.errors.X12Error` leaves this module.
"""

from __future__ import annotations

from .errors import X12Error
from .segments import Delimiters, Segment

__all__ = ["decode", "read_delimiters", "split_interchanges", "tokenize", "tokenize_interchanges"]

_BOM = "\ufeff"


def decode(data: bytes | str) -> str:
    """Bytes to text: UTF-8 (BOM dropped), falling back to Latin-1 for odd bytes."""
    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if text.startswith(_BOM):
        text = text[1:]
    return text


def read_delimiters(text: str) -> tuple[Delimiters, int]:
    """Delimiters of the interchange starting at ``text[0]`` and the ISA's length.

    The returned length includes the segment terminator.
    """
    if not text.startswith("ISA"):
        snippet = text[:20].strip().splitlines()[0][:20] if text.strip() else ""
        raise X12Error(
            "not an X12 file: it must start with an ISA segment"
            + (f" (found {snippet!r})" if snippet else " (the file is empty)")
        )
    if len(text) < 4:
        raise X12Error("not an X12 file: the ISA segment is truncated")
    elem = text[3]
    if elem.isalnum() or elem in " \r\n":
        raise X12Error(f"not an X12 file: {elem!r} after ISA cannot be an element separator")
    # Find the 16th element separator: ISA16 follows it, then the terminator.
    pos = 3
    for _ in range(15):
        pos = text.find(elem, pos + 1)
        if pos < 0 or pos > 200:
            raise X12Error("the ISA segment does not have 16 elements (is this an X12 file?)")
    if pos + 2 >= len(text):
        raise X12Error("the ISA segment is truncated: no component separator or terminator")
    component = text[pos + 1]
    terminator = text[pos + 2]
    fields = text[4:pos].split(elem)
    version = fields[11] if len(fields) > 11 else ""
    repetition = fields[10] if len(fields) > 10 else ""
    rep = repetition if version >= "00501" and len(repetition) == 1 else ""
    suffix = ""
    if text.startswith("\r\n", pos + 3):
        suffix = "\r\n"
    elif text.startswith("\n", pos + 3):
        suffix = "\n"
    if terminator.isalnum() or terminator == " ":
        raise X12Error(f"the ISA segment terminator {terminator!r} is a letter, digit or space")
    used = {elem, component, terminator} | ({rep} if rep else set())
    if len(used) != (4 if rep else 3):
        raise X12Error("the ISA uses the same character for two different delimiters")
    return Delimiters(elem, rep, component, terminator, suffix), pos + 3


def tokenize(data: bytes | str) -> tuple[Delimiters, list[Segment]]:
    """Text to ``(delimiters, segments)``; positions are 1-based in file order.

    The delimiters are those of the first ISA; see :func:`tokenize_interchanges`
    for files whose interchanges use different delimiters.
    """
    chunks = tokenize_interchanges(data)
    segments: list[Segment] = []
    for _, segs in chunks:
        segments.extend(segs)
    return chunks[0][0], segments


def tokenize_interchanges(data: bytes | str) -> list[tuple[Delimiters, list[Segment]]]:
    """One ``(delimiters, segments)`` per interchange, positions counted across the file."""
    out: list[tuple[Delimiters, list[Segment]]] = []
    count = 0
    for delims, parts in split_interchanges(data):
        out.append(
            (delims, [Segment(p[0], p[1:], i) for i, p in enumerate(parts, start=count + 1)])
        )
        count += len(parts)
    return out


def split_interchanges(data: bytes | str) -> list[tuple[Delimiters, list[list[str]]]]:
    """One ``(delimiters, parts)`` per interchange: each segment split on the element
    separator, its tag first (``["NM1", "85", "2", ...]``); positions are counted
    across the file (the first interchange's first segment is 1).

    What :func:`tokenize_interchanges` builds its :class:`Segment` objects from; the envelope
    reader keeps a transaction set's segments in this form until they are asked for.
    """
    text = decode(data).lstrip(" \t\r\n")
    if not text:
        raise X12Error("not an X12 file: the file is empty")
    chunks: list[tuple[Delimiters, list[list[str]]]] = []
    count = 0
    start = 0
    while True:
        delims, _ = read_delimiters(text[start:])
        end = _interchange_end(text, start, delims)
        parts = _split_parts(text[start:end], delims)
        count += len(parts)
        chunks.append((delims, parts))
        start = end
        while start < len(text) and text[start] in " \t\r\n":
            start += 1
        if start >= len(text):
            break
        if not text.startswith("ISA", start):
            raise X12Error(
                "text after the end of the interchange (IEA) that is not another ISA",
                position=count + 1,
            )
    return chunks


def _interchange_end(text: str, start: int, delims: Delimiters) -> int:
    """Index just past the IEA segment of the interchange at ``start`` (or end of text)."""
    marker = delims.segment + "IEA" + delims.element
    i = text.find(marker, start)
    if i < 0:
        # Perhaps line breaks between terminator and IEA.
        for brk in ("\r\n", "\n"):
            i = text.find(delims.segment + brk + "IEA" + delims.element, start)
            if i >= 0:
                i += len(brk)
                break
    if i < 0:
        return len(text)
    j = text.find(delims.segment, i + 1)
    return len(text) if j < 0 else j + 1


def _split_parts(text: str, delims: Delimiters) -> list[list[str]]:
    breaks_are_data = any(c in "\r\n" for c in (delims.element, delims.component, delims.segment))
    if not breaks_are_data:
        text = text.replace("\r", "").replace("\n", "")
    term = delims.segment
    pieces = text.split(term)
    if pieces and not pieces[-1].strip():
        pieces.pop()
    if breaks_are_data:
        pieces = [p.strip("\r\n") for p in pieces]
    # The two clean-ups below rarely apply, and the smallest piece tells (at C speed,
    # instead of two searches of the text) when neither can: no piece is empty or
    # starts with a character up to the space.
    if not pieces or min(pieces)[:1] <= " ":
        if term + " " in text or term + "\t" in text or text[:1] in (" ", "\t"):
            # stray blanks between a terminator and the next segment
            pieces = [p.lstrip(" \t") for p in pieces]
        if "" in pieces:
            pieces = [p for p in pieces if p]
    elem = delims.element
    return [p.split(elem) for p in pieces]
