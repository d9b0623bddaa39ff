"""PostgreSQL: a claim payment posted in one statement (decision 1060).

:func:`post` writes what :func:`cleanclaim.remits.actions._post_one`'s normal path
writes for a matched claim payment -- the :class:`ClaimPayment` row, its line postings,
its ledger entries, the claim's status step and its event -- as one ``INSERT`` with
data-modifying CTEs, so one round trip; in autocommit a single statement is its own
transaction (atomic). The rows are built by the models (their defaults apply); each
table's rows travel as one JSON parameter that PostgreSQL reads back into the table's row
type (``json_populate_record``), so the statement's text is the same for every claim
payment.

It returns ``False`` (nothing written) where the normal path must decide: a held
posting (the denials hook), an underpayment, a second event (crossover), or a status
step that needs the claim's history. When the claim's status is no longer the one read,
the event's ``claim_id`` comes out NULL and the statement fails whole: the caller falls
back to the normal path; a duplicate key fails it whole too (``IntegrityError``)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from functools import cache
from typing import Any

from django.db import connection, models

from cleanclaim.claims import events
from cleanclaim.claims.models import Claim, ClaimEvent
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.models import ClaimPayment, LinePosting

__all__ = ["STALE", "post", "step", "usable"]

STALE = 'null value in column "claim_id"'  # the event refused: a stale status


def usable() -> bool:
    """Only PostgreSQL in autocommit (no outer transaction) or inside tests' one."""
    return connection.vendor == "postgresql"


@cache
def _fields(model: type[models.Model], skip: tuple[str, ...]) -> list[models.Field[Any, Any]]:
    """The fields of ``model``'s insert, its primary key and ``skip`` left out (read once)."""
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in skip]


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def step(claim: Claim, kind: str) -> str | None:
    """The status after ``kind``, when it can be decided from ``claim.status`` alone
    (as :func:`events.append_known` does); else None."""
    current = claim.status
    if kind in (events.Kind.CREATED, events.Kind.RELEASED) or current == "built":
        return None
    if current not in events.STATUSES:
        return None
    try:
        events.allowed(current, kind)
    except events.NotAllowed:
        return None
    return str(events._after(current, kind, {}, "built"))


def _plain(field: models.Field[Any, Any], value: Any) -> Any:
    """A field's value as JSON for ``json_populate_record``: PostgreSQL reads each back
    into its column's type (numeric, date, timestamptz, jsonb ...)."""
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return value


def _record(obj: models.Model, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {f.column: _plain(f, getattr(obj, f.attname)) for f in _fields(type(obj), skip)}


def _columns(model: type[models.Model], skip: tuple[str, ...], prefix: str = "") -> str:
    return ", ".join(prefix + connection.ops.quote_name(f.column) for f in _fields(model, skip))


@cache
def _statement() -> str:
    """The one statement, the same text for every claim payment (any number of lines and
    entries): each table's rows come as one JSON parameter, read back into its row type
    with ``json_populate_record(set)``. Six parameters, so psycopg keeps its parsed form
    and every value keeps its column's type."""
    cp, lp, le, ev = (_table(m) for m in (ClaimPayment, LinePosting, LedgerEntry, ClaimEvent))
    q = connection.ops.quote_name
    fk = q(LinePosting._meta.get_field("claim_payment").column)
    data = q(ClaimEvent._meta.get_field("data").column)
    lp_skip, ev_skip = ("claim_payment_id",), ("claim_id", "data")
    return (
        f"WITH cp AS (INSERT INTO {cp} ({_columns(ClaimPayment, ())}) "
        f"SELECT {_columns(ClaimPayment, (), 'r.')} "
        f"FROM json_populate_record(NULL::{cp}, %s::json) r RETURNING id), "
        f"lp AS (INSERT INTO {lp} ({fk}, {_columns(LinePosting, lp_skip)}) "
        f"SELECT cp.id, {_columns(LinePosting, lp_skip, 'r.')} "
        f"FROM cp, json_populate_recordset(NULL::{lp}, %s::json) r), "
        f"le AS (INSERT INTO {le} ({_columns(LedgerEntry, ())}) "
        f"SELECT {_columns(LedgerEntry, (), 'r.')} "
        f"FROM json_populate_recordset(NULL::{le}, %s::json) r), "
        f"st AS (UPDATE {_table(Claim)} SET status = %s WHERE id = %s AND status = %s "
        f"RETURNING id) "
        f"INSERT INTO {ev} ({q('claim_id')}, {data}, {_columns(ClaimEvent, ev_skip)}) "
        f"SELECT (SELECT id FROM st), jsonb_set(%s::jsonb, '{{claim_payment}}', "
        f"to_jsonb(cp.id)), {_columns(ClaimEvent, ev_skip, 'r.')} "
        f"FROM cp, json_populate_record(NULL::{ev}, %s::json) r RETURNING (SELECT id FROM cp)"
    )


def post(
    cpay: ClaimPayment,
    lines: list[LinePosting],
    entries: list[LedgerEntry],
    claim: Claim,
    event: ClaimEvent,
    status: str,
) -> int:
    """Write all of it in one statement; the claim payment's id."""
    params = [
        json.dumps(_record(cpay)),
        json.dumps([_record(lp, ("claim_payment_id",)) for lp in lines]),
        json.dumps([_record(le) for le in entries]),
        status,
        claim.pk,
        claim.status,
        json.dumps(event.data),
        json.dumps(_record(event, ("claim_id", "data"))),
    ]
    with connection.cursor() as cursor:
        cursor.execute(_statement(), params)
        (pk,) = cursor.fetchone()
    claim.status = status
    return int(pk)
