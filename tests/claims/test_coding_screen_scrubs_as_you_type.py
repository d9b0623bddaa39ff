"""The scrubber checks the visit as typed (a dry build: nothing written) and each finding
comes back beside its field, with an Apply button where the fixes registry has a fix."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim, ClaimEvent
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .conftest import visit


def _typed(**extra: list[str]) -> dict[str, list[str]]:
    data = {
        "version": ["1"],
        "dx": ["I10"],
        "procedure": ["99213"],
        "mod1": [""],
        "mod2": [""],
        "mod3": [""],
        "mod4": [""],
        "units": ["1"],
        "charge": ["125.00"],
        "pointers": ["AB"],
    }
    data.update(extra)
    return data


def _check(world: World, pk: int, data: dict[str, list[str]]) -> str:
    client = Client()
    client.force_login(world.home.users[Role.CODER])
    answer = client.post(f"/visits/{pk}/code/check/", data, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200
    return answer.content.decode()


def _slot(html: str, slot: str) -> str:
    start = html.index(f'id="find-{slot}"')
    return html[start : html.index("</div>\n", start)]


def test_a_pointer_to_a_missing_diagnosis_shows_beside_its_line_with_its_fix(
    world: World, actor: Actor
) -> None:
    encounter = visit(world, actor)
    claims, events = Claim.objects.count(), ClaimEvent.objects.count()
    html = _check(world, encounter.pk, _typed())
    line = _slot(html, "line-1")
    assert "DX-PTR-001" in line
    assert 'value="fix:DX-PTR-001:1"' in line and "Remove the pointers to missing" in line
    assert "DX-PTR-001" not in _slot(html, "dx-0")
    assert (Claim.objects.count(), ClaimEvent.objects.count()) == (claims, events)
    encounter.refresh_from_db()
    assert encounter.diagnoses == ["I10", "E11.9"]  # the saved visit is untouched


def test_modifier_25_off_an_em_shows_beside_the_modifiers(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    html = _check(world, encounter.pk, _typed(procedure=["36415"], mod1=["25"], pointers=["A"]))
    mods = _slot(html, "mod-1")
    assert "MOD-002" in mods and 'value="fix:MOD-002:1"' in mods
    assert "DX-PTR-001" not in html


@time_machine.travel(dt.datetime(2026, 2, 1, 15, tzinfo=dt.UTC), tick=False)
def test_a_clean_visit_says_so(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    html = _check(world, encounter.pk, _typed(pointers=["A"]))
    assert "No findings: the claim would be clean." in html
    assert 'class="finding ' not in html


def test_an_amount_that_cannot_be_read_is_named(world: World, actor: Actor) -> None:
    encounter = visit(world, actor)
    html = _check(world, encounter.pk, _typed(units=["one"]))
    assert "line 1 units" in html


def test_a_header_code_first_on_a_line_offers_to_point_it_at_a_billable_one(
    world: World, actor: Actor
) -> None:
    encounter = visit(world, actor)
    html = _check(world, encounter.pk, _typed(dx=["E11", "I10"], pointers=["AB"]))
    assert "DX-NB-001" in html
    assert 'value="fix:DX-NB-001:"' in html
    assert "Point the line&#x27;s first pointer at a billable diagnosis" in html


def test_a_header_code_only_pointed_second_offers_no_pointer_fix(
    world: World, actor: Actor
) -> None:
    encounter = visit(world, actor)
    html = _check(world, encounter.pk, _typed(dx=["E11", "I10"], pointers=["BA"]))
    assert "DX-NB-001" in html
    assert 'value="fix:DX-NB-001:"' not in html
