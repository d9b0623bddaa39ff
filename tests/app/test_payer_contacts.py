"""Billers and managers keep a payer's contacts on the payer page: add, edit,
deactivate, each audited and version-checked; everyone who sees payers sees them."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.payercalls.models import Contact
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

FORM = {
    "role": "claims",
    "name": "Claims desk Willa",
    "phone": "503-555-0188",
    "email": "claims@northside-mutual.example",
    "hours": "Mon-Thu 9-4",
    "notes": "Ask for the supervisor on pended claims",
}


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def test_it_adds_a_contact_shown_on_the_payer_page(world: World) -> None:
    biller = _client(world, Role.BILLER)
    payer = world.home.payer
    response = biller.post(reverse("payercalls:contact_add", kwargs={"pk": payer.pk}), FORM)
    assert response.status_code == 302
    contact = Contact.objects.get(name="Claims desk Willa")
    assert contact.payer == payer and contact.active
    entry = AuditEntry.objects.get(model="payercalls.Contact", action="create")
    assert entry.changes["phone"] == "503-555-0188"
    assert entry.organisation_id == world.home.organisation.pk
    page = _client(world, Role.MANAGER).get(reverse("payers:detail", kwargs={"pk": payer.pk}))
    assert "Claims desk Willa" in page.content.decode()
    assert "Mon-Thu 9-4" in page.content.decode()


def test_it_refuses_a_contact_nobody_can_reach(world: World) -> None:
    url = reverse("payercalls:contact_add", kwargs={"pk": world.home.payer.pk})
    response = _client(world, Role.MANAGER).post(url, {**FORM, "phone": "", "email": ""})
    assert response.status_code == 200
    assert "give a phone number or an email address" in response.content.decode()
    assert not Contact.objects.filter(name="Claims desk Willa").exists()


def test_it_edits_a_contact_and_refuses_a_stale_form(world: World) -> None:
    contact = world.home.contact
    assert contact is not None
    url = reverse("payercalls:contact_edit", kwargs={"pk": contact.pk})
    data = {**FORM, "name": contact.name, "active": "on", "version": "1"}
    manager = _client(world, Role.MANAGER)
    assert manager.post(url, {**data, "hours": "Mon-Fri 7-7"}).status_code == 302
    contact.refresh_from_db()
    assert contact.hours == "Mon-Fri 7-7" and contact.version == 2
    again = _client(world, Role.BILLER).post(url, {**data, "hours": "Sat 9-12"})
    assert again.status_code == 200
    assert "changed after you opened this form" in again.content.decode()
    contact.refresh_from_db()
    assert contact.hours == "Mon-Fri 7-7"


def test_it_deactivates_a_contact(world: World) -> None:
    contact = world.home.contact
    assert contact is not None
    url = reverse("payercalls:contact_deactivate", kwargs={"pk": contact.pk})
    response = _client(world, Role.BILLER).post(url, {"version": "1"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert not contact.active
    entry = AuditEntry.objects.get(model="payercalls.Contact", action="update")
    assert entry.changes == {"active": [True, False]}
    page = _client(world, Role.BILLER).get(
        reverse("payers:detail", kwargs={"pk": world.home.payer.pk})
    )
    assert "(inactive)" in page.content.decode()


def test_it_lets_only_billers_and_managers_change_contacts(world: World) -> None:
    url = reverse("payercalls:contact_add", kwargs={"pk": world.home.payer.pk})
    for role in (Role.FRONT_DESK, Role.CODER, Role.ADMIN):
        assert _client(world, role).post(url, FORM).status_code == 403
    assert not Contact.objects.filter(name="Claims desk Willa").exists()


def test_it_keeps_contacts_within_the_organisation(world: World) -> None:
    theirs = world.outsider.contact
    assert theirs is not None
    url = reverse("payercalls:contact_edit", kwargs={"pk": theirs.pk})
    assert _client(world, Role.MANAGER).get(url).status_code == 404
