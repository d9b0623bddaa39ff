"""The admin role sets up its practices: identifiers are validated on entry."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.practices.models import RenderingProvider
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World, npi


def _admin(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    return client


def _provider(value: str) -> dict[str, str]:
    return {
        "first_name": "Jo",
        "last_name": "Newdoc",
        "credential": "MD",
        "npi": value,
        "taxonomy": "207Q00000X",
        "active": "on",
    }


def test_it_adds_a_provider_with_a_valid_npi(world: World) -> None:
    practice = world.home.practice
    url = reverse("manage:provider_add", args=[practice.pk])
    response = _admin(world).post(url, _provider(npi("123400777")))
    assert response.status_code == 302
    assert RenderingProvider.objects.get(last_name="Newdoc").practice == practice


def test_it_shows_the_npi_error_on_the_field(world: World) -> None:
    url = reverse("manage:provider_add", args=[world.home.practice.pk])
    response = _admin(world).post(url, _provider("1234567890"))
    assert response.status_code == 200
    assert response.context["form"].errors["npi"] == [
        "NPI 1234567890 fails its check digit (expected 3)"
    ]
    assert 'aria-describedby="id_npi_error"' in response.content.decode()


def test_it_requires_zip_plus_4_for_the_billing_provider(world: World) -> None:
    practice = world.home.practice
    form = {
        "name": practice.name,
        "legal_name": practice.legal_name,
        "npi": practice.npi,
        "tin": practice.tin,
        "taxonomy": practice.taxonomy,
        "address_line1": practice.address_line1,
        "address_line2": "",
        "city": practice.city,
        "state": practice.state,
        "zip_code": "97201",
        "phone": "",
    }
    response = _admin(world).post(reverse("manage:practice_edit", args=[practice.pk]), form)
    assert response.status_code == 200
    assert "ZIP+4" in response.context["form"].errors["zip_code"][0]


def test_it_refuses_a_provider_npi_already_at_the_practice(world: World) -> None:
    existing = world.home.provider
    url = reverse("manage:provider_add", args=[world.home.practice.pk])
    response = _admin(world).post(url, _provider(existing.npi))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any("already exists" in e for e in errors), errors
