"""A sent claim is voided by a NEW claim of frequency 8 (CLM05-3) linked to it, with its
lines and the payer's claim control number (REF*F8); the original gets ``voided`` with
the reason and is never edited in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions, events
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim
from cleanclaim.claims.x837p import write_837p
from cleanclaim.testing.personas import World
from cleanclaim.x12 import parse, validate

from .conftest import TODAY, visit

Referee = Callable[[str], tuple[bool, list[dict[str, Any]]]]


def _sent(world: World, actor: Actor) -> Claim:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    actions.queue_claim(actor, claim, today=TODAY)
    events.append(actor, claim, Kind.SUBMITTED, {"batch": 1})
    claim.refresh_from_db()
    return claim


def test_a_sent_claim_is_voided_by_a_new_frequency_8_claim(world: World, actor: Actor) -> None:
    original = _sent(world, actor)
    before = (original.version, original.total_charge, original.payer_claim_control_number)
    void, _ = actions.void_claim(
        actor, original, "billed to the wrong patient", payer_claim_control_number="ICN778899"
    )
    assert void.pk != original.pk and void.number != original.number
    assert void.frequency == "8" and void.replaces == original
    assert void.payer_claim_control_number == "ICN778899"
    assert [(ln.procedure, ln.charge, ln.pointers) for ln in void.lines.all()] == [
        (ln.procedure, ln.charge, ln.pointers) for ln in original.lines.all()
    ]
    assert void.total_charge == original.total_charge
    assert list(void.events.values_list("kind", flat=True)) == ["created", "scrubbed"]
    assert void.events.get(kind="created").data["voids"] == original.number
    assert void.status == events.status_of(void.events.values_list("kind", "data"))
    original.refresh_from_db()
    assert original.status == "voided"
    voided = original.events.get(kind="voided")
    assert voided.data == {"reason": "billed to the wrong patient", "void": void.number}
    assert (original.version, original.total_charge, original.payer_claim_control_number) == before


def test_the_originals_control_number_is_carried(world: World, actor: Actor) -> None:
    original = _sent(world, actor)
    Claim.objects.filter(pk=original.pk).update(payer_claim_control_number="PAYER-0042")
    original.refresh_from_db()
    void, _ = actions.void_claim(actor, original, "duplicate")
    assert void.payer_claim_control_number == "PAYER-0042"


def test_without_a_control_number_the_void_is_refused_naming_the_field(
    world: World, actor: Actor
) -> None:
    original = _sent(world, actor)
    with pytest.raises(actions.Invalid) as refused:
        actions.void_claim(actor, original, "duplicate")
    assert "payer_claim_control_number" in refused.value.message_dict
    with pytest.raises(actions.Invalid) as no_reason:
        actions.void_claim(actor, original, "  ", payer_claim_control_number="X1")
    assert "reason" in no_reason.value.message_dict
    original.refresh_from_db()
    assert original.status == "submitted"
    assert Claim.objects.filter(replaces=original).count() == 0


def test_a_claim_not_sent_or_a_void_cannot_be_voided(world: World, actor: Actor) -> None:
    ready, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    with pytest.raises(events.NotAllowed, match="only a claim sent to the payer"):
        actions.void_claim(actor, ready, "duplicate", payer_claim_control_number="X1")
    void, _ = actions.void_claim(
        actor, _sent(world, actor), "duplicate", payer_claim_control_number="X1"
    )
    actions.queue_claim(actor, void, today=TODAY)
    events.append(actor, void, Kind.SUBMITTED, {"batch": 2})
    void.refresh_from_db()
    with pytest.raises(events.NotAllowed, match="itself a void"):
        actions.void_claim(actor, void, "again", payer_claim_control_number="X1")


def test_the_837p_of_a_void_has_clm05_3_8_and_ref_f8_and_passes_pyx12(
    world: World, actor: Actor, pyx12_validate: Referee
) -> None:
    void, _ = actions.void_claim(
        actor, _sent(world, actor), "duplicate", payer_claim_control_number="ICN778899"
    )
    text = write_837p([void], now=dt.datetime(2026, 2, 1, 9, 30, tzinfo=dt.UTC))
    segments = text.split("~")
    clm = next(s for s in segments if s.strip().startswith("CLM*"))
    assert clm.split("*")[5].split(":")[2] == "8"
    assert any(s.strip() == "REF*F8*ICN778899" for s in segments)
    ok, errors = pyx12_validate(text)
    assert ok and errors == [], errors
    assert validate(parse(text)).findings() == []
