"""Interchange, group and transaction control numbers (ISA13, GS06, ST02).

ISA13 is a nine-digit number the sender never reuses with a receiver (X12.5 and the
837P guide's appendix); GS06 and ST02 must be unique within their interchange and
group, and clearinghouses look for reuse of either. One database counter per
connection (:class:`cleanclaim.clearinghouses.models.ControlCounter`) hands out the
next number with a single ``UPDATE ... SET last = last + 1`` inside a transaction:
the row lock (PostgreSQL) or the database write lock (SQLite, ``BEGIN IMMEDIATE``)
makes two workers queue. The number is committed with the batch that uses it, and
the file is uploaded only after that commit, so a number once sent is never drawn
again, across restarts too. The three numbers of one batch are the same value, so a
999 or 277CA naming any of them points back to one batch. See
docs/decisions/0801-control-numbers-from-a-database-counter.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from cleanclaim.clearinghouses.models import Connection, ControlCounter

#: ISA13 is nine digits (X12 element I12, ``000000001``–``999999999``).
MAX_CONTROL_NUMBER = 999_999_999


class ControlNumbersExhausted(Exception):
    """Every nine-digit ISA13 has been used on this connection."""


@dataclass(frozen=True)
class Numbers:
    isa13: int
    gs06: int
    st02: int


def next_numbers(connection: Connection) -> Numbers:
    """The next unused control numbers of ``connection``, committed before return
    (or with the caller's transaction, which then holds the counter until it ends)."""
    with transaction.atomic():
        ControlCounter.objects.get_or_create(connection=connection)
        ControlCounter.objects.filter(connection=connection).update(last=F("last") + 1)
        value = ControlCounter.objects.values_list("last", flat=True).get(connection=connection)
    if value > MAX_CONTROL_NUMBER:
        raise ControlNumbersExhausted(
            f"connection {connection.name}: every ISA13 up to {MAX_CONTROL_NUMBER} is used"
        )
    return Numbers(isa13=value, gs06=value, st02=value)
