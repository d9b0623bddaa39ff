"""The rule catalogue page is generated from the scrubber's registry: every rule with
its id (as an anchor), category, severity, meaning, fix, source and CARC, grouped by
category; the payer rules of the set-up are listed too."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from cleanclaim.edits import CATEGORIES, catalogue
from cleanclaim.edits.context import load_payer_rules
from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client_as) -> str:
    r = client_as(Role.BILLER).get(reverse("scrubbing:rules"))
    assert r.status_code == 200
    return html.unescape(r.content.decode())


def _row(body: str, rule_id: str) -> str:
    return body.split(f'<tr id="{rule_id}">', 1)[1].split("</tr>", 1)[0]


def test_it_lists_every_registry_rule_with_an_anchor(page: str) -> None:
    rows = catalogue()
    assert len(rows) > 30
    for r in rows:
        row = _row(page, str(r["id"]))
        for key in ("severity", "meaning", "fix", "source"):
            assert str(r[key]) in row, (r["id"], key)
        assert (str(r["carc"]) if r["carc"] else "—") in row


def test_it_groups_rules_under_their_category(page: str) -> None:
    positions = {}
    for r in catalogue():
        heading = page.index(f'<h2 id="category-{r["category"]}">')
        positions.setdefault(r["category"], heading)
        start = page.index(f'<tr id="{r["id"]}">')
        following = [
            page.index(f'<h2 id="category-{c}">')
            for c in CATEGORIES
            if f'<h2 id="category-{c}">' in page and page.index(f'<h2 id="category-{c}">') > heading
        ]
        assert heading < start < min(following, default=len(page)), r["id"]
    order = sorted(positions, key=positions.get)
    assert order == [c for c in CATEGORIES if c in positions]  # the order


def test_it_lists_the_payer_rules_of_the_set_up(page: str) -> None:
    rules = load_payer_rules()
    assert rules
    for r in rules:
        assert r.meaning in _row(page, r.id)


def test_it_names_the_categories_the_app_checks_later(page: str) -> None:
    assert 'id="category-coverage"' in page and 'id="category-auth"' in page


def test_it_is_for_billers(client_as) -> None:
    for role in (Role.FRONT_DESK, Role.CODER, Role.MANAGER, Role.ADMIN):
        assert client_as(role).get(reverse("scrubbing:rules")).status_code == 403


def test_it_lists_the_same_rule_ids_as_the_cli(page: str) -> None:
    for r in catalogue():
        assert f'<tr id="{r["id"]}">' in page
    for kind_id in ("PAYER-AUTH", "PAYER-NOT-COVERED", "PAYER-UNITS"):
        assert f'<tr id="{kind_id}">' in page
