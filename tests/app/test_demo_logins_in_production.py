"""In production the demo users cannot sign in, even when the demo data is there."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def _sign_in(email: str):  # type: ignore[no-untyped-def]
    return Client().post(reverse("login"), {"username": email, "password": demo.PASSWORD})


def test_it_refuses_the_demo_logins_in_production(settings, caplog) -> None:  # type: ignore[no-untyped-def]
    demo.build()
    settings.CONFIG = dataclasses.replace(settings.CONFIG, production=True)
    with caplog.at_level(logging.WARNING, logger="cleanclaim.web.forms"):
        response = _sign_in("frontdesk@demo.test")
    assert response.status_code == 200
    body = response.content.decode()
    assert "The email or password is not right." in body
    assert "demo" not in " ".join(response.context["form"].non_field_errors()).lower()
    assert "frontdesk@demo.test is a demo user" in caplog.text


def test_it_lets_the_demo_logins_in_outside_production(settings) -> None:  # type: ignore[no-untyped-def]
    demo.build()
    assert not settings.CONFIG.production
    assert _sign_in("frontdesk@demo.test").status_code == 302
