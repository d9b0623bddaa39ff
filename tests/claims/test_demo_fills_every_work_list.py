"""A fresh demo has something on every work list: a manager's home shows each list with
a count above zero, and each list's page shows that many rows."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cleanclaim.claims import worklists
from cleanclaim.practices.models import Membership
from cleanclaim.tenancy.permissions import Role
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def test_every_work_list_is_filled_on_a_fresh_demo() -> None:
    demo.build()
    manager = Membership.objects.filter(role=Role.MANAGER).select_related("user").first()
    assert manager is not None
    client = Client()
    client.force_login(manager.user)
    home = client.get("/")
    assert home.status_code == 200
    body = home.content.decode()
    for work in worklists.LISTS:
        url = "/visits/to-code/" if work.slug == "to-code" else f"/claims/lists/{work.slug}/"
        found = re.search(rf'<a href="{url}">(\d+)</a>', body)
        assert found is not None, work.slug
        count = int(found[1])
        assert count > 0, work.slug
        page = client.get(url).content.decode()
        assert len(re.findall(r'<tr id="row-\d+">', page)) == min(count, 50), work.slug
    assert "<svg" in body and "Work lists" in body
