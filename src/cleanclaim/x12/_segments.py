"""The generic segment: a tag and its elements as text.

A :class:`Segment` is what the tokenizer produces and what every writer ends
with. Elements are kept exactly as they appear in the file (composites and
repetitions still joined by the interchange's separators), so writing a segment
back with the same :class:`Delimiters` gives back the same bytes.

Element numbering follows X12: ``seg.get(1)`` is the first element after the
tag (``CLM01``); missing trailing elements read as ``""``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_DELIMITERS", "Delimiters", "Segment"]


@dataclass(frozen=True, slots=True)
class Delimiters:
    """The four separators of an interchange, read from its ISA.

    ``element`` is ISA's 4th character, ``repetition`` is ISA11 (5010),
    ``component`` is ISA16 and ``segment`` is the character after ISA16.
    ``suffix`` is what follows each segment terminator when writing
    (``""``, ``"\\n"`` or ``"\\r\\n"``); it is never part of the data.
    """

    element: str = "*"
    repetition: str = "^"
    component: str = ":"
    segment: str = "~"
    suffix: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "element": self.element,
            "repetition": self.repetition,
            "component": self.component,
            "segment": self.segment,
            "suffix": self.suffix,
        }


DEFAULT_DELIMITERS = Delimiters()


class Segment:
    """One segment: ``id`` (tag), ``elements`` (text, 1-based via :meth:`get`), ``position``.

    ``position`` is the 1-based index of the segment in the file it was read
    from (ISA = 1); 0 for segments built in memory.
    """

    __slots__ = ("elements", "id", "position")

    def __init__(self, id: str, elements: list[str] | None = None, position: int = 0) -> None:
        self.id = id
        self.elements = elements if elements is not None else []
        self.position = position

    def get(self, n: int) -> str:
        """Element ``n`` (1-based, as in ``CLM01``), ``""`` when absent."""
        if 0 < n <= len(self.elements):
            return self.elements[n - 1]
        return ""

    def components(self, n: int, delimiters: Delimiters) -> list[str]:
        """Element ``n`` split on the component separator (``[]`` when empty)."""
        value = self.get(n)
        return value.split(delimiters.component) if value else []

    def encode(self, delimiters: Delimiters) -> str:
        """The segment as text, terminator and suffix included."""
        sep = delimiters.element
        body = self.id + sep + sep.join(self.elements) if self.elements else self.id
        return body + delimiters.segment + delimiters.suffix

    def as_list(self) -> list[str]:
        """``[id, e1, e2, ...]``, the form the lossless JSON view uses."""
        return [self.id, *self.elements]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Segment):
            return NotImplemented
        return self.id == other.id and self.elements == other.elements

    def __hash__(self) -> int:
        return hash((self.id, tuple(self.elements)))

    def __repr__(self) -> str:
        return f"Segment({self.id!r}, {self.elements!r}, position={self.position})"
