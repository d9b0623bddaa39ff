"""PostgreSQL: a claim payment posted in one statement (decision 1060).

:func:`post` writes what :func:`cleanclaim.remits.actions._post_one`'s normal path
writes for a matched claim payment -- the :class:`ClaimPayment` row, its line postings,
its ledger entries, the claim's status step and its event -- as one ``INSERT`` with
data-modifying CTEs, so one round trip; in autocommit a single statement is its own
transaction (atomic). The rows are built by the models (their defaults apply) and each
value is prepared by its field, as the ORM would.

It returns ``False`` (nothing written) where the normal path must decide: a held
posting (the denials hook), an underpayment, a second event (crossover), or a status
step that needs the claim's history. When the claim's status is no longer the one read,
the event's ``claim_id`` comes out NULL and the statement fails whole: the caller falls
back to the normal path; a duplicate key fails it whole too (``IntegrityError``)."""

from __future__ import annotations

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
def _shape(
    model: type[models.Model], skip: tuple[str, ...]
) -> tuple[list[str], list[str], list[models.Field[Any, Any]]]:
    """Columns, cast placeholders and fields of ``model``'s insert (read once)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in skip]
    cols = [connection.ops.quote_name(f.column) for f in fields]
    marks = [f"%s::{f.db_type(connection)}" for f in fields]
    return cols, marks, fields


def _row(obj: models.Model, skip: tuple[str, ...] = ()) -> tuple[list[str], list[str], list[Any]]:
    cols, marks, fields = _shape(type(obj), skip)
    return cols, marks, [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]


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


def post(
    cpay: ClaimPayment,
    lines: list[LinePosting],
    entries: list[LedgerEntry],
    claim: Claim,
    event: ClaimEvent,
    status: str,
) -> int:
    """Write all of it in one statement; the claim payment's id."""
    parts: list[str] = []
    params: list[Any] = []
    cols, marks, p = _row(cpay)
    parts.append(
        f"cp AS (INSERT INTO {_table(ClaimPayment)} ({', '.join(cols)}) "
        f"VALUES ({', '.join(marks)}) RETURNING id)"
    )
    params += p
    fk = connection.ops.quote_name(LinePosting._meta.get_field("claim_payment").column)
    for n, lp in enumerate(lines):
        cols, marks, p = _row(lp, skip=("claim_payment_id",))
        parts.append(
            f"lp{n} AS (INSERT INTO {_table(LinePosting)} ({fk}, {', '.join(cols)}) "
            f"SELECT cp.id, {', '.join(marks)} FROM cp)"
        )
        params += p
    for n, le in enumerate(entries):
        cols, marks, p = _row(le)
        parts.append(
            f"le{n} AS (INSERT INTO {_table(LedgerEntry)} ({', '.join(cols)}) "
            f"VALUES ({', '.join(marks)}))"
        )
        params += p
    parts.append(
        f"st AS (UPDATE {_table(Claim)} SET status = %s WHERE id = %s AND status = %s RETURNING id)"
    )
    params += [status, claim.pk, claim.status]
    cols, marks, p = _row(event, skip=("claim_id", "data"))
    data = ClaimEvent._meta.get_field("data")
    sql = (
        "WITH "
        + ", ".join(parts)
        + f" INSERT INTO {_table(ClaimEvent)} ({connection.ops.quote_name('claim_id')}, "
        + connection.ops.quote_name(data.column)
        + f", {', '.join(cols)}) SELECT (SELECT id FROM st), "
        + "jsonb_set(%s::jsonb, '{claim_payment}', to_jsonb(cp.id)), "
        + ", ".join(marks)
        + " FROM cp RETURNING (SELECT id FROM cp)"
    )
    params += [data.get_db_prep_save(event.data, connection), *p]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        (pk,) = cursor.fetchone()
    claim.status = status
    return int(pk)
