"""The coding screen's type-ahead answers as you type: listbox options from the codes
engine's search, ICD-10-CM by default, any system on request, as of the date of service."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

DOS = "2026-05-01"  # inside ICD-10-CM FY2026 (2025-10-01 .. 2026-09-30)


def _options(html: str) -> list[str]:
    return re.findall(r'role="option"[^>]*data-code="([^"]+)"', html)


def test_it_finds_tinnitus_from_lay_words(client_as) -> None:
    r = client_as(Role.CODER).get(
        reverse("coding:search"), {"q": "ringing in the ears", "date": DOS}
    )
    assert r.status_code == 200
    codes = _options(r.content.decode())
    assert codes, "no options"
    assert all(c.startswith("H93.") for c in codes[:3]), codes  # H93.1 Tinnitus and below
    assert 'data-system="icd10cm"' in r.content.decode()


def test_it_searches_by_code_prefix_with_or_without_the_dot(client_as) -> None:
    c = client_as(Role.CODER)
    url = reverse("coding:search")
    with_dot = _options(c.get(url, {"q": "E11.6", "date": DOS}).content.decode())
    without = _options(c.get(url, {"q": "e116", "date": DOS}).content.decode())
    assert with_dot and with_dot == without
    assert all(code.startswith("E11.6") for code in with_dot)


def test_it_searches_the_chosen_system(client_as) -> None:
    c = client_as(Role.CODER)
    r = c.get(reverse("coding:search"), {"q": "25", "system": "modifier", "date": DOS})
    assert "25" in _options(r.content.decode())
    assert 'data-system="modifier"' in r.content.decode()
    r = c.get(reverse("coding:search"), {"q": "office", "system": "pos", "date": DOS})
    assert "11" in _options(r.content.decode())  # POS 11 Office


def test_it_warns_in_the_list_when_the_code_set_may_be_stale(client_as) -> None:
    r = client_as(Role.CODER).get(reverse("coding:search"), {"q": "tinnitus", "date": "2026-10-15"})
    body = r.content.decode()
    assert "may be stale" in body and "FY2027 not loaded" in body


def test_it_says_so_when_nothing_matches_and_refuses_a_bad_date(client_as) -> None:
    c = client_as(Role.CODER)
    r = c.get(reverse("coding:search"), {"q": "zzzzqqqq", "date": DOS})
    assert "No codes match" in r.content.decode()
    assert _options(r.content.decode()) == []
    bad = c.get(reverse("coding:search"), {"q": "tinnitus", "date": "15/10/2026"})
    assert bad.status_code == 400
    assert "'15/10/2026' is not a date" in html.unescape(bad.content.decode())
    bad = c.get(reverse("coding:search"), {"q": "tinnitus", "system": "icd9"})
    assert bad.status_code == 400
    assert "unknown code system 'icd9'" in html.unescape(bad.content.decode())


def test_it_answers_a_pasted_wall_of_text_quickly(client_as) -> None:
    """Queries are cut to 200 characters, so a paste cannot make the search crawl."""
    r = client_as(Role.CODER).get(
        reverse("coding:search"), {"q": "ringing in the ears " * 500, "date": DOS}
    )
    assert r.status_code == 200
    assert any(c.startswith("H93.") for c in _options(r.content.decode()))
