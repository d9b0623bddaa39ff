"""The work list (API and page) sorts by days left to appeal, overdue first and marked,
filters by category and payer; a Southside biller sees no Northside denial and cannot
act on one; reads are audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client

from cleanclaim.audit.models import AuditEntry
from cleanclaim.denials.models import Denial
from cleanclaim.tenancy.permissions import Role

from .conftest import post_denied

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_order_filters_and_scoping(world: Any) -> None:
    post_denied(world, 3)
    a, b, c = Denial.objects.order_by("id")
    Denial.objects.filter(pk=a.pk).update(appeal_due=dt.date(2026, 4, 1))
    Denial.objects.filter(pk=b.pk).update(appeal_due=dt.date(2026, 2, 20))  # overdue
    Denial.objects.filter(pk=c.pk).update(appeal_due=None, category="coding")
    biller = Client()
    biller.force_login(world.home.users[Role.BILLER])
    rows = biller.get("/api/denials").json()
    assert [r["id"] for r in rows] == [b.pk, a.pk, c.pk]
    assert [(r["days_left"], r["overdue"]) for r in rows] == [
        (-9, True),
        (31, False),
        (None, False),
    ]
    assert [r["id"] for r in biller.get("/api/denials?category=coding").json()] == [c.pk]
    other_payer = world.outsider.payer.pk
    assert biller.get(f"/api/denials?payer={other_payer}").json() == []
    assert AuditEntry.objects.filter(object_label="denial work list").exists()
    page = biller.get("/denials/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "overdue -9" in html and html.index(f"/denials/{b.pk}/") < html.index(
        f"/denials/{a.pk}/"
    )
    # the figures by category as a chart and as a table: two authorization, one coding
    assert 'aria-labelledby="denials-by-category-title"' in html
    summary = html.split('id="denials-by-category-table"')[1].split("</table>")[0]
    cells = [c.split("</td>")[0] for c in summary.split("<td>")[1:]]
    assert cells == [
        '<a href="?category=authorization">Authorization</a>',
        "2",
        "50.00",
        '<a href="?category=coding">Coding</a>',
        "1",
        "25.00",
    ], cells

    outsider = Client()
    outsider.force_login(world.outsider.users[Role.BILLER])
    assert outsider.get("/api/denials").json() == []
    assert outsider.get(f"/api/denials/{a.pk}").status_code == 404
    assert outsider.get(f"/denials/{a.pk}/").status_code == 404
    refused = outsider.post(
        f"/api/denials/{a.pk}/write-off", data={"reason": "x"}, content_type="application/json"
    )
    assert refused.status_code == 404
    assert Denial.objects.get(pk=a.pk).status == "open"


@time_machine.travel(NOW, tick=False)
def test_api_actions(world: Any) -> None:
    post_denied(world, 2)
    a, b = Denial.objects.order_by("id")
    biller = Client()
    biller.force_login(world.home.users[Role.BILLER])
    done = biller.post(
        f"/api/denials/{a.pk}/write-off", data={"reason": "small"}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["status"] == "written_off"
    again = biller.post(
        f"/api/denials/{a.pk}/write-off", data={"reason": "small"}, content_type="application/json"
    )
    assert again.status_code == 409
    appealed = biller.post(
        f"/api/denials/{b.pk}/appeal",
        data={"argument": "see notes"},
        content_type="application/json",
    )
    assert appealed.status_code == 200 and appealed.json()["follow_up"] == "2026-03-31"
    pdf = biller.get(f"/api/denials/{b.pk}/appeal.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    manager = Client()
    manager.force_login(world.home.users[Role.MANAGER])
    assert manager.get("/api/denials").status_code == 200  # the list: worklists.claims
    refused = manager.post(
        f"/api/denials/{b.pk}/void", data={"reason": "x"}, content_type="application/json"
    )
    assert refused.status_code == 403  # acting needs denials.work
