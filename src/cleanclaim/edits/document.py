"""Scrub a document as a user hands it over: an 837P file, or the X12 engine's JSON
view (``x12 parse --json`` output, ``{"claims": [...]}`` or a list of claims).

This is what ``cleanclaim scrub`` does per file and what the app's upload page and
``POST /api/scrub`` call::

    ctx = context_from_refdata(); warm(ctx)            # once, at start-up
    got = scrub_document(data, ctx, name="upload.837")  # ScrubResult
    report(got.claims, got.findings)                   # {"claims", "findings", "summary"}

Unreadable input raises :class:`DocumentError` with one line naming the file and
what is wrong (not X12, X12 4010, not an 837P, bad JSON, a JSON field that is not
what it should be).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import FileFinding, Finding
from cleanclaim.edits.json_adapter import from_json_view
from cleanclaim.edits.scrub import ScrubResult, scrub_claim
from cleanclaim.edits.x12_adapter import SyntaxLevel, read_837p
from cleanclaim.jsonin import JsonInputError, load_json, type_name
from cleanclaim.x12 import X12Error, gc_paused

__all__ = [
    "DocumentClaims",
    "DocumentError",
    "json_claims",
    "read_document_claims",
    "scrub_document",
]


class DocumentError(ValueError):
    """The document cannot be read; the message is one line naming it."""


@dataclass(slots=True)
class DocumentClaims:
    """A document read: each claim with its reader (syntax) findings, and the findings
    about the file, its groups and sets (an 837P only; a JSON form has none)."""

    claims: list[tuple[ScrubClaim, list[Finding]]]
    findings: list[FileFinding] = field(default_factory=list)


def _list(value: Any, name: str, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DocumentError(f"{name}: {where}: expected a list, got {type_name(value)}")
    return value


def json_claims(doc: Any, name: str) -> Iterator[tuple[str, Any]]:
    """(JSON path, claim) for every claim of a JSON document: a list of claims,
    ``{"claims": [...]}`` or the X12 JSON view ``{"transactions": [{"claims": [...]}]}``;
    :class:`DocumentError` naming the path when the containers are not of those shapes."""
    if isinstance(doc, list):
        for i, c in enumerate(doc):
            yield f"[{i}]", c
        return
    if not isinstance(doc, dict):
        raise DocumentError(
            f"{name}: expected a list of claims or an object with claims, got {type_name(doc)}"
        )
    if "error" in doc and "transactions" not in doc:
        err = doc["error"]
        why = err if isinstance(err, str) else json.dumps(err)[:200]
        raise DocumentError(f"{name}: the JSON holds an error, not claims: {why}")
    for i, c in enumerate(_list(doc.get("claims"), name, "claims")):
        yield f"claims[{i}]", c
    for t, tx in enumerate(_list(doc.get("transactions"), name, "transactions")):
        if not isinstance(tx, dict):
            raise DocumentError(
                f"{name}: transactions[{t}]: expected an object, got {type_name(tx)}"
            )
        where = f"transactions[{t}].claims"
        for i, c in enumerate(_list(tx.get("claims"), name, where)):
            yield f"{where}[{i}]", c


def read_document_claims(
    data: bytes, *, name: str = "input", syntax: SyntaxLevel = "guide"
) -> DocumentClaims:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        try:
            doc = load_json(data, name=name)
        except JsonInputError as exc:
            raise DocumentError(str(exc)) from None
        try:
            return DocumentClaims(
                [
                    (replace(from_json_view(c, where=f"{name}: {at}"), file=name), [])
                    for at, c in json_claims(doc, name)
                ]
            )
        except ValueError as exc:
            raise DocumentError(str(exc)) from None
    try:
        got = read_837p(data, source=name, syntax=syntax)
    except X12Error as exc:
        raise DocumentError(f"{name}: {exc}") from None
    return DocumentClaims([(rc.claim, rc.findings) for rc in got.claims], got.findings)


def scrub_document(
    data: bytes, ctx: ScrubContext, *, name: str = "input", syntax: SyntaxLevel = "guide"
) -> ScrubResult:
    """Every claim of the document scrubbed, and the findings about the file, its
    groups and sets (the cyclic GC paused meanwhile)."""
    with gc_paused():
        got = read_document_claims(data, name=name, syntax=syntax)
        results = [scrub_claim(claim, ctx, extra) for claim, extra in got.claims]
        findings = got.findings
        del got  # freed before the collector resumes (see batch.scrub_837p)
    return ScrubResult(results, findings)
