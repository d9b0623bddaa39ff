"""Work lists over a few hundred claims: each count on the home page is its list's total,
paging reaches every row once, and each list holds exactly the claims a plain reference
(the events replayed through ``events.status_of``) says it should — scoped to the user."""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cleanclaim.claims import worklists
from cleanclaim.claims.events import Kind, status_of
from cleanclaim.claims.models import Claim, ClaimEvent, Encounter
from cleanclaim.practices.models import User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import Tenant, World, build_world

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC)
TODAY = NOW.date()

SCRUBBED_CLEAN = (Kind.SCRUBBED, {"errors": 0})
#: Event sequences (kind, data) leading to each status; the sending event is last but one.
SEQUENCES: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "built": [],
    "errors": [(Kind.SCRUBBED, {"errors": 1})],
    "ready": [SCRUBBED_CLEAN],
    "queued": [SCRUBBED_CLEAN, (Kind.QUEUED, {})],
    "on_hold": [SCRUBBED_CLEAN, (Kind.HELD, {"reason": "referral"})],
    "submitted": [SCRUBBED_CLEAN, (Kind.QUEUED, {}), (Kind.SUBMITTED, {"batch": 1})],
    "accepted": [
        SCRUBBED_CLEAN,
        (Kind.QUEUED, {}),
        (Kind.SUBMITTED, {"batch": 1}),
        (Kind.ACKNOWLEDGED, {"accepted": True}),
    ],
    "paid": [SCRUBBED_CLEAN, (Kind.QUEUED, {}), (Kind.SUBMITTED, {"batch": 1}), (Kind.PAID, {})],
    "rejected": [
        SCRUBBED_CLEAN,
        (Kind.QUEUED, {}),
        (Kind.SUBMITTED, {"batch": 1}),
        (Kind.ACKNOWLEDGED, {"accepted": False, "problems": [{"text": "Member ID not valid"}]}),
    ],
}
WEIGHTS = {
    "built": 1,
    "errors": 2,
    "ready": 4,
    "queued": 2,
    "on_hold": 1,
    "submitted": 3,
    "accepted": 1,
    "paid": 1,
    "rejected": 1,
}


def _many(tenant: Tenant, n_claims: int, n_uncoded: int, rng: random.Random) -> None:
    """Visits and claims as rows (fast), each claim with the events of its status."""
    day = lambda: TODAY - dt.timedelta(days=rng.randint(1, 120))  # noqa: E731
    encounters = Encounter.objects.bulk_create(
        Encounter(
            practice=tenant.practice,
            patient=tenant.patient,
            rendering_provider=tenant.provider,
            location=tenant.location,
            place_of_service="11",
            service_from=(d := day()),
            service_to=d,
            coverage=tenant.coverage,
            diagnoses=["I10"],
        )
        for _ in range(n_claims + n_uncoded)
    )
    states = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()), k=n_claims)
    claims = Claim.objects.bulk_create(
        Claim(
            practice=tenant.practice,
            encounter=e,
            patient=tenant.patient,
            coverage=tenant.coverage,
            payer=tenant.payer,
            rendering_provider=tenant.provider,
            place_of_service="11",
            service_from=e.service_from,
            service_to=e.service_to,
            total_charge=Decimal(rng.randint(1000, 90000)) / 100,
            filing_due=None if rng.random() < 0.1 else TODAY + dt.timedelta(rng.randint(-20, 300)),
            status=status_of([(Kind.CREATED, {}), *SEQUENCES[state]]) or "",
        )
        for e, state in zip(encounters, states, strict=False)
    )
    rows = []
    for claim, state in zip(claims, states, strict=True):
        sent_ago = rng.randint(0, 70)
        seq = [(Kind.CREATED, {}), *SEQUENCES[state]]
        for i, (kind, data) in enumerate(seq):
            at = NOW - dt.timedelta(days=sent_ago + len(seq) - i)
            if kind in (Kind.QUEUED, Kind.SUBMITTED):
                at = NOW - dt.timedelta(days=sent_ago, hours=len(seq) - i)
            rows.append(ClaimEvent(claim=claim, kind=kind, data=data, at=at, user_label="test"))
    ClaimEvent.objects.bulk_create(rows)


