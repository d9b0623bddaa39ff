"""``POST /api/scrub``: scrub an 837P (or the X12 engine's JSON claim form) and
return exactly what ``cleanclaim scrub --json`` prints.

Input, by ``Content-Type``:

* ``multipart/form-data`` with the file in the field ``file``;
* ``application/edi-x12`` (or ``application/x12``, ``text/plain``, ``application/octet-stream``):
  the 837P as the raw body;
* ``application/json``: the JSON claim form (a list of claims, ``{"claims": [...]}`` or
  the X12 JSON view ``{"transactions": [{"claims": [...]}]}``).

``?as_of=YYYY-MM-DD`` sets the checking date (default today). Errors: 400 (empty, not
X12 nor JSON, bad ``as_of``), 413 (over the size limit), 422 (X12 4010, not an 837P,
damaged envelope, invalid claim fields), each ``{"detail": "..."}`` naming the problem.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.coding.service import BadInput, parse_dos
from cleanclaim.scrubbing import actions, service
from cleanclaim.tenancy.guards import api_requires

router = Router(tags=["scrubber"])

X12_TYPES = ("application/edi-x12", "application/x12", "text/plain", "application/octet-stream")


class FindingOut(Schema):
    rule: str
    category: str
    severity: str
    claim_id: str
    line: int | None
    message: str
    fix: str
    source: str
    carc: str | None
    code: str  # the X12 engine's finding code (syntax findings), else ""
    segment: str
    position: int  # 1-based segment position in the file, 0 if none
    element: str  # e.g. "2300 CLM05-3"
    ik304: str  # 999 IK304 segment syntax error code, or ""
    ik403: str  # 999 IK403 element syntax error code, or ""


class FileFindingOut(FindingOut):
    scope: str  # file, group or set
    file: str
    group: str  # GS06
    set: str  # ST02
    count: int  # identical findings folded into this one
    positions: list[int]  # segment positions of the first of them


class ClaimOut(Schema):
    claim_id: str
    patient: str  # 2010CA (or 2010BA) name as sent
    member_id: str  # the subscriber's member ID (2010BA NM109)
    payer: str  # 2010BB name
    payer_id: str  # 2010BB NM109
    service_from: str | None  # first date of service over the lines, YYYY-MM-DD
    service_to: str | None  # last date of service over the lines
    total_charge: str  # CLM02 as a decimal string (money is never a float)
    file: str  # the file or upload the claim came from
    set: str  # ST02 of its transaction set, "" for JSON claims
    status: str  # clean, warnings (only) or errors (its own or its set's)
    findings: list[FindingOut]


class SummaryOut(Schema):
    claims: int
    clean: int
    warnings_only: int
    with_errors: int  # including claims in a set, group or file with an error
    file_findings: int
    file_errors: int
    by_category: dict[str, int]


class ScrubReport(Schema):
    claims: list[ClaimOut]
    findings: list[FileFindingOut]  # about the file, its groups and sets, each once
    notices: list[str]  # what was not checked, once per scrub (e.g. NCCI PTP not loaded)
    summary: SummaryOut


class ErrorOut(Schema):
    detail: str


REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
                "required": ["file"],
            }
        },
        "application/edi-x12": {
            "schema": {"type": "string", "description": "an 837P (X12 5010, 005010X222A1)"}
        },
        "application/json": {
            "schema": {
                "description": "the X12 engine's JSON claim form: a list of claims, "
                '{"claims": [...]} or {"transactions": [{"claims": [...]}]}',
                "oneOf": [{"type": "array", "items": {"type": "object"}}, {"type": "object"}],
            }
        },
    },
}


def _attempted(request: HttpRequest) -> tuple[str, int]:
    """The name and size of what the caller sent, for the record of a refusal."""
    f = request.FILES.get("file") if request.content_type == "multipart/form-data" else None
    if f is not None:
        return f.name or "upload", f.size or 0
    try:
        return "request body", int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return "request body", 0


def _read_body(request: HttpRequest) -> tuple[bytes, str, str]:
    """(bytes, name, kind) from the request, refusing oversize input before reading it."""
    ctype = (request.content_type or "").lower()
    if ctype == "multipart/form-data":
        f = request.FILES.get("file")
        if f is None:
            raise service.ScrubInputError("multipart upload without a 'file' field")
        service.check_size(f.size or 0, f.name or "file")
        return f.read(), f.name or "upload", "auto"
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    service.check_size(length, "the request body")
    # read() rather than .body: the scrubber's own limit applies, not Django's form limit
    data = request.read(service.max_bytes() + 1)
    service.check_size(len(data), "the request body")
    if ctype == "application/json":
        return data, "request body", "json"
    if ctype in X12_TYPES or not ctype:
        return data, "request body", "x12"
    raise HttpError(
        415,
        f"unsupported Content-Type {ctype!r}: send multipart/form-data (field 'file'), "
        "application/edi-x12 or application/json",
    )


@router.post(
    "",
    url_name="scrub",
    response={200: ScrubReport, 400: ErrorOut, 413: ErrorOut, 415: ErrorOut, 422: ErrorOut},
    openapi_extra={"requestBody": REQUEST_BODY},
    summary="Scrub an 837P or JSON claims",
)
@api_requires("claims.work")
@shows_phi
def scrub(request: HttpRequest, as_of: str | None = None) -> Status[dict[str, Any]] | HttpResponse:
    """Every claim's findings, the findings about the file, its groups and sets, and the
    summary, exactly as ``cleanclaim scrub --json``.
    ``as_of``: the checking date, YYYY-MM-DD (default today)."""
    actor = Actor.from_request(request, via="api")
    try:
        day = parse_dos(as_of, what="as_of")
    except BadInput as exc:
        actions.record_refusal(actor, *_attempted(request), str(exc))
        return Status(400, {"detail": str(exc)})
    try:
        data, name, kind = _read_body(request)
    except (service.ScrubInputError, HttpError) as exc:
        # refused before reading: what was attempted is recorded, never the content
        actions.record_refusal(actor, *_attempted(request), str(exc))
        if isinstance(exc, HttpError):
            raise
        return Status(exc.status, {"detail": str(exc)})
    try:
        outcome = actions.scrub_upload(actor, data, name, as_of=day, kind=kind)
    except service.ScrubInputError as exc:  # recorded by scrub_upload
        return Status(exc.status, {"detail": str(exc)})
    # The report is built by the scrubber in the shape of ScrubReport (a test holds the
    # two together); serialised as is, since validating tens of thousands of findings
    # again would cost seconds on a 5 MiB file.
    return HttpResponse(json.dumps(outcome.report), content_type="application/json")
