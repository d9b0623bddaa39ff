"""The demo's biller opens the app to one follow-up due, from a call about a demo
patient; the demo payers have contacts."""

from __future__ import annotations

import pytest
from django.test import Client

from cleanclaim.payercalls.models import Contact
from cleanclaim.practices.models import User
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def test_it_gives_the_demo_biller_one_follow_up_due() -> None:
    demo.build()
    client = Client()
    client.force_login(User.objects.get(email="biller@demo.test"))
    followups = client.get("/").context["followups"]
    assert [c.reference for c in followups] == ["CHI-240117-5521"]
    assert followups[0].patient is not None
    assert Contact.objects.filter(payer__payer_id="DEMO01").count() == 2
