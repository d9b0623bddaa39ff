"""The version an API client edits from: ``version`` in the body or ``If-Match``.

Updates (``PATCH``) are optimistic-locked (:mod:`cleanclaim.tenancy.concurrency`):
the client sends the ``version`` it read (the detail answer carries it) in
the body, or as ``If-Match: "3"``. A stale version is answered 409 with the
changed fields (:class:`ConflictOut`); no version at all, 428.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from ninja import Schema
from ninja.errors import HttpError
from pydantic import ValidationError

__all__ = ["ConflictOut", "ErrorOut", "expected_version", "patch_body", "read_patch"]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


class ConflictOut(Schema):
    detail: str
    code: str
    your_version: int
    current_version: int
    changed_by: str | None
    changed_at: str | None
    changed: dict[str, dict[str, Any]]


def _parse_if_match(raw: str) -> int:
    value = raw.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit() or int(value) < 1:
        raise HttpError(400, f'If-Match: expected the version as an ETag like "3", got {raw!r}')
    return int(value)


def expected_version(request: HttpRequest, body_version: int | None) -> int:
    """The version the client read, from the body or ``If-Match``; they must agree."""
    header = request.headers.get("If-Match")
    from_header = _parse_if_match(header) if header else None
    if body_version is not None and from_header is not None and body_version != from_header:
        raise HttpError(
            400,
            f"version {body_version} in the body and If-Match {header} disagree; send one",
        )
    version = body_version if body_version is not None else from_header
    if version is None:
        raise HttpError(
            428,
            "send the version you are editing from: 'version' in the body or an If-Match "
            "header (the detail answer's 'version')",
        )
    return version


def patch_body(schema: type[Schema]) -> dict[str, Any]:
    """``openapi_extra`` documenting a JSON body read by :func:`read_patch`."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema.model_json_schema()}},
        }
    }


def read_patch(
    request: HttpRequest, schema: type[Schema], *, nullable: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The fields a ``PATCH`` sends, validated by ``schema``, read after the
    permission check (so a caller without the permission learns nothing from
    a 422). 400 for a body that is not a JSON object, 422 naming each bad field
    (unknown, null unless named in ``nullable``, or of the wrong type)."""
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, RecursionError):
        raise HttpError(400, "the request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise HttpError(400, "the request body must be a JSON object of fields to change")
    unknown = sorted(set(data) - set(schema.model_fields))
    if unknown:
        raise HttpError(422, f"{', '.join(unknown)}: not a field this operation changes")
    nulls = sorted(name for name, value in data.items() if value is None and name not in nullable)
    if nulls:
        raise HttpError(422, f'{", ".join(nulls)}: may not be null; send "" to clear a text field')
    try:
        parsed = schema.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors()
        )
        raise HttpError(422, problems) from None
    return parsed.model_dump(exclude_unset=True)
