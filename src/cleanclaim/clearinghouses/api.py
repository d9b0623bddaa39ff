"""``/api/connections`` and ``/api/batches``: connections for administrators, batches
for billers. Writes go through :mod:`cleanclaim.clearinghouses.actions` (audited);
secrets are accepted but never answered (``has_secrets`` says whether any is stored).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from cleanclaim.api.versioning import ErrorOut, patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record
from cleanclaim.clearinghouses import actions, registry
from cleanclaim.clearinghouses.forms import COMMON_FIELDS
from cleanclaim.clearinghouses.models import Batch, Connection, TransmissionFile
from cleanclaim.clearinghouses.views import MANAGE, SUBMIT, connections_for
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["clearinghouses"])


class ConnectionOut(Schema):
    id: int
    version: int
    name: str
    plugin: str
    practice: int | None = Field(None, description="None: every practice of the organisation")
    settings: dict[str, Any]
    has_secrets: bool
    usage_indicator: str = Field(description="ISA15: T test, P production")
    isa_sender_qualifier: str
    isa_sender_id: str
    isa_receiver_qualifier: str
    isa_receiver_id: str
    gs_sender: str
    gs_receiver: str
    submitter_name: str
    submitter_id: str
    submitter_contact: str
    submitter_phone: str
    receiver_name: str
    receiver_id: str
    pinned_host_key: str = Field(description='"<keytype> <base64>", pinned on first use')
    active: bool


class ConnectionIn(Schema):
    """A new connection: the plug-in, its settings and secrets, and the envelope ids."""

    name: str
    plugin: str
    practice: int | None = None
    settings: dict[str, Any] = Field(default_factory=dict)
    secrets: dict[str, str] = Field(default_factory=dict, description="never answered back")
    usage_indicator: str = "T"
    isa_sender_qualifier: str = "ZZ"
    isa_sender_id: str
    isa_receiver_qualifier: str = "ZZ"
    isa_receiver_id: str
    gs_sender: str
    gs_receiver: str
    submitter_name: str
    submitter_id: str
    submitter_contact: str
    submitter_phone: str
    receiver_name: str
    receiver_id: str
    active: bool = True


def _connection_out(c: Connection) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(c, name) for name in COMMON_FIELDS if name != "practice"}
    out.update(
        id=c.pk,
        version=c.version,
        plugin=c.plugin,
        practice=c.practice_id,
        settings=c.settings,
        has_secrets=bool(c.secrets),
        pinned_host_key=c.pinned_host_key,
    )
    return out


@router.get("/connections", response=list[ConnectionOut], url_name="connection_list")
@api_requires(MANAGE)
def connection_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The organisation's connections (those for a practice where you administer)."""
    return [_connection_out(c) for c in connections_for(request.auth, MANAGE)]  # type: ignore[attr-defined]


@router.post(
    "/connections",
    response={201: ConnectionOut, 422: ErrorOut},
    url_name="connection_list",
    openapi_extra=patch_body(ConnectionIn),
)
@api_requires(MANAGE)
def connection_create(request: HttpRequest) -> Any:
    """Set up a connection; the plug-in's settings form checks ``settings`` and
    ``secrets`` (422 naming each bad field)."""
    data = read_patch(request, ConnectionIn)
    missing = sorted(
        name
        for name, f in ConnectionIn.model_fields.items()
        if f.is_required() and name not in data
    )
    if missing:
        return Status(422, {"detail": "missing: " + ", ".join(missing)})
    user = request.auth  # type: ignore[attr-defined]
    try:
        plugin = registry.plugin(data.pop("plugin"))
    except registry.UnknownPlugin as exc:
        return Status(422, {"detail": str(exc)})
    form = plugin.SettingsForm({**data.pop("settings", {}), **data.pop("secrets", {})})
    if not form.is_valid():
        return Status(
            422,
            {
                "detail": "settings are not valid",
                "errors": {
                    k: [m["message"] for m in v] for k, v in form.errors.get_json_data().items()
                },
            },
        )
    values, secrets = form.split()
    practice_id = data.pop("practice", None)
    practice = get_scoped_or_404(Practice, user, MANAGE, pk=practice_id) if practice_id else None
    if Connection.objects.filter(organisation=user.organisation, name=data["name"]).exists():
        return Status(422, {"detail": f"a connection called {data['name']} exists"})
    try:
        conn = actions.save_connection(
            Actor.from_request(request, via="api"),
            user.organisation,
            secrets=secrets,
            plugin=plugin.NAME,
            settings=values,
            practice=practice,
            **data,
        )
    except ValidationError as exc:
        return Status(422, {"detail": "; ".join(exc.messages)})
    return Status(201, _connection_out(conn))


