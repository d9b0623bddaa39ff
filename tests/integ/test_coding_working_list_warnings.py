"""Picking a code adds it to the session's working list, with the warnings a coder
must see: a header (non-billable) code, a missing 7th character (ICD-10-CM Official
Guidelines FY2026 I.A.2, I.A.5), a code set that may be stale for the date."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cleanclaim.coding import worklist
from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

DOS = "2026-05-01"
FRAGMENT = {"HTTP_X_FRAGMENT": "1"}


def _pick(client, code: str, date: str = DOS, system: str = "icd10cm"):
    return client.post(
        reverse("coding:pick"), {"system": system, "code": code, "date": date}, **FRAGMENT
    )


def test_it_warns_that_s93_401_needs_a_7th_character(client_as) -> None:
    c = client_as(Role.CODER)
    body = _pick(c, "S93.401").content.decode()
    assert (
        "S93.401 needs a 7th character: A initial encounter, D subsequent encounter, S sequela"
        in body
    )
    assert "S93.401A" in body  # the billable codes are offered


def test_it_warns_that_a_header_code_is_not_billable(client_as) -> None:
    body = _pick(client_as(Role.CODER), "E11").content.decode()
    assert "E11 is a header code, not billable" in body


def test_it_adds_a_billable_code_without_warnings(client_as) -> None:
    c = client_as(Role.CODER)
    r = _pick(c, "e119")  # wire form is normalised to E11.9
    assert r.status_code == 200
    items = c.session[worklist.SESSION_KEY]
    assert [(i["code"], i["warnings"], i["billable"]) for i in items] == [("E11.9", [], True)]
    assert "Warning:" not in r.content.decode()


def test_it_warns_when_the_date_is_after_the_newest_release(client_as) -> None:
    body = _pick(client_as(Role.CODER), "E11.9", date="2026-10-15").content.decode()
    assert "2026-10-15 is after the newest loaded ICD-10-CM release" in body
    assert "may be stale" in body


def test_it_says_cpt_is_starter_only_when_picking_a_cpt_code(client_as) -> None:
    body = _pick(client_as(Role.CODER), "99213", system="cpt").content.decode()
    assert "CPT: starter set only" in body


def test_it_refuses_an_unknown_code_and_adds_nothing(client_as) -> None:
    c = client_as(Role.CODER)
    r = _pick(c, "S99.999")
    assert r.status_code == 400
    assert "S99.999 is not in ICD-10-CM" in r.content.decode()
    assert c.session.get(worklist.SESSION_KEY, []) == []


def test_it_removes_and_clears_without_saving_anything(client_as) -> None:
    c = client_as(Role.CODER)
    _pick(c, "E11.9")
    _pick(c, "I10")
    _pick(c, "I10")  # the same code on the same date appears once
    assert [i["code"] for i in c.session[worklist.SESSION_KEY]] == ["E11.9", "I10"]
    c.post(reverse("coding:remove"), {"system": "icd10cm", "code": "E11.9", "date": DOS})
    assert [i["code"] for i in c.session[worklist.SESSION_KEY]] == ["I10"]
    r = c.post(reverse("coding:remove"), {"all": "1"})
    assert r.status_code == 302 and r["Location"] == reverse("coding:screen")
    assert c.session[worklist.SESSION_KEY] == []


def test_it_works_without_javascript(client_as) -> None:
    """The plain form posts and comes back to the screen, which lists the pick."""
    c = client_as(Role.CODER)
    r = c.post(reverse("coding:pick"), {"system": "icd10cm", "code": "S93.401", "date": DOS})
    assert r.status_code == 302
    page = c.get(reverse("coding:screen")).content.decode()
    assert "S93.401 needs a 7th character" in page
