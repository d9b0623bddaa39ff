"""Domain actions for clearinghouse connections, batches and files: each owns its
transaction and writes its audit entries in it.

Sending is in two steps so that an interrupted upload is sent again once and only
once: :func:`create_batch` writes the 837P and keeps it (a :class:`TransmissionFile`
with its SHA-256) before anything leaves; :func:`send_batch` uploads those same bytes
under the same name, and the transport answers ``already_there`` when an earlier
attempt got as far as the rename, so a second run sends nothing new. Only when the
upload is done does each claim get its ``submitted`` event, in one transaction with
the batch's status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fnmatch import fnmatch
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.claims import events
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses import registry
from cleanclaim.clearinghouses.control import next_numbers
from cleanclaim.clearinghouses.models import Batch, BatchClaim, Connection, TransmissionFile
from cleanclaim.clearinghouses.secrets import decrypt, encrypt
from cleanclaim.clearinghouses.writing import MAX_CLAIMS_PER_FILE, claim_views, write_batch
from cleanclaim.ledger import charges
from cleanclaim.payers.models import Payer, PayerConnectionId
from cleanclaim.payers.profile import effective_profile
from cleanclaim.practices.models import Organisation, Practice
from cleanclaim.tenancy.concurrency import StaleEdit, check_version, save_versioned

__all__ = [
    "BatchError",
    "NothingToSend",
    "PollResult",
    "StaleEdit",
    "check_connection",
    "create_batch",
    "keep_file",
    "pin_host_key",
    "poll",
    "resend",
    "save_connection",
    "send_batch",
    "send_queued",
]

log = logging.getLogger(__name__)
Action = AuditEntry.Action
#: What an audit entry shows for a secret: never the value.
CHANGED = "(changed)"
#: Batches whose claims are spoken for: not put in another batch.
OPEN_STATUSES = (Batch.Status.QUEUED, Batch.Status.SENDING, Batch.Status.FAILED)


class BatchError(Exception):
    code = "batch_error"


class NothingToSend(BatchError):
    code = "nothing_to_send"


def _mask(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Audit changes with the secrets replaced by ``(changed)``."""
    out = dict(changes)
    if "secrets" in out:
        out["secrets"] = CHANGED
    return out


def _connection_fields(fields: Mapping[str, Any]) -> None:
    editable = {"practice" if n == "practice_id" else n for n in Connection.audited_fields}
    for name in fields:
        if name not in editable or name in ("secrets", "pinned_host_key"):
            raise ValueError(f"{name!r} is not an editable connection field")


