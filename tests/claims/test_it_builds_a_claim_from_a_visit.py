"""A coded visit becomes a claim for the primary payer: lines copied with pointers as
numbers, total the sum of the charges, a filing deadline from the payer profile, the
events ``created`` then ``scrubbed`` and the status derived from them."""

from __future__ import annotations

from decimal import Decimal

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import actions
from cleanclaim.testing.personas import World

from .conftest import DOS, TODAY, visit


def test_it_builds_the_claim_for_the_primary_payer(world: World, actor: Actor) -> None:
    encounter = visit(
        world,
        actor,
        lines=[
            {"procedure": "99213", "charge": "125.00", "pointers": ["A", "B"]},
            {"procedure": "36415", "charge": "15.50", "units": "1", "pointers": ["B"]},
        ],
    )
    claim, result = actions.build_claim(actor, encounter, today=TODAY)
    assert claim.payer == world.home.payer and claim.responsibility == "P"
    assert claim.number == f"CC{claim.pk:08d}"
    assert claim.total_charge == Decimal("140.50")
    assert [(ln.procedure, ln.pointers, ln.charge) for ln in claim.lines.all()] == [
        ("99213", [1, 2], Decimal("125.00")),
        ("36415", [2], Decimal("15.50")),
    ]
    assert claim.diagnoses == ["I10", "E11.9"]
    # the test world's payer allows 180 days from the date of service
    assert (claim.filing_due - DOS).days == 180
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds == ["created", "scrubbed"]
    scrubbed = claim.events.get(kind="scrubbed").data
    assert scrubbed["errors"] == sum(1 for f in result.findings if f.severity == "error")
    claim.refresh_from_db()
    assert claim.status == ("errors" if result.has_error else "ready")
    assert AuditEntry.objects.filter(model="claims.Claim", object_pk=str(claim.pk)).exists()


def test_a_line_without_a_charge_takes_the_fee_schedules(world: World, actor: Actor) -> None:
    # the test world's schedule (in force from 2026-01-01) charges 120.00 for 99213
    encounter = visit(world, actor, lines=[{"procedure": "99213", "pointers": ["A"]}])
    claim, _result = actions.build_claim(actor, encounter, today=TODAY)
    assert [ln.charge for ln in claim.lines.all()] == [Decimal("120.00")]
    assert claim.total_charge == Decimal("120.00")


def test_it_refuses_a_line_without_a_charge_the_schedule_lacks(world: World, actor: Actor) -> None:
    encounter = visit(world, actor, lines=[{"procedure": "36415", "pointers": ["A"]}])
    try:
        actions.build_claim(actor, encounter, today=TODAY)
    except actions.Invalid as exc:
        (message,) = exc.message_dict["lines[0].charge"]
        assert message.startswith("line 1 has no charge, and the fee schedule in force on")
        assert message.endswith("has none for 36415")
    else:
        raise AssertionError("a line without a charge was billed")
    assert not encounter.claims.exists()
