"""The patient search form posts its terms: names, birth dates and account numbers
never appear in a URL (browser history, proxies' logs)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = pytest.mark.django_db


def test_it_searches_by_post_and_finds_the_patient(world: World) -> None:
    desk = Client()
    desk.force_login(world.home.users[Role.FRONT_DESK])
    patient = world.home.patient
    page = desk.post(reverse("patients:list"), {"q": patient.last_name}).content.decode()
    assert patient.first_name in page
    rows = desk.post(reverse("patients:list"), {"q": "nobody-by-that-name"}, HTTP_HX_REQUEST="true")
    assert patient.first_name not in rows.content.decode()
    assert "<html" not in rows.content.decode()  # the fragment only


def test_it_renders_a_form_that_never_puts_the_terms_in_the_url(world: World) -> None:
    desk = Client()
    desk.force_login(world.home.users[Role.FRONT_DESK])
    page = desk.get(reverse("patients:list")).content.decode()
    form = page[
        page.index('role="search"') - 40 : page.index("</form>", page.index('role="search"'))
    ]
    assert 'method="post"' in form and "csrfmiddlewaretoken" in form
    assert "hx-post=" in form
    assert "hx-get" not in form and "hx-push-url" not in form