@transaction.atomic
def save_connection(
    actor: Actor,
    organisation: Organisation,
    *,
    connection: Connection | None = None,
    secrets: Mapping[str, str] | None = None,
    expected_version: int | None = None,
    **fields: Any,
) -> Connection:
    """Create a connection (``connection`` None) or change one. ``secrets`` are merged
    into the stored ones (a blank value keeps the stored one) and encrypted; the audit
    entry says ``(changed)`` for them, never a value."""
    _connection_fields(fields)
    practice = fields.get("practice")
    if practice is not None and practice.organisation_id != organisation.pk:
        raise ValueError("the practice belongs to another organisation")
    if connection is None:
        conn = Connection(organisation=organisation, **fields)
        if secrets:
            conn.secrets = encrypt({k: v for k, v in secrets.items() if v})
        conn.full_clean()
        conn.save()
        record(actor, Action.CREATE, conn, changes=_mask(snapshot(conn, Connection.audited_fields)))
        return conn
    locked = Connection.objects.select_for_update().get(pk=connection.pk, organisation=organisation)
    expected = check_version(locked, expected_version, fields, noun="connection")
    before = snapshot(locked, Connection.audited_fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    if secrets and any(secrets.values()):
        merged = {**decrypt(locked.secrets), **{k: v for k, v in secrets.items() if v}}
        locked.secrets = encrypt(merged)
    locked.full_clean()
    changes = diff(before, snapshot(locked, Connection.audited_fields))
    if changes:
        save_versioned(locked, expected, changes, noun="connection")
        record(
            actor,
            Action.UPDATE,
            locked,
            changes=_mask(changes),
            context={"version": locked.version},
        )
    return locked


@transaction.atomic
def pin_host_key(actor: Actor, connection: Connection, host_key: str) -> Connection:
    """Pin the server's host key (first use); a connection with a key pinned keeps it
    (a changed key is refused by the transport, and is re-pinned only by clearing it)."""
    locked = Connection.objects.select_for_update().get(pk=connection.pk)
    if locked.pinned_host_key == host_key:
        return locked
    before = locked.pinned_host_key
    locked.pinned_host_key = host_key
    locked.version += 1
    locked.save(update_fields=["pinned_host_key", "version"])
    record(
        actor,
        Action.UPDATE,
        locked,
        changes={"pinned_host_key": [before, host_key]},
        context={"version": locked.version},
    )
    connection.pinned_host_key, connection.version = host_key, locked.version
    return locked


def routed_payers(practice: Practice, connection: Connection) -> dict[int, str]:
    """Payers whose claims (for ``practice``) go through ``connection``: payer pk → the
    payer id to write in 2010BB (the id on this connection, else the payer's own)."""
    on_connection = dict(
        PayerConnectionId.objects.filter(
            payer__organisation_id=practice.organisation_id, connection=connection.name
        ).values_list("payer_id", "connection_payer_id")
    )
    routed: dict[int, str] = {}
    for payer in Payer.objects.filter(organisation_id=practice.organisation_id):
        profile = effective_profile(payer, practice)
        if profile.clearinghouse_connection == connection.name and (
            profile.submission == Payer.Submission.ELECTRONIC
        ):
            routed[payer.pk] = on_connection.get(payer.pk, payer.payer_id)
    return routed


def _usable(connection: Connection, practice: Practice) -> None:
    if connection.organisation_id != practice.organisation_id:
        raise BatchError("the connection belongs to another organisation")
    if connection.practice_id not in (None, practice.pk):
        raise BatchError(f"connection {connection.name} is for another practice")
    if not connection.active:
        raise BatchError(f"connection {connection.name} is switched off")
    if not getattr(registry.plugin(connection.plugin), "TAKES_BATCHES", True):
        raise BatchError(f"connection {connection.name} does not take batches")


def file_name(connection: Connection, isa13: int) -> str:
    return f"CC{connection.pk:04d}_{isa13:09d}.837"


def create_batch(
    actor: Actor,
    practice: Practice,
    connection: Connection,
    *,
    now: dt.datetime | None = None,
    limit: int = MAX_CLAIMS_PER_FILE,
    only: Iterable[int] | None = None,
) -> list[Batch]:
    """Put the practice's queued claims routed through ``connection`` into batches of at
    most ``limit`` claims, one 837P each, kept before anything is sent.

    Claims already in a batch not yet sent (queued, sending, failed) are left out;
    claims the 837P writer refuses stay queued (the reason is in the batch's audit
    context). ``only``: just these claims (primary keys) among them. Raises
    :class:`NothingToSend` when there is no claim to send."""
    _usable(connection, practice)
    now = now or timezone.now()
    routed = routed_payers(practice, connection)
    batches: list[Batch] = []
    with transaction.atomic():
        queued = Claim.objects.select_for_update().filter(
            practice=practice, status="queued", payer_id__in=list(routed)
        )
        if only is not None:
            queued = queued.filter(pk__in=list(only))
        claims = list(queued.exclude(batch_claims__batch__status__in=OPEN_STATUSES).order_by("id"))
        if not claims:
            raise NothingToSend(f"no queued claims for {connection.name}")
        related = (
            Claim.objects.filter(pk__in=[c.pk for c in claims])
            .select_related(
                "practice",
                "patient",
                "coverage",
                "payer",
                "rendering_provider",
                "location",
            )
            .prefetch_related("lines")
            .order_by("id")
        )
        good, bad = claim_views(list(related), routed)
        for start in range(0, len(good), limit):
            chunk = good[start : start + limit]
            batches.append(_one_batch(actor, practice, connection, chunk, bad, now))
        if not batches:
            reasons = "; ".join(f"{c.number}: {why}" for c, why in bad[:5])
            raise NothingToSend(f"no claim can be written for {connection.name}: {reasons}")
    return batches


def _one_batch(
    actor: Actor,
    practice: Practice,
    connection: Connection,
    chunk: list[tuple[Claim, Any]],
    bad: list[tuple[Claim, str]],
    now: dt.datetime,
) -> Batch:
    numbers = next_numbers(connection)
    data = write_batch(connection, [j for _c, j in chunk], numbers, now=now)
    total = sum((c.total_charge for c, _j in chunk), Decimal("0.00"))
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    batch = Batch.objects.create(
        practice=practice,
        connection=connection,
        isa13=numbers.isa13,
        gs06=numbers.gs06,
        st02=numbers.st02,
        usage_indicator=connection.usage_indicator,
        claim_count=len(chunk),
        total_charge=total,
        progress_total=len(data),
        created_at=now,
        created_by=user,
    )
    BatchClaim.objects.bulk_create(
        BatchClaim(batch=batch, claim=c, patient_control_number=c.number, position=n)
        for n, (c, _j) in enumerate(chunk, start=1)
    )
    TransmissionFile.objects.create(
        connection=connection,
        practice=practice,
        batch=batch,
        direction=TransmissionFile.Direction.OUT,
        kind=TransmissionFile.Kind.X837P,
        name=file_name(connection, numbers.isa13),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        content=data,
        created_at=now,
    )
    record(
        actor,
        Action.CREATE,
        batch,
        changes={"claims": len(chunk), "total_charge": str(total), "isa13": numbers.isa13},
        context={"left_out": [{"claim": c.number, "reason": why} for c, why in bad][:50]},
    )
    return batch


def batch_file(batch: Batch) -> TransmissionFile:
    return TransmissionFile.objects.get(batch=batch, direction="out", kind="837P")


def send_batch(
    actor: Actor,
    batch: Batch,
    *,
    progress: Callable[[int, int], None] | None = None,
    transport: Any = None,
) -> Batch:
    """Upload the batch's kept 837P (the same bytes, name and control numbers every
    attempt), then mark it sent and each claim ``submitted``. A batch already sent is
    left alone; a failed upload marks the batch ``failed`` with the plain message and
    re-raises, and running this again finishes the job (the transport answers
    ``already_there`` when the file got to the inbound folder the first time).
    ``transport``: the connection plug-in's batch transport unless given (the demo
    hands in the sandbox in process, :mod:`.sandbox.inprocess`)."""
    with transaction.atomic():
        locked = Batch.objects.select_for_update().get(pk=batch.pk)
        if locked.status not in (Batch.Status.QUEUED, Batch.Status.FAILED, Batch.Status.SENDING):
            return locked
        locked.status = Batch.Status.SENDING
        locked.attempts += 1
        locked.error = ""
        locked.save(update_fields=["status", "attempts", "error"])
    kept = batch_file(locked)
    data = bytes(kept.content)
    connection = locked.connection
    plugin = registry.plugin(connection.plugin)
    try:
        if transport is None:
            transport = plugin.batch_transport(connection)
        if transport is None:
            raise BatchError(f"connection {connection.name} does not take batches")
        with transport:
            _pin_if_new(actor, connection, transport)
            uploaded = transport.upload(kept.name, data)
    except Exception as exc:  # the transport's errors carry a plain ``message``
        message = getattr(exc, "message", "") or str(exc) or exc.__class__.__name__
        Batch.objects.filter(pk=locked.pk).update(status=Batch.Status.FAILED, error=message)
        log.warning("batch %s not sent: %s", locked.pk, message)
        raise
    if uploaded.sha256 != kept.sha256:
        message = "the clearinghouse holds other bytes under this file's name"
        Batch.objects.filter(pk=locked.pk).update(status=Batch.Status.FAILED, error=message)
        raise BatchError(message)
    if progress:
        progress(len(data), len(data))
    return _mark_sent(actor, locked, kept, already_there=uploaded.already_there)


def _pin_if_new(actor: Actor, connection: Connection, transport: Any) -> None:
    seen = getattr(transport, "host_key", "") or ""
    if seen and not connection.pinned_host_key:
        pin_host_key(actor, connection, seen)


@transaction.atomic
def _mark_sent(actor: Actor, batch: Batch, kept: TransmissionFile, *, already_there: bool) -> Batch:
    locked = Batch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != Batch.Status.SENDING:
        return locked
    now = timezone.now()
    locked.status = Batch.Status.SENT
    locked.sent_at = now
    locked.progress_done = locked.progress_total
    locked.save(update_fields=["status", "sent_at", "progress_done"])
    claims = list(
        Claim.objects.filter(batch_claims__batch=locked)
        .order_by("batch_claims__position")
        .select_related("practice", "payer", "replaces")
        .prefetch_related("lines")
    )
    for claim in claims:
        events.append(
            actor,
            claim,
            events.Kind.SUBMITTED,
            {"batch": locked.pk, "isa13": f"{locked.isa13:09d}", "file": kept.name},
        )
    charges.on_sent(actor, claims)  # the visit's charges (or the share moved to the next payer)
    record(
        actor,
        Action.UPDATE,
        locked,
        changes={"status": ["sending", "sent"]},
        context={"file": kept.name, "sha256": kept.sha256, "already_there": already_there},
    )
    return locked


def send_queued(actor: Actor, practice: Practice, connection: Connection) -> list[Batch]:
    """Batch the queued claims of ``connection`` and queue each batch's sending task."""
    from cleanclaim.clearinghouses.tasks import send_batch as task

    batches = create_batch(actor, practice, connection)
    user_id = actor.user.pk if getattr(actor.user, "is_authenticated", False) else None
    for batch in batches:
        transaction.on_commit(lambda pk=batch.pk: _start(task, pk, user_id), robust=False)
    return batches


def _start(task: Any, batch_id: int, user_id: int | None) -> None:
    try:
        task.delay(batch_id, user_id)
    except Exception:
        log.exception("batch %s: sending task failed", batch_id)


def keep_file(
    connection: Connection,
    *,
    direction: str,
    kind: str,
    name: str,
    data: bytes,
    batch: Batch | None = None,
    practice: Practice | None = None,
) -> tuple[TransmissionFile, bool]:
    """Keep ``data`` as a file of ``connection``: ``(file, created)``; a file with the
    same bytes already kept (same connection and direction) is answered, not doubled."""
    digest = hashlib.sha256(data).hexdigest()
    existing = TransmissionFile.objects.filter(
        connection=connection, direction=direction, sha256=digest
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return (
                TransmissionFile.objects.create(
                    connection=connection,
                    practice=practice if practice is not None else connection.practice,
                    batch=batch,
                    direction=direction,
                    kind=kind,
                    name=name[:255],
                    sha256=digest,
                    size=len(data),
                    content=data,
                ),
                True,
            )
    except IntegrityError:  # a concurrent poll kept it first
        return (
            TransmissionFile.objects.get(connection=connection, direction=direction, sha256=digest),
            False,
        )


#: File name patterns → kind, for what a clearinghouse leaves in the outbound folder.
_KINDS: tuple[tuple[str, str], ...] = (
    ("*.999", "999"),
    ("*.ta1", "TA1"),
    ("*.277", "277CA"),
    ("*.277ca", "277CA"),
    ("*.835", "835"),
    ("*.era", "835"),
)


def kind_of(name: str, data: bytes) -> str:
    """The kind of a received file: from its content (a TA1 with no ST; ST01, and for
    a 277 its version: ``005010X214`` is a 277CA), else from its name."""
    text = data[:4000].decode("ascii", "replace")
    element = text[3:4] or "*"
    if f"{element}999{element}" in text and f"ST{element}999" in text:
        return "999"
    for st01, kind in (("835", "835"), ("271", "271")):
        if f"ST{element}{st01}{element}" in text:
            return kind
    if f"ST{element}277{element}" in text:
        return "277CA" if "005010X214" in text else "277"
    if f"TA1{element}" in text and f"ST{element}" not in text:
        return "TA1"
    low = name.lower()
    for pattern, kind in _KINDS:
        if fnmatch(low, pattern):
            return kind
    return "other"


#: The order answers are taken in, whatever their names: the interchange's (TA1) and the
#: file's (999) before the claims' (277CA), before the payments (835); a 277CA taken
#: first would leave its claims no longer ``submitted`` for the 999's event.
_INTAKE_ORDER = {"TA1": 0, "999": 1, "277CA": 2, "835": 3}


@dataclass
class PollResult:
    connection: str
    listed: int = 0
    taken: list[tuple[str, str, str]] = field(default_factory=list)  # name, kind, outcome
    skipped: list[str] = field(default_factory=list)


def poll(
    actor: Actor,
    connection: Connection,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    transport: Any = None,
) -> PollResult:
    """Collect the connection's outbound folder: each file matching the patterns is
    fetched, kept (once, by checksum), handed to the intake
    (:func:`cleanclaim.clearinghouses.intake.take_in`), then archived, deleted or left
    as the settings say. A file kept before is not taken in again. ``transport``: the
    plug-in's batch transport unless given (as for :func:`send_batch`)."""
    from cleanclaim.clearinghouses import intake

    result = PollResult(connection.name)
    if transport is None:
        transport = registry.plugin(connection.plugin).batch_transport(connection)
    if transport is None:
        return result
    with transport:
        _pin_if_new(actor, connection, transport)
        listed = transport.list_outbound()
        result.listed = len(listed)
        fetched = [(remote, transport.fetch(remote.name)) for remote in listed]
        answers = sorted(
            ((remote, data, kind_of(remote.name, data)) for remote, data in fetched),
            key=lambda item: _INTAKE_ORDER.get(item[2], len(_INTAKE_ORDER)),
        )
        for n, (remote, data, kind) in enumerate(answers, start=1):
            kept, created = keep_file(
                connection, direction="in", kind=kind, name=remote.name, data=data
            )
            if created or kept.processed_at is None:
                outcome = intake.take_in(actor, kept)
                TransmissionFile.objects.filter(pk=kept.pk).update(
                    processed_at=timezone.now(), outcome=outcome
                )
                result.taken.append((remote.name, kind, outcome))
            else:
                result.skipped.append(remote.name)
            transport.done(remote.name)
            if progress:
                progress(n, len(listed), remote.name)
    return result


def connections_to_poll(organisation: Organisation | None = None) -> Iterable[Connection]:
    rows = Connection.objects.filter(active=True).order_by("organisation_id", "name")
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return [
        c
        for c in rows
        if c.plugin in registry.PLUGINS
        and getattr(registry.plugin(c.plugin), "TAKES_BATCHES", True)
    ]


def check_connection(actor: Actor, connection: Connection) -> str:
    """Connect once and list the outbound folder: pins the host key on first use and
    answers it; the transport's errors (host key changed, password refused, host not
    reachable) propagate with their plain ``message``."""
    transport = registry.plugin(connection.plugin).batch_transport(connection)
    if transport is None:
        raise BatchError(f"connection {connection.name} has no batch transport to check")
    with transport:
        _pin_if_new(actor, connection, transport)
        transport.list_outbound()
        return str(getattr(transport, "host_key", "") or "")


def resend(actor: Actor, batch: Batch) -> None:
    """Queue the sending task of a failed batch again (the same file, sent once)."""
    from cleanclaim.clearinghouses.tasks import send_batch as task

    user_id = actor.user.pk if getattr(actor.user, "is_authenticated", False) else None
    _start(task, batch.pk, user_id)