def _reference(user_practices: set[int], days: int) -> dict[str, set[int]]:
    """The lists computed the slow, plain way: replay each claim's events."""
    out: dict[str, set[int]] = {w.slug: set() for w in worklists.LISTS}
    for e in Encounter.objects.filter(practice_id__in=user_practices):
        if not e.claims.exists():
            out["to-code"].add(e.pk)
    cutoff = NOW - dt.timedelta(days=days)
    for c in Claim.objects.filter(practice_id__in=user_practices):
        history = list(c.events.order_by("id").values_list("kind", "data"))
        status = status_of(history)
        assert status == c.status  # the column agrees with the events
        slug = {
            "errors": "errors",
            "ready": "ready",
            "on_hold": "on-hold",
            "rejected": "rejected",
        }.get(status or "")
        if slug:
            out[slug].add(c.pk)
        if status in worklists.UNSENT and c.filing_due is not None:
            out["deadlines"].add(c.pk)
        sent = [e.at for e in c.events.order_by("id") if e.kind in (Kind.QUEUED, Kind.SUBMITTED)]
        acked = any(k == Kind.ACKNOWLEDGED for k, _ in history)
        if status in ("queued", "submitted") and not acked and sent[-1] <= cutoff:
            out["no-answer"].add(c.pk)
    return out


def _pages(client: Client, url: str, pattern: str) -> tuple[list[int], int]:
    """Walk the page links from the first page: the row ids seen and the total shown."""
    seen: list[int] = []
    first = client.get(url)
    assert first.status_code == 200
    total = int(re.search(r'<p class="total">(\d+) ', first.content.decode())[1])  # type: ignore[index]
    page, body = 1, first.content.decode()
    while True:
        seen += [int(pk) for pk in re.findall(pattern, body)]
        nxt = re.search(r'href="\?([^"]*page=(\d+))" rel="next"', body)
        if nxt is None:
            break
        assert int(nxt[2]) == page + 1
        page += 1
        response = client.get(url + "?" + nxt[1].replace("&amp;", "&"))
        assert response.status_code == 200
        body = response.content.decode()
    return seen, total


@time_machine.travel(NOW, tick=False)
def test_it_counts_lists_and_pages_every_row(settings: Any) -> None:
    settings.NO_ANSWER_DAYS = 30
    world: World = build_world()
    rng = random.Random(13)
    _many(world.home, 320, 70, rng)
    _many(world.outsider, 40, 10, rng)  # another organisation: never counted nor listed
    manager = User.objects.get(pk=world.home.users[Role.MANAGER].pk)  # roles not cached
    client = Client()
    client.force_login(manager)

    expected = _reference({world.home.practice.pk}, 30)
    assert all(expected[slug] for slug in expected)
    assert len(expected["ready"]) > 50 and len(expected["to-code"]) > 50  # paged

    with CaptureQueriesContext(connection) as queries:
        counts = {w.slug: n for w, n in worklists.counts(manager, today=TODAY, now=NOW)}
    assert len(queries) <= 4  # aggregates in the database, not one query per claim
    assert counts == {slug: len(ids) for slug, ids in expected.items()}

    home = client.get("/").content.decode()
    for slug, n in counts.items():
        url = "/visits/to-code/" if slug == "to-code" else f"/claims/lists/{slug}/"
        assert re.search(rf'<a href="{url}">{n}</a>', home), slug
        seen, total = _pages(client, url, r'<tr id="row-(\d+)">')
        assert total == n
        assert len(seen) == len(set(seen)) == n  # every row once, none dropped
        assert set(seen) == expected[slug]
