"""A fix from the registry is applied in one click and recorded with its finding id: a
``fix applied`` event on the visit's claim not yet queued (then scrubbed again), else in
the visit's audit entry."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import actions, fixes
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit

VENIPUNCTURE_25 = {
    "procedure": "36415",
    "modifiers": ["25"],
    "units": "1",
    "charge": "15.00",
    "pointers": ["A"],
}
OFFICE_VISIT = {"procedure": "99213", "modifiers": [], "units": "1", "charge": "125.00"}


def test_the_registry_has_one_fix_per_finding_with_stable_ids() -> None:
    ids = [f.id for f in fixes.FIXES]
    assert len(ids) == len(set(ids)) and all(i.startswith("fix.") for i in ids)
    assert len(fixes.BY_FINDING) == len(fixes.FIXES)
    assert fixes.BY_FINDING["DX-PTR-001"].id == "fix.drop-missing-pointers"


def test_a_fix_that_does_not_apply_to_the_line_offers_no_button() -> None:
    draft = fixes.Draft(["I10"], [{**OFFICE_VISIT, "modifiers": ["25"], "pointers": ["A"]}])
    assert fixes.fix_for("MOD-002", draft, 1) is None  # 25 belongs on an E/M
    assert fixes.fix_for("MOD-002", draft, 2) is None  # no such line
    assert fixes.fix_for("NO-SUCH-RULE", draft, 1) is None


def test_without_a_claim_the_fix_is_in_the_visits_audit_entry(world: World, actor: Actor) -> None:
    encounter = visit(world, actor, diagnoses=["I10"], lines=[{**OFFICE_VISIT, "pointers": ["A"]}])
    actions.apply_fix(
        actor,
        encounter,
        finding="DX-PTR-001",
        line=1,
        expected_version=encounter.version,
        diagnoses=["I10"],
        lines=[{**OFFICE_VISIT, "pointers": ["A", "B"]}],
    )
    encounter.refresh_from_db()
    assert encounter.lines.get().pointers == ["A"]
    entry = AuditEntry.objects.get(
        model="claims.Encounter", object_pk=str(encounter.pk), action="update"
    )
    assert entry.context["fix_applied"]["finding"] == "DX-PTR-001"
    assert entry.context["fix_applied"]["fix"] == "fix.drop-missing-pointers"


def test_with_a_claim_the_fix_is_an_event_and_the_claim_is_scrubbed_again(
    world: World, actor: Actor
) -> None:
    lines = [{**OFFICE_VISIT, "pointers": ["A"]}, VENIPUNCTURE_25]
    encounter = visit(world, actor, diagnoses=["I10"], lines=lines)
    claim, result = actions.build_claim(actor, encounter, today=TODAY)
    assert "MOD-002" in {f.rule for f in result.findings}
    assert claim.status == "errors"
    actions.apply_fix(
        actor,
        encounter,
        finding="MOD-002",
        line=2,
        expected_version=encounter.version,
        diagnoses=["I10"],
        lines=lines,
        today=TODAY,
    )
    claim.refresh_from_db()
    assert [ln.modifiers for ln in claim.lines.all()] == [[], []]
    assert claim.total_charge == Decimal("140.00")
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds == ["created", "scrubbed", "fix_applied", "scrubbed"]
    applied = claim.events.get(kind="fix_applied")
    assert applied.data["finding"] == "MOD-002" and applied.data["line"] == 2
    assert claim.status == "ready"


def test_a_fix_that_does_not_apply_is_refused(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    with pytest.raises(actions.Invalid) as refused:
        actions.apply_fix(
            actor,
            encounter,
            finding="MOD-002",
            line=1,
            expected_version=encounter.version,
            diagnoses=["I10", "E11.9"],
            lines=[{**OFFICE_VISIT, "pointers": ["A", "B"]}],
        )
    assert "no fix applies to finding 'MOD-002' on line 1" in str(refused.value.message_dict)
    encounter.refresh_from_db()
    assert encounter.version == 1


def test_the_first_pointer_moves_to_a_billable_diagnosis_and_is_recorded(
    world: World, actor: Actor
) -> None:
    # E11 is a header code (DX-NB-001): as the line's first pointer it is its primary dx
    diagnoses = ["E11", "I10", "E78.5"]
    lines = [{**OFFICE_VISIT, "pointers": ["A", "C", "B"]}]
    encounter = visit(world, actor, diagnoses=diagnoses, lines=lines)
    claim, result = actions.build_claim(actor, encounter, today=TODAY)
    assert "DX-NB-001" in {f.rule for f in result.findings}
    actions.apply_fix(
        actor,
        encounter,
        finding="DX-NB-001",
        line=None,
        expected_version=encounter.version,
        diagnoses=diagnoses,
        lines=lines,
        today=TODAY,
    )
    encounter.refresh_from_db()
    assert encounter.lines.get().pointers == ["C", "A", "B"]
    claim.refresh_from_db()
    assert [ln.pointers for ln in claim.lines.all()] == [[3, 1, 2]]  # SV107: C, A, B
    applied = claim.events.get(kind="fix_applied")
    assert applied.data["finding"] == "DX-NB-001"
    assert applied.data["fix"] == "fix.first-pointer-billable"


def test_the_billable_pointer_fix_needs_a_billable_diagnosis_on_the_line() -> None:
    only_header = fixes.Draft(
        ["E11", "I10"], [{**OFFICE_VISIT, "pointers": ["A"]}], not_billable=frozenset({"E11"})
    )
    assert fixes.fix_for("DX-NB-001", only_header, None) is None
    billable_first = fixes.Draft(
        ["I10", "E11"], [{**OFFICE_VISIT, "pointers": ["A", "B"]}], not_billable=frozenset({"E11"})
    )
    assert fixes.fix_for("DX-NB-001", billable_first, None) is None


def test_a_refused_billable_pointer_fix_changes_nothing(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)  # I10 and E11.9 both billable
    with pytest.raises(actions.Invalid) as refused:
        actions.apply_fix(
            actor,
            encounter,
            finding="DX-NB-001",
            line=None,
            expected_version=encounter.version,
            diagnoses=["I10", "E11.9"],
            lines=[{**OFFICE_VISIT, "pointers": ["A", "B"]}],
        )
    assert "no fix applies to finding 'DX-NB-001'" in str(refused.value.message_dict)
