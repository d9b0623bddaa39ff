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

Files as real senders write them are read with a warning :class:`Finding` naming
what was unusual (collected when :func:`split_interchanges` is given ``notes``):

* ISA11 equal to another delimiter (``:`` in both ISA11 and ISA16, as in older
  guide examples) or a letter, digit or space (the 4010 standards id ``U`` kept in
  a 5010 ISA): repetitions are treated as unused (``Delimiters.repetition`` is
  ``""``). Only an element separator, component separator and segment terminator
  that are not three distinct characters are refused.
* Pretty-printed files: blank lines or indentation (spaces, tabs) between a
  terminator and the next segment, whether the terminator is ``~`` or a line break.
  The blanks are dropped; writing back puts the line break that followed the
  ISA's terminator (``Delimiters.suffix``) after each segment, without indentation.

Only :class:`~cleanclaim.x12._errors.X12Error` leaves this module.
"""

from __future__ import annotations

import re

from ._errors import Finding, Severity, X12Error
from ._segments import Delimiters, Segment

__all__ = ["decode", "read_delimiters", "split_interchanges", "tokenize", "tokenize_interchanges"]

_BOM = "\ufeff"

#: Warning codes of the tokenizer (files as real senders write them).
REPETITION_UNUSED = "x12.isa.repetition-separator-unused"
PRETTY_PRINTED = "x12.layout.pretty-printed"

_DELIMITER_NAMES = ("element separator", "component separator (ISA16)", "segment terminator")


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
    delims, length, _ = _read_delimiters(text)
    return delims, length


def repetition_separator(
    isa11: str, isa12: str, element: str, component: str, terminator: str
) -> tuple[str, str]:
    """``(repetition separator, warning)`` from ISA11 and ISA12 (X12.5 I65, 5010).

    Before 00501 ISA11 is the standards id (``U``): no repetition separator, no
    warning. In 5010 an ISA11 that is another delimiter or a letter, digit or space
    cannot separate repetitions: ``""`` (unused) and a warning saying why.
    """
    if isa12 < "00501" or len(isa11) != 1:
        return "", ""
    for name, char in zip(_DELIMITER_NAMES, (element, component, terminator), strict=True):
        if isa11 == char:
            return "", (
                f"ISA11 repetition separator {isa11!r} is the same character as the {name}; "
                "repetitions are treated as unused"
            )
    if isa11.isalnum() or isa11 == " ":
        return "", (
            f"ISA11 repetition separator {isa11!r} is a letter, digit or space (in 4010 ISA11 "
            "was the standards id 'U'); repetitions are treated as unused"
        )
    return isa11, ""


def _read_delimiters(text: str) -> tuple[Delimiters, int, str]:
    """What :func:`read_delimiters` returns, and the ISA11 warning (``""`` if none)."""
    if not text.startswith("ISA"):
        if text[:2] in ("\xff\xfe", "\xfe\xff") or "\0\0\0\0" in (text[1:8:2], text[0:8:2]):
            raise X12Error(
                "not an X12 file as sent: it is UTF-16 encoded (X12 is ASCII or UTF-8); "
                "save it as plain text and send again"
            )
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
    isa11 = fields[10] if len(fields) > 10 else ""
    if terminator.isalnum() or terminator == " ":
        raise X12Error(f"the ISA segment terminator {terminator!r} is a letter, digit or space")
    chars = (elem, component, terminator)
    for i, j in ((0, 1), (0, 2), (1, 2)):
        if chars[i] == chars[j]:
            raise X12Error(
                f"the ISA uses {chars[i]!r} both as the {_DELIMITER_NAMES[i]} and the "
                f"{_DELIMITER_NAMES[j]}: the three must be different characters"
            )
    rep, warning = repetition_separator(isa11, version, elem, component, terminator)
    # the line break after the ISA's terminator, past any indentation or blank line
    blanks = pos + 3
    while blanks < len(text) and text[blanks] in " \t\r\n" and text[blanks] != terminator:
        blanks += 1
    after = text[pos + 3 : blanks]
    suffix = "\r\n" if "\r\n" in after else "\n" if "\n" in after else ""
    return Delimiters(elem, rep, component, terminator, suffix), pos + 3, warning


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


def split_interchanges(
    data: bytes | str, notes: list[Finding] | None = None
) -> list[tuple[Delimiters, list[list[str]]]]:
    """One ``(delimiters, parts)`` per interchange: each segment split on the element
    separator, its tag first (``["NM1", "85", "2", ...]``); positions are counted
    across the file (the first interchange's first segment is 1).

    What :func:`tokenize_interchanges` builds its :class:`Segment` objects from; the envelope
    reader keeps a transaction set's segments in this form until they are asked for.
    ``notes``, when given, receives a warning :class:`Finding` (on the ISA) for each
    unusual but readable layout: see the module docstring.
    """
    text = decode(data).lstrip(" \t\r\n")
    if not text:
        raise X12Error("not an X12 file: the file is empty")
    chunks: list[tuple[Delimiters, list[list[str]]]] = []
    count = 0
    start = 0
    while True:
        delims, _, warning = _read_delimiters(text[start:])
        end = _interchange_end(text, start, delims)
        chunk = text[start:end]
        layout: list[str] = []
        parts = _split_parts(chunk, delims, layout)
        if notes is not None:
            if warning:
                notes.append(_note(REPETITION_UNUSED, warning, count + 1, "ISA11"))
            if layout:
                notes.append(_note(PRETTY_PRINTED, _pretty(layout), count + 1, ""))
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


def _note(code: str, message: str, position: int, element: str) -> Finding:
    return Finding(
        code=code,
        message=message,
        severity=Severity.WARNING,
        position=position,
        segment_id="ISA",
        element=element,
    )


def _pretty(layout: list[str]) -> str:
    return (
        f"the file is pretty-printed ({' and '.join(layout)} between segments); the blanks "
        "are ignored and not written back"
    )


def _interchange_end(text: str, start: int, delims: Delimiters) -> int:
    """Index just past the IEA segment of the interchange at ``start`` (or end of text)."""
    tail = "IEA" + delims.element
    i = text.find(delims.segment + tail, start)
    if i >= 0:
        i += len(delims.segment)
    else:
        # Perhaps line breaks, blank lines or indentation between terminator and IEA.
        m = re.compile(re.escape(delims.segment) + r"[ \t\r\n]*" + re.escape(tail)).search(
            text, start
        )
        if m is None:
            return len(text)
        i = m.end() - len(tail)
    j = text.find(delims.segment, i)
    return len(text) if j < 0 else j + 1


def _split_parts(text: str, delims: Delimiters, layout: list[str] | None = None) -> list[list[str]]:
    """The interchange's text split into segments, each split into its elements.

    ``layout``, when given, receives what is pretty-printed about the text
    (``"indentation"``, ``"blank lines"``), found on the way at no extra pass.
    """
    breaks_are_data = any(c in "\r\n" for c in (delims.element, delims.component, delims.segment))
    term = delims.segment
    breaks = 0
    if not breaks_are_data:
        size = len(text)
        text = text.replace("\r", "").replace("\n", "")
        breaks = size - len(text)
    pieces = text.split(term)
    # more line-break characters than one suffix per segment: blank lines
    if layout is not None and breaks > len(pieces) * max(len(delims.suffix), 1):
        layout.append("blank lines")
    if pieces and not pieces[-1].strip():
        pieces.pop()
    if breaks_are_data:
        pieces = [p.strip("\r\n") for p in pieces]
    # The two clean-ups below rarely apply, and the smallest piece tells (at C speed,
    # instead of two searches of the text) when neither can: no piece is empty or
    # starts with a character up to the space.
    if not pieces or min(pieces)[:1] <= " ":
        if (
            term + " " in text
            or term + "\t" in text
            or text[:1] in (" ", "\t")
            or (breaks_are_data and ("\n " in text or "\n\t" in text))
        ):
            # stray blanks between a terminator and the next segment
            pieces = [p.lstrip(" \t") for p in pieces]
            if layout is not None:
                layout.append("indentation")
        if "" in pieces:
            if layout is not None and breaks_are_data:
                layout.append("blank lines")
            pieces = [p for p in pieces if p]
    elem = delims.element
    return [p.split(elem) for p in pieces]
