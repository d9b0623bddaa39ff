"""Work list pages: filters (ids and dates in the URL, never a name), sorting, a bad
parameter named on the page (not a 500), a list the role does not see refused, and the
home page's lists by role — coders the visits, billers the claims, managers all, front
desk none."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client

from cleanclaim.claims.models import Claim
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = pytest.mark.django_db


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def _ready_claims(world: World) -> list[Claim]:
    """Three copies of the world's claim, marked ready, on different days and amounts."""
    base = world.home.claim
    made = []
    for i, (day, amount) in enumerate(
        [
            (dt.date(2026, 3, 1), "300.00"),
            (dt.date(2026, 1, 10), "90.00"),
            (dt.date(2026, 2, 5), "150.00"),
        ]
    ):
        claim = Claim.objects.get(pk=base.pk)
        claim.pk = None
        claim.number = f"WL{i}"
        claim.service_from = claim.service_to = day
        claim.total_charge = Decimal(amount)
        claim.status = "ready"
        claim.save()
        made.append(claim)
    return made


def _rows(body: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<tr id="row-(\d+)">', body)]


def test_it_sorts_by_amount_and_date_and_filters_by_date(world: World) -> None:
    a, b, c = _ready_claims(world)
    biller = _client(world, Role.BILLER)
    assert _rows(biller.get("/claims/lists/ready/?sort=amount").content.decode()) == [
        b.pk,
        c.pk,
        a.pk,
    ]
    assert _rows(biller.get("/claims/lists/ready/?sort=-date").content.decode()) == [
        a.pk,
        c.pk,
        b.pk,
    ]
    page = biller.get(
        "/claims/lists/ready/?date_from=2026-02-01&date_to=2026-02-28"
    ).content.decode()
    assert _rows(page) == [c.pk]
    other = world.home.payer.pk + 1000
    assert _rows(biller.get(f"/claims/lists/ready/?payer={other}").content.decode()) == []
    assert (
        len(
            _rows(
                biller.get(
                    f"/claims/lists/ready/?provider={world.home.provider.pk}"
                ).content.decode()
            )
        )
        == 3
    )


def test_a_bad_filter_is_named_and_ignored(world: World) -> None:
    _ready_claims(world)
    response = _client(world, Role.BILLER).get(
        "/claims/lists/ready/?date_from=yesterday&payer=Acme"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "date_from: expected a date as YYYY-MM-DD" in body
    assert "payer: expected an id" in body
    assert len(_rows(body)) == 3


def test_an_unknown_list_is_not_found(world: World) -> None:
    biller = _client(world, Role.BILLER)
    assert biller.get("/claims/lists/nothing/").status_code == 404
    assert biller.get("/claims/lists/to-code/").status_code == 404  # the visits' own page


def test_the_home_page_shows_each_role_its_lists(world: World) -> None:
    labels = {
        Role.CODER: {"Visits to code"},
        Role.BILLER: {
            "Claims with errors",
            "Ready to submit",
            "On hold",
            "Nearest deadlines",
            "No answer",
        },
    }
    labels[Role.MANAGER] = labels[Role.CODER] | labels[Role.BILLER]
    every = labels[Role.MANAGER]
    for role, wanted in labels.items():
        body = _client(world, role).get("/").content.decode()
        shown = {label for label in every if f">{label}</a>" in body}
        assert shown == wanted, role
        assert "<svg" in body and "style=" not in body
        assert not re.search(r"<script(?![^>]*\bsrc=)", body)  # no inline script (CSP)
    front = _client(world, Role.FRONT_DESK).get("/")
    assert front.status_code == 302  # to the first page the role allows; no lists
    assert _client(world, Role.FRONT_DESK).get("/claims/lists/ready/").status_code == 403
    assert _client(world, Role.CODER).get("/claims/lists/ready/").status_code == 403
    assert _client(world, Role.BILLER).get("/visits/to-code/").status_code == 403


def test_the_deadline_list_flags_a_past_due_claim(world: World) -> None:
    a, b, _ = _ready_claims(world)
    Claim.objects.filter(pk=a.pk).update(filing_due=dt.date(2000, 1, 1))
    Claim.objects.filter(pk=b.pk).update(filing_due=dt.date(2999, 1, 1))
    body = _client(world, Role.BILLER).get("/claims/lists/deadlines/").content.decode()
    assert _rows(body)[:2] == [a.pk, b.pk]  # soonest first
    assert "Past due" in body
