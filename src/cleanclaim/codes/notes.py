"""Parse the codes and code ranges an ICD-10-CM instructional note points to.

The tabular writes targets inside the note text, usually in parentheses:

* ``"diabetes mellitus (E10.-)"``: a dash after the dot means "any code in E10"
  (the ICD-10-CM Official Guidelines for Coding and Reporting FY2026, section
  I.A.4 "Punctuation" and I.A.3 "Code format"); -> ``CodeRange("E10")``.
* ``"(A04.0-A04.4)"``, ``"(O00-O9A)"``: an inclusive range -> ``CodeRange(start, end)``.
* ``"(J09.X3, J10.2, J11.2)"``: a list of codes.
* ``"E08-E13"`` without parentheses (some code-first notes).

Anything that looks like a code but names no node of the tabular (``vitamin B12``)
is dropped: the caller passes ``known`` to check candidates against.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import CodeRange

__all__ = ["parse_targets"]

_CODE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?"
_TARGET_RE = re.compile(rf"(?<![A-Za-z0-9])({_CODE})(?:\s*-\s*({_CODE}))?(\.?-)?(?![A-Za-z0-9])")


def _clean(code: str) -> str:
    return code.rstrip(".-")


def parse_targets(text: str, known: Callable[[str], bool]) -> tuple[CodeRange, ...]:
    """Every code or range ``text`` points to, in order, without duplicates.

    ``known(code)`` says whether ``code`` (dot form, no trailing dash) names a node
    of the tabular, so words that merely look like codes are ignored.
    """
    out: list[CodeRange] = []
    for m in _TARGET_RE.finditer(text):
        start = _clean(m.group(1))
        end = _clean(m.group(2)) if m.group(2) else None
        if not known(start) or (end is not None and not known(end)):
            continue
        rng = CodeRange(start, end)
        if rng not in out:
            out.append(rng)
    return tuple(out)
