"""Scrub an uploaded file: the same reading and the same report as ``cleanclaim scrub``.

The input is an 837P (X12 5010, 005010X222A1) from any billing system, or the
X12 engine's JSON claim form (a list of claims, ``{"claims": [...]}`` or the
JSON view ``{"transactions": [{"claims": [...]}]}``, as ``cleanclaim scrub``
reads a ``.json`` file). The whole file is read before any claim is scrubbed, so
a file that cannot be read yields one clear error and no findings at all.
Nothing is stored: the bytes live only for the request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings

from cleanclaim.coding.service import store
from cleanclaim.deadlines import PayerLimits
from cleanclaim.edits import CATEGORIES, ClaimResult, FileFinding, report, scrub_claim
from cleanclaim.edits.coverage import CoverageSource
from cleanclaim.edits.payer_rules_lang import PayerRule

if TYPE_CHECKING:
    from cleanclaim.edits.document import DocumentClaims

#: Largest file accepted (bytes); ``CLEANCLAIM_SCRUB_MAX_BYTES`` in settings overrides it.
#: 5 MiB holds roughly 6,000 ordinary professional claims.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def max_bytes() -> int:
    return int(getattr(settings, "CLEANCLAIM_SCRUB_MAX_BYTES", DEFAULT_MAX_BYTES))


class ScrubInputError(ValueError):
    """The input cannot be scrubbed. ``status`` is 400 (not X12 or JSON at all, empty),
    413 (too big) or 422 (X12 or JSON, but not something the scrubber can read:
    X12 4010, not an 837P, a damaged envelope, a claim field that is not valid)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Upload:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Outcome:
    upload: Upload
    results: list[ClaimResult]
    report: dict[str, Any]  # exactly the CLI's --json
    findings: list[FileFinding] = field(default_factory=list)  # about the file, groups, sets


def describe(data: bytes, name: str) -> Upload:
    return Upload(name, len(data), hashlib.sha256(data).hexdigest())


def check_size(size: int, name: str = "the file") -> None:
    limit = max_bytes()
    if size > limit:
        raise ScrubInputError(
            f"{name} is {size:,} bytes; the scrubber accepts files up to {limit:,} bytes "
            "(split the batch into smaller files)",
            413,
        )


def _check_json(data: bytes, name: str) -> None:
    """400 unless ``data`` is JSON (bounded: :func:`cleanclaim.jsonin.load_json`); 422
    unless its containers hold at least one claim (the engine reads the claims after)."""
    from cleanclaim.edits.document import DocumentError, json_claims
    from cleanclaim.jsonin import JsonInputError, load_json

    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
        raise ScrubInputError(f"{name}: not JSON (it should start with {{ or [)")
    try:
        doc = load_json(data, name=name)
    except JsonInputError as exc:
        raise ScrubInputError(str(exc)) from None
    try:
        found = next(json_claims(doc, name), None)
    except DocumentError as exc:
        raise ScrubInputError(str(exc), 422) from None
    if found is None:
        raise ScrubInputError(
            f'{name}: no claims found (expected a list of claims, {{"claims": [...]}} '
            'or the X12 JSON view {"transactions": [{"claims": [...]}]})',
            422,
        )


def _check_x12(data: bytes, name: str) -> None:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0\0\0\0" in (data[1:8:2], data[0:8:2]):
        raise ScrubInputError(
            f"{name}: the file is UTF-16 encoded; an 837P is ASCII or UTF-8 text "
            "(save it as plain text and send again)"
        )
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:3] != b"ISA":
        raise ScrubInputError(
            f"{name}: not an X12 file (an 837P starts with an ISA segment) and not JSON"
        )


def read_claims(data: bytes, name: str, *, kind: str = "auto") -> DocumentClaims:
    """Every claim of ``data`` with the reader's syntax findings, and the findings about the
    file, its groups and sets; ScrubInputError if unusable (422 when an 837P holds no
    claim and nothing to say about its sets either).
    ``kind``: ``x12``, ``json`` or ``auto`` (JSON when it starts with ``{`` or ``[``).
    The reading itself is the engine's (:func:`cleanclaim.edits.document.read_document_claims`,
    what ``cleanclaim scrub`` runs); this adds the size limit and the status codes."""
    from cleanclaim.edits.document import DocumentError, read_document_claims

    check_size(len(data), name)
    if not data.strip():
        raise ScrubInputError(f"{name}: the file is empty")
    if kind == "auto":
        kind = "json" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") else "x12"
    if kind == "json":
        _check_json(data, name)
    else:
        _check_x12(data, name)
    try:
        claims = read_document_claims(data, name=name)
    except DocumentError as exc:
        raise ScrubInputError(str(exc), 422) from None
    if not claims.claims and not claims.findings:
        raise ScrubInputError(f"{name}: no claims found (no CLM segment)", 422)
    return claims


def scrub(
    data: bytes,
    name: str,
    *,
    as_of: dt.date | None = None,
    kind: str = "auto",
    coverage: Callable[[set[str]], CoverageSource] | None = None,
    payer_limits: Mapping[str, PayerLimits] | None = None,
    payer_rules: list[PayerRule] | None = None,
) -> Outcome:
    """Read the whole input, then scrub every claim with the loaded reference data.

    ``coverage``: given the member ids of the claims read, the coverage on file for
    them (the ``coverage`` rules); without it, coverage is not judged (as the CLI).
    ``payer_limits``: each payer's own filing limits by payer id (the ``timely-filing``
    rule); a payer not in it is checked against the default of its profile.
    ``payer_rules``: the organisation's payer rules (else the packaged starter rules)."""

    from cleanclaim.edits.refdata import context_from_refdata
    from cleanclaim.x12 import gc_paused

    upload = describe(data, name)
    got = read_claims(data, name, kind=kind)
    s = store()
    ctx = context_from_refdata(as_of or dt.date.today(), root=s.root, codes=s)
    if payer_limits is not None:
        ctx.payer_limits = payer_limits
    if coverage is not None:
        ctx.coverage = coverage({claim.subscriber_id for claim, _ in got.claims})
    if payer_rules is not None:
        ctx.payer_rules = payer_rules
    with gc_paused():
        results = [scrub_claim(claim, ctx, extra) for claim, extra in got.claims]
    from cleanclaim.edits.notices import notices

    rep = report(results, got.findings, notices(ctx))
    return Outcome(upload, results, rep, got.findings)


def category_counts(rep: dict[str, Any]) -> list[tuple[str, int]]:
    """Findings per category in the issue's category order (non-zero only)."""
    by = rep["summary"]["by_category"]
    return [(c, by[c]) for c in CATEGORIES if by.get(c)] + [
        (c, n) for c, n in by.items() if c not in CATEGORIES and n
    ]
