"""The coding screen: the combobox markup, the scratch-pad notice, the CPT starter-set
banner, and the no-JavaScript search that lists results with "Add" buttons."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db


def test_it_renders_an_accessible_combobox(client_as) -> None:
    body = client_as(Role.CODER).get(reverse("coding:screen")).content.decode()
    assert 'role="combobox"' in body and 'aria-controls="code-results"' in body
    assert 'role="listbox"' in body and 'aria-expanded="false"' in body
    for system in ("icd10cm", "hcpcs", "cpt", "modifier", "pos", "carc", "rarc", "all"):
        assert f'<option value="{system}"' in body
    assert '<option value="diagnosis" selected>' in body  # the diagnosis field by default
    for field in ("procedure", "modifier"):
        assert f'<option value="{field}"' in body
    assert "coding/coding.js" in body


def test_it_says_the_working_list_is_a_scratch_pad(client_as) -> None:
    body = client_as(Role.CODER).get(reverse("coding:screen")).content.decode()
    assert "for this session only and are not" in body
    assert "saved to any encounter or claim" in body


def test_it_shows_the_cpt_starter_set_banner(client_as) -> None:
    body = client_as(Role.CODER).get(reverse("coding:screen")).content.decode()
    assert "CPT: starter set only." in body
    assert reverse("coding:refdata") not in body  # the coder cannot open that page
    manager_view = client_as(Role.MANAGER).get(reverse("coding:screen"))
    assert manager_view.status_code == 403


def test_it_searches_without_javascript(client_as) -> None:
    r = client_as(Role.CODER).get(
        reverse("coding:screen"), {"q": "broken collarbone", "date": "2026-05-01"}
    )
    body = r.content.decode()
    assert r.status_code == 200
    assert "Codes matching “broken collarbone”" in body
    assert 'name="code" value="S42.0' in body  # fracture of clavicle, with an Add form


def test_it_points_the_coding_nav_item_at_the_screen(client_as) -> None:
    body = client_as(Role.CODER).get(reverse("coding:screen")).content.decode()
    assert f'<a href="{reverse("coding:screen")}" aria-current="page">Coding</a>' in body
