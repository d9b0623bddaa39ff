"""Practice set-up goes through audited actions: Ada the administrator edits her
practice, adds a provider and a location; each write leaves an entry saying what
changed, and a save that changes nothing leaves none."""

from __future__ import annotations

from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.forms import LocationForm, PracticeForm
from cleanclaim.practices.models import RenderingProvider, ServiceLocation
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World, npi


def _admin(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    return client


def _entries(model: str) -> list[tuple[str, dict[str, object]]]:
    rows = AuditEntry.objects.filter(model=model).order_by("id")
    return [(e.action, e.changes) for e in rows]


def test_it_audits_a_practice_edit_with_a_diff(world: World) -> None:
    practice = world.home.practice
    form = model_to_dict(practice, fields=PracticeForm.Meta.fields)
    url = reverse("manage:practice_edit", args=[practice.pk])
    client = _admin(world)

    response = client.post(url, {**form, "phone": "5035550199", "version": 1})
    assert response.status_code == 302
    assert client.post(url, {**form, "phone": "5035550199", "version": 2}).status_code == 302

    entries = AuditEntry.objects.filter(model="practices.Practice", object_pk=str(practice.pk))
    assert [(e.action, e.changes, e.context, e.user_label) for e in entries] == [
        ("update", {"phone": ["", "5035550199"]}, {"version": 2}, "admin@northside.test")
    ]


def test_it_audits_a_new_provider_with_its_fields(world: World) -> None:
    url = reverse("manage:provider_add", args=[world.home.practice.pk])
    provider = {
        "first_name": "Jo",
        "last_name": "Newdoc",
        "credential": "MD",
        "npi": npi("123400777"),
        "taxonomy": "207Q00000X",
        "active": "on",
    }
    assert _admin(world).post(url, provider).status_code == 302
    made = RenderingProvider.objects.get(last_name="Newdoc")
    assert _entries("practices.RenderingProvider") == [("create", {**provider, "active": True})]
    assert made.practice == world.home.practice


def test_it_audits_a_location_edit_and_keeps_the_version_check(world: World) -> None:
    location = world.home.location
    form = model_to_dict(location, fields=LocationForm.Meta.fields)
    url = reverse("manage:location_edit", args=[location.pk])
    client = _admin(world)

    assert client.post(url, {**form, "name": "Main", "version": 1}).status_code == 302
    stale = client.post(url, {**form, "name": "Annex", "version": 1})

    assert stale.status_code == 200
    assert "nothing was saved" in " ".join(stale.context["form"].non_field_errors())
    assert ServiceLocation.objects.get(pk=location.pk).name == "Main"
    assert _entries("practices.ServiceLocation") == [
        ("update", {"name": ["Northside main office", "Main"]})
    ]
