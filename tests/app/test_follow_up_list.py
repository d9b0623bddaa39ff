"""A call logged with a follow-up date appears on the biller's home page when the
date comes, oldest first, leaves it when marked done, and is never shown to
someone who does not work at the call's practice.

Bea is the home biller (Northside Family Practice); Pia bills only for
Northside Pediatrics; the Southside biller is the outsider."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.payercalls.models import Call
from cleanclaim.practices.models import Membership, User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

TODAY = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _log(world: World, client: Client, follow_up_on: str, reference: str) -> Call:
    response = client.post(
        reverse("payercalls:call_new", kwargs={"pk": world.home.payer.pk}),
        {
            "practice": world.home.practice.pk,
            "called_at": "2026-03-02T09:15",
            "reached": "Rhonda at the claims desk",
            "reference": reference,
            "learned": "Claim pended for the referral",
            "follow_up_on": follow_up_on,
        },
    )
    assert response.status_code == 302, response.content
    return Call.objects.get(reference=reference)


def _home(user: User) -> str:
    response = _client(user).get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_a_follow_up_once_its_date_comes(world: World) -> None:
    biller = world.home.users[Role.BILLER]
    with time_machine.travel(TODAY, tick=False):
        _log(world, _client(biller), "2026-03-09", "REF-NEXT-WEEK")
        assert "REF-NEXT-WEEK" not in _home(biller)
    with time_machine.travel(TODAY + dt.timedelta(days=7), tick=False):
        page = _home(biller)
        assert "REF-NEXT-WEEK" in page
        assert "2026-03-09 (overdue)" not in page  # due today
    with time_machine.travel(TODAY + dt.timedelta(days=30), tick=False):
        assert "2026-03-09 (overdue)" in _home(biller)


def test_it_lists_the_oldest_follow_up_first(world: World) -> None:
    biller = world.home.users[Role.BILLER]
    with time_machine.travel(TODAY, tick=False):
        client = _client(biller)
        _log(world, client, "2026-03-01", "REF-YESTERDAY")
        _log(world, client, "2026-02-20", "REF-LAST-MONTH")
        page = _home(biller)
    # the test world's own call (follow up 2026-01-12) is older still
    order = [page.index(world.home.call.reference), page.index("REF-LAST-MONTH")]
    order.append(page.index("REF-YESTERDAY"))
    assert order == sorted(order)


def test_it_takes_a_call_off_the_list_when_done(world: World) -> None:
    biller = world.home.users[Role.BILLER]
    call = world.home.call
    assert call is not None
    client = _client(biller)
    assert call.reference in _home(biller)
    response = client.post(
        reverse("payercalls:call_done", kwargs={"pk": call.pk}),
        {"version": call.version, "next": "home"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert call.reference not in _home(biller)
    call.refresh_from_db()
    assert call.done and call.version == 2
    entry = AuditEntry.objects.get(model="payercalls.Call", action="update")
    assert entry.changes == {"done": [False, True]}
    assert entry.practice_id == world.home.practice.pk


def test_it_refuses_done_from_a_stale_page(world: World) -> None:
    call = world.home.call
    assert call is not None
    Call.objects.filter(pk=call.pk).update(version=5)
    client = _client(world.home.users[Role.MANAGER])
    response = client.post(
        reverse("payercalls:call_done", kwargs={"pk": call.pk}),
        {"version": "1", "next": "call"},
        follow=True,
    )
    assert "nothing was saved" in response.content.decode()
    call.refresh_from_db()
    assert not call.done


def test_it_shows_nobody_the_follow_ups_of_another_practice(world: World) -> None:
    assert world.home.other_practice is not None and world.home.call is not None
    pia = User.objects.create_user("pia@northside.test", None, organisation=world.home.organisation)
    Membership.objects.create(user=pia, practice=world.home.other_practice, role=Role.BILLER)
    assert world.home.call.reference not in _home(pia)
    assert world.home.call.reference not in _home(world.outsider.users[Role.BILLER])
    assert world.outsider.call is not None
    assert world.outsider.call.reference in _home(world.outsider.users[Role.BILLER])


def test_it_records_the_follow_up_list_as_a_read(world: World) -> None:
    _home(world.home.users[Role.BILLER])
    entry = AuditEntry.objects.get(model="payercalls.Call", action="read")
    assert entry.context["shown"] == [str(world.home.call.pk)]  # type: ignore[union-attr]


def test_it_still_sends_others_to_their_first_page(world: World) -> None:
    response = _client(world.home.users[Role.FRONT_DESK]).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("appointments:today")  # the day's schedule
