"""A provider's favourites: the codes they bill most, learned from their claims, with the
coder's pins and hides; shown on the coding screen as one-key picks."""

from __future__ import annotations

import pytest
from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import actions, favourites
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit


def _bill(world: World, actor: Actor, dx: list[str], procedure: str) -> None:
    line = {"procedure": procedure, "units": "1", "charge": "50.00", "pointers": ["A"]}
    actions.build_claim(actor, visit(world, actor, diagnoses=dx, lines=[line]), today=TODAY)


def test_it_learns_the_codes_the_provider_bills_most(world: World, actor: Actor) -> None:
    provider = world.home.provider
    for _ in range(3):  # the test world's own claim bills 99213 once
        _bill(world, actor, ["J06.9"], "99212")
    for _ in range(2):
        _bill(world, actor, ["I10", "J06.9"], "99214")
    assert favourites.learned(provider, "procedure") == ["99212", "99214", "99213"]
    assert favourites.learned(provider, "diagnosis")[0] == "J06.9"
    picks = favourites.for_provider(provider)
    assert (picks[0].kind, picks[0].code, picks[0].key) == ("diagnosis", "J06.9", "1")


def test_pins_come_first_and_a_hidden_code_is_not_offered(world: World, actor: Actor) -> None:
    provider = world.home.provider
    _bill(world, actor, ["J06.9"], "99212")
    favourites.set_pinned(actor, provider, "procedure", "36415", pinned=True)
    favourites.set_pinned(actor, provider, "procedure", "99212", pinned=False)
    procedures = [f for f in favourites.for_provider(provider) if f.kind == "procedure"]
    assert [(f.code, f.pinned) for f in procedures] == [("36415", True), ("99213", False)]
    assert AuditEntry.objects.filter(model="claims.FavouriteCode").count() == 2


def test_a_code_of_the_wrong_shape_is_refused(world: World, actor: Actor) -> None:
    with pytest.raises(actions.Invalid) as refused:
        favourites.set_pinned(actor, world.home.provider, "procedure", "I10", pinned=True)
    assert "is not a procedure code" in str(refused.value.message_dict["code"])


def test_the_screen_shows_them_as_one_key_picks_and_adds_one(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    favourites.set_pinned(actor, world.home.provider, "diagnosis", "J06.9", pinned=True)
    client = Client()
    client.force_login(world.home.users[Role.CODER])
    page = client.get(f"/visits/{encounter.pk}/code/")
    assert page.status_code == 200
    assert b'value="add_dx:J06.9"' in page.content and b'data-key="1"' in page.content
    added = client.post(
        f"/visits/{encounter.pk}/code/",
        {"version": "1", "dx": ["I10"], "op": "add_dx:J06.9"},
        HTTP_HX_REQUEST="true",
    )
    assert added.status_code == 200
    assert b'aria-label="Diagnosis B"' in added.content and b'value="J06.9"' in added.content
    encounter.refresh_from_db()
    assert encounter.diagnoses == ["I10", "E11.9"]  # not saved until Save
