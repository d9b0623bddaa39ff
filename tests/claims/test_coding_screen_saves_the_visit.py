"""The coding screen saves the visit through ``update_encounter``: diagnoses and lines
replaced, audited; a stale save is refused with what changed (optimistic locking)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import actions
from cleanclaim.claims.models import Encounter
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit


def _post(encounter: Encounter, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "version": str(encounter.version),
        "dx": ["I10", "E11.9"],
        "procedure": ["99213"],
        "mod1": ["25"],
        "mod2": [""],
        "mod3": [""],
        "mod4": [""],
        "units": ["1"],
        "charge": ["140.00"],
        "pointers": ["BA"],
        "op": "save",
    }
    data.update(extra)
    return data


def _coder(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.CODER])
    return client


def test_it_saves_the_visit_as_typed(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    page = _coder(world).post(f"/visits/{encounter.pk}/code/", _post(encounter))
    assert page.status_code == 200
    assert b"Saved." in page.content
    encounter.refresh_from_db()
    line = encounter.lines.get()
    assert (line.procedure, line.modifiers, line.charge, line.pointers) == (
        "99213",
        ["25"],
        Decimal("140.00"),
        ["B", "A"],
    )
    entry = AuditEntry.objects.filter(
        model="claims.Encounter", object_pk=str(encounter.pk), action="update"
    ).get()
    assert entry.context["version"] == encounter.version == 2
    assert entry.changes["lines"][1][0]["modifiers"] == ["25"]


def test_the_second_stale_save_is_refused_with_what_changed(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    opened = encounter.version
    actions.update_encounter(
        actor,
        encounter,
        expected_version=opened,
        diagnoses=["I10"],
        lines=[{"procedure": "99214", "units": "1", "charge": "180.00", "pointers": ["A"]}],
    )
    with pytest.raises(actions.StaleEdit) as stale:
        actions.update_encounter(
            actor,
            encounter,
            expected_version=opened,
            diagnoses=["J06.9"],
            lines=[{"procedure": "99212", "units": "1", "charge": "85.00", "pointers": ["A"]}],
        )
    assert [c.field for c in stale.value.changed] == ["diagnoses", "lines"]
    assert "diagnoses is now 'I10'" in stale.value.message()
    assert "99214" in stale.value.message()
    encounter.refresh_from_db()
    assert encounter.diagnoses == ["I10"]
    assert encounter.lines.get().procedure == "99214"


def test_the_page_refuses_a_stale_save_and_keeps_the_coders_entries(
    world: World, actor: Actor
) -> None:
    encounter = visit(world, actor)
    stale = _post(encounter, dx=["J06.9"], pointers=["A"])
    actions.update_encounter(
        actor,
        encounter,
        expected_version=None,
        diagnoses=["I10"],
        lines=[{"procedure": "99214", "units": "1", "charge": "180.00", "pointers": ["A"]}],
    )
    page = _coder(world).post(f"/visits/{encounter.pk}/code/", stale)
    assert page.status_code == 409
    assert b"nothing was saved" in page.content
    assert b'value="J06.9"' in page.content  # the coder's entry kept
    assert f'name="version" value="{encounter.version}"'.encode() in page.content
    encounter.refresh_from_db()
    assert encounter.diagnoses == ["I10"]


def test_a_bad_code_is_refused_naming_the_field(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    page = _coder(world).post(f"/visits/{encounter.pk}/code/", _post(encounter, pointers=["AC"]))
    assert page.status_code == 422
    assert b"lines[0].pointers" in page.content
    encounter.refresh_from_db()
    assert encounter.version == 1


def test_a_claim_not_yet_queued_follows_the_visit(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    claim, _ = actions.build_claim(actor, encounter, today=TODAY)
    actions.update_encounter(
        actor,
        encounter,
        expected_version=encounter.version,
        diagnoses=["I10"],
        lines=[{"procedure": "99214", "units": "1", "charge": "180.00", "pointers": ["A"]}],
        today=TODAY,
    )
    claim.refresh_from_db()
    assert claim.diagnoses == ["I10"]
    assert claim.total_charge == Decimal("180.00")
    assert [ln.procedure for ln in claim.lines.all()] == ["99214"]
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds == ["created", "scrubbed", "edited", "scrubbed"]
