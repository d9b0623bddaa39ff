"""cleanclaim.x12 -- the X12 5010 engine (plain Python, no Django).

Public API (stable; additions only)::

    from cleanclaim.x12 import parse, validate, X12Error

    parsed = parse(open("claims.837", "rb").read())   # X12Error if unusable
    validate(parsed)                                  # guide rules + envelopes
    for t in parsed.transactions:                     # ParsedTransaction
        t.guide.name, t.ts.control_number, t.data     # t.data: the guide's placed tree
        t.findings                                    # list[Finding]
    text = write_json(document_json(parsed))          # lossless round trip

The public surface is what :data:`__all__` names (parse, validate, write, the guides,
the JSON view, findings and their catalogue in :mod:`.finding_codes`) and each guide
package's ``view``, ``building``, ``json`` and ``codes``; the modules whose names start
with ``_`` are internals (a test holds code outside this package to that).

Layers, bottom up:

* :mod:`._tokenizer` -- delimiters from the ISA, ``tokenize(data)`` → segments.
* :mod:`._segments` -- :class:`Segment` (tag + element texts), :class:`Delimiters`.
* :mod:`._envelope` -- ISA/GS/ST tree (:class:`Document`), envelope checks, writer
  that computes SE01/GE01/IEA01.
* :mod:`._elements` -- element types (AN, ID, N0, N2, R, DT, TM) and value checks.
* :mod:`.guidekit` -- the one guide model: a guide's loop tree as data (pyx12's
  map plus our documented patches), one placer and one structure walk; each guide's
  ``view.py`` reads the placed tree into plain dataclasses (:mod:`.guidekit.read`).
* :mod:`._registry` -- :class:`Guide` and :func:`find_guide` (ST01 + version →
  guide package). Guide packages, all on the guide model: ``x222a1_837p`` (837P),
  ``x231a1_999`` (999), ``x221a1_835``, ``x279a1_270_271``, ``x212_276_277``,
  ``x214_277ca``, ``x217_278``, each exposing ``GUIDE`` or ``GUIDES``; see
  :mod:`._registry` for the contract.
* :mod:`._validate` -- :func:`parse` and :func:`validate`, the shared driver.
* :mod:`._json_view` -- the versioned JSON view and :func:`write_json`.
* :mod:`._errors` -- :class:`X12Error` (unusable input, one line) and
  :class:`Finding` (a deviation, with its 999 IK304/IK403 codes).
"""

from __future__ import annotations

from ._elements import ElementSpec, ElementType, check_value, parse_date
from ._envelope import (
    Document,
    FunctionalGroup,
    Interchange,
    TransactionSet,
    check_envelopes,
    read_document,
    write_document,
)
from ._errors import IK304, IK403, Finding, Severity, X12Error
from ._json_view import X12_JSON_VERSION, document_json, transaction_json, write_json
from ._perf import gc_paused
from ._registry import GUIDE_PACKAGES, Guide, all_guides, find_guide
from ._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from ._tokenizer import tokenize
from ._validate import ParsedDocument, ParsedTransaction, parse, validate

__all__ = [
    "DEFAULT_DELIMITERS",
    "GUIDE_PACKAGES",
    "IK304",
    "IK403",
    "X12_JSON_VERSION",
    "Delimiters",
    "Document",
    "ElementSpec",
    "ElementType",
    "Finding",
    "FunctionalGroup",
    "Guide",
    "Interchange",
    "ParsedDocument",
    "ParsedTransaction",
    "Segment",
    "Severity",
    "TransactionSet",
    "X12Error",
    "all_guides",
    "check_envelopes",
    "check_value",
    "document_json",
    "find_guide",
    "gc_paused",
    "parse",
    "parse_date",
    "read_document",
    "tokenize",
    "transaction_json",
    "validate",
    "write_document",
    "write_json",
]