class FileOut(Schema):
    id: int
    name: str
    kind: str
    direction: str
    sha256: str
    size: int
    created_at: dt.datetime
    processed_at: dt.datetime | None
    outcome: str


class BatchClaimOut(Schema):
    claim: int
    patient_control_number: str
    position: int
    status: str


class BatchOut(Schema):
    id: int
    practice: int
    connection: str
    status: str
    isa13: str
    gs06: int
    st02: int
    usage_indicator: str
    claim_count: int
    total_charge: Decimal
    progress_done: int
    progress_total: int
    created_at: dt.datetime
    sent_at: dt.datetime | None
    error: str
    attempts: int


class BatchDetailOut(BatchOut):
    files: list[FileOut]
    claims: list[BatchClaimOut]
    acknowledgments: list[FileOut] = Field(
        description="999, TA1 and 277CA files taken in for this batch"
    )


class BatchesIn(Schema):
    connection: int | str = Field(description="the connection's id or name")
    practice: int | None = Field(None, description="needed when you bill for several practices")


class BatchesOut(Schema):
    batches: list[int]


def _batch_out(b: Batch) -> dict[str, Any]:
    return {
        "id": b.pk,
        "practice": b.practice_id,
        "connection": b.connection.name,
        "status": b.status,
        "isa13": f"{b.isa13:09d}",
        "gs06": b.gs06,
        "st02": b.st02,
        "usage_indicator": b.usage_indicator,
        "claim_count": b.claim_count,
        "total_charge": b.total_charge,
        "progress_done": b.progress_done,
        "progress_total": b.progress_total,
        "created_at": b.created_at,
        "sent_at": b.sent_at,
        "error": b.error,
        "attempts": b.attempts,
    }


def _batches(request: HttpRequest) -> Any:
    return scoped(Batch, request.auth, SUBMIT).select_related("connection")  # type: ignore[attr-defined]


@router.get("/batches", response=list[BatchOut], url_name="batch_list")
@api_requires(SUBMIT)
def batch_list(request: HttpRequest, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Batches, newest first (``limit`` up to 200)."""
    limit = max(1, min(limit, 200))
    return [_batch_out(b) for b in _batches(request)[offset : offset + limit]]


@router.post(
    "/batches",
    response={201: BatchesOut, 404: ErrorOut, 422: ErrorOut},
    url_name="batch_list",
    openapi_extra=patch_body(BatchesIn),
)
@api_requires(SUBMIT)
def batch_send(request: HttpRequest) -> Any:
    """Send the queued claims of a connection: one batch per 5,000 claims, each sent
    by a background task (follow it with ``GET /api/batches/{id}``); 422 when there
    is nothing to send."""
    data = read_patch(request, BatchesIn)
    if "connection" not in data:
        return Status(422, {"detail": "connection: give the connection's id or name"})
    user = request.auth  # type: ignore[attr-defined]
    key = data["connection"]
    lookup = Q(pk=key) if isinstance(key, int) else Q(name=key)
    connection = get_scoped_or_404(connections_for(user, SUBMIT).filter(lookup), user, SUBMIT)
    practices = scoped(Practice, user, SUBMIT)
    if data.get("practice") is not None:
        practice = get_scoped_or_404(practices, user, SUBMIT, pk=data["practice"])
    elif connection.practice_id is not None:
        practice = get_scoped_or_404(practices, user, SUBMIT, pk=connection.practice_id)
    elif practices.count() == 1:
        practice = practices.get()
    else:
        return Status(422, {"detail": "practice: you bill for several practices; name one"})
    try:
        batches = actions.send_queued(Actor.from_request(request, via="api"), practice, connection)
    except actions.BatchError as exc:
        return Status(422, {"detail": str(exc)})
    return Status(201, {"batches": [b.pk for b in batches]})


@router.get("/batches/{pk}", response=BatchDetailOut, url_name="batch_detail")
@api_requires(SUBMIT)
@shows_phi
def batch_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    """One batch: its files with checksums, its claims (patient control numbers) and
    the acknowledgments taken in for it, and its progress."""
    batch = get_scoped_or_404(_batches(request), request.auth, SUBMIT, pk=pk)  # type: ignore[attr-defined]
    record(
        Actor.from_request(request, via="api"),
        AuditEntry.Action.READ,
        batch,
        context={"with": "claims"},
    )
    files = list(TransmissionFile.objects.filter(batch=batch).defer("content").order_by("id"))
    out = _batch_out(batch)
    out["files"] = files
    out["acknowledgments"] = [f for f in files if f.direction == "in"]
    out["claims"] = [
        {
            "claim": bc.claim_id,
            "patient_control_number": bc.patient_control_number,
            "position": bc.position,
            "status": bc.claim.status,
        }
        for bc in batch.batch_claims.select_related("claim").order_by("position")
    ]
    return out
