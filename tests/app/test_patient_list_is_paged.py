"""Today's patient list shows the total and pages through every patient (it used to drop
rows past 50 without a word); the search terms stay in the POST body across pages."""

from __future__ import annotations

import datetime as dt
import re

from django.test import Client

from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.tenancy.scoping import scoped
from cleanclaim.testing.personas import World


def _many(world: World, n: int) -> None:
    Patient.objects.bulk_create(
        Patient(
            practice=world.home.practice,
            account_number=f"PG{i:04d}",
            first_name=f"Pat{i:03d}",
            last_name="Pagewood",
            date_of_birth=dt.date(1960, 1, 1) + dt.timedelta(days=i),
            sex="F",
            address_line1="1 Main Street",
            city="Portland",
            state="OR",
            zip_code="97201",
        )
        for i in range(n)
    )


def _ids(body: str) -> list[str]:
    return re.findall(r'href="/patients/(\d+)/"', body)


def test_it_pages_every_patient_with_the_total_shown(world: World) -> None:
    _many(world, 123)
    client = Client()
    client.force_login(world.home.users[Role.FRONT_DESK])
    user = User.objects.get(pk=world.home.users[Role.FRONT_DESK].pk)
    everyone = scoped(Patient, user, "patients.view").count()
    assert everyone > 100
    first = client.get("/patients/").content.decode()
    assert f"{everyone} patients: page 1 of 3" in first
    seen = _ids(first)
    for page in (2, 3):
        seen += _ids(client.post("/patients/", {"q": "", "page": page}).content.decode())
    assert len(seen) == len(set(seen)) == everyone  # nobody dropped, nobody twice


def test_the_search_terms_carry_over_to_the_next_page(world: World) -> None:
    _many(world, 60)
    client = Client()
    client.force_login(world.home.users[Role.FRONT_DESK])
    first = client.post("/patients/", {"q": "Pagewood"}).content.decode()
    assert "60 patients: page 1 of 2" in first
    assert 'name="q" value="Pagewood"' in first and 'name="page" value="2"' in first
    second = client.post("/patients/", {"q": "Pagewood", "page": "2"}).content.decode()
    assert len(_ids(second)) == 10
    assert "Pagewood" in second and "page 2 of 2" in second


def test_the_api_pages_every_match_with_the_total(world: World) -> None:
    _many(world, 120)
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    seen: list[int] = []
    url: str | None = "/api/patients?q=Pagewood&limit=50"
    pages = 0
    while url:
        r = client.get(url)
        assert r.status_code == 200
        assert r["X-Total-Count"] == "120"
        seen += [p["id"] for p in r.json()]
        link = r.get("Link", "")
        url = re.match(r'<([^>]+)>; rel="next"', link)[1] if link else None  # type: ignore[index]
        pages += 1
    assert pages == 3 and len(seen) == len(set(seen)) == 120
    assert client.get("/api/patients?limit=201").status_code == 422  # at most 200 a page
