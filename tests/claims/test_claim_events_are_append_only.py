"""Claim events cannot be changed or removed: not through the model, not through a
queryset, not by SQL (a trigger on SQLite and on PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.claims.models import AppendOnlyError, ClaimEvent
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit


def test_the_model_and_queryset_refuse(world: World, actor: Actor) -> None:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    event = claim.events.first()
    assert event is not None
    event.kind = "paid"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        ClaimEvent.objects.filter(claim=claim).update(kind="paid")
    with pytest.raises(AppendOnlyError):
        ClaimEvent.objects.filter(claim=claim).delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE claims_claimevent SET kind = 'paid'",
        "DELETE FROM claims_claimevent",
    ],
)
def test_the_database_refuses_sql(world: World, actor: Actor, sql: str) -> None:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert sorted(claim.events.values_list("kind", flat=True)) == ["created", "scrubbed"]
