"""``/codes/<system>/<code>/?date=``: descriptions, billable, dates, release, hierarchy
(breadcrumbs and children), every instructional note with links to the codes it names,
7th-character values; a clear 404 naming the code and the system."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

DOS = "2026-05-01"


def _get(client, system: str, code: str, date: str = DOS):
    return client.get(reverse("coding:code", args=[system, code]), {"date": date})


def _link(system: str, code: str) -> str:
    return f'href="{reverse("coding:code", args=[system, code])}?date={DOS}"'


def test_it_shows_a_header_code_with_children_and_excludes1(client_as) -> None:
    r = _get(client_as(Role.CODER), "icd10cm", "E11")
    body = html.unescape(r.content.decode())
    assert r.status_code == 200
    assert "Type 2 diabetes mellitus" in body
    assert "a header code, choose a code below it" in body
    for child in ("E11.0", "E11.9", "E11.A"):
        assert _link("icd10cm", child) in body, child
    # Excludes1 at E11 names E10 (type 1) among others, as links
    excludes1 = [p.split("</dd>", 1)[0] for p in body.split('class="note-excludes1"')[1:]]
    assert any(_link("icd10cm", "E08") in n and "(E08.-)" in n for n in excludes1)
    assert any(_link("icd10cm", "E10") in n for n in excludes1)
    assert "Chapter 4" in body and "E08-E13" in body
    assert "FY2026 (April 2026 update)" in body  # the release


def test_it_shows_breadcrumbs_and_the_7th_character_meaning(client_as) -> None:
    body = html.unescape(_get(client_as(Role.CODER), "icd10cm", "S93.401A").content.decode())
    crumbs = body.split('aria-label="Hierarchy"', 1)[1].split("</nav>", 1)[0]
    order = re.findall(r">(S93[.0-9]*)</a>", crumbs)
    assert order == ["S93", "S93.4", "S93.40", "S93.401"]
    assert 'aria-current="page">S93.401A<' in crumbs
    assert "initial encounter" in body
    assert "<dt>Billable</dt><dd>Yes" in body


def test_it_lists_the_7th_characters_of_a_code_that_needs_one(client_as) -> None:
    body = html.unescape(_get(client_as(Role.CODER), "icd10cm", "S93.401").content.decode())
    assert "needs a 7th character" in body
    for char, meaning in (("A", "initial encounter"), ("D", "subsequent encounter")):
        assert f"<td>{char}</td><td>{meaning}</td>" in body
    assert _link("icd10cm", "S93.401S") in body


def test_it_shows_notes_inherited_from_ancestors_with_where_they_are_written(client_as) -> None:
    body = html.unescape(_get(client_as(Role.CODER), "icd10cm", "E11.9").content.decode())
    assert "written at" in body and _link("icd10cm", "E11") in body


def test_it_warns_when_the_code_set_may_be_stale(client_as) -> None:
    r = _get(client_as(Role.CODER), "icd10cm", "S93.401A", date="2026-10-15")
    assert "may be stale: FY2027 not loaded" in html.unescape(r.content.decode())


def test_it_shows_a_flat_system_code(client_as) -> None:
    body = html.unescape(_get(client_as(Role.CODER), "cpt", "99213").content.decode())
    assert "starter set only" in body
    body = html.unescape(_get(client_as(Role.CODER), "carc", "16").content.decode())
    assert "<dt>System</dt><dd>CARC</dd>" in body


def test_it_answers_404_naming_an_unknown_code_and_system(client_as) -> None:
    r = _get(client_as(Role.CODER), "icd10cm", "S99.999")
    assert r.status_code == 404
    body = html.unescape(r.content.decode())
    assert "S99.999 is not a ICD-10-CM code as of 2026-05-01" in body
    r = _get(client_as(Role.CODER), "icd9", "250.00")
    assert r.status_code == 404
    assert "unknown code system 'icd9'" in html.unescape(r.content.decode())


def test_it_refuses_a_bad_date(client_as) -> None:
    r = _get(client_as(Role.CODER), "icd10cm", "E11", date="tomorrow")
    assert r.status_code == 400
