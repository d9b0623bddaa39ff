"""A biller logs a call from a payer's page or a patient's; a call naming a
patient is PHI (its pages record the read); a manager turns a call into a payer
rule citing it."""

from __future__ import annotations

from urllib.parse import quote

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.payercalls.models import Call, Contact
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def _form(**extra: object) -> dict[str, object]:
    return {
        "called_at": "2026-11-30T14:05",
        "reference": "NM-553201",
        "learned": "Modifier 25 needed with the visit on the same day as the injection",
        "follow_up_on": "2026-12-14",
        **extra,
    }


def test_it_logs_a_call_about_a_patient(world: World) -> None:
    patient = world.home.patient
    biller = _client(world, Role.BILLER)
    url = reverse("payercalls:patient_call_new", kwargs={"pk": patient.pk})
    form = biller.get(url).context["form"]
    assert form["payer"].initial == world.home.payer.pk  # the primary coverage's payer
    data = _form(payer=world.home.payer.pk, contact=world.home.contact.pk, claim_number="C-1")  # type: ignore[union-attr]
    response = biller.post(url, data)
    call = Call.objects.get(reference="NM-553201")
    assert response["Location"] == reverse("payercalls:call", kwargs={"pk": call.pk})
    assert call.patient == patient and call.practice == patient.practice
    assert call.logged_by == world.home.users[Role.BILLER]
    created = AuditEntry.objects.get(model="payercalls.Call", action="create")
    assert created.changes["patient_id"] == patient.pk


def test_it_records_reading_a_call(world: World) -> None:
    call = world.home.call
    assert call is not None
    page = _client(world, Role.BILLER).get(reverse("payercalls:call", kwargs={"pk": call.pk}))
    assert world.home.patient.last_name in page.content.decode()
    read = AuditEntry.objects.get(model="payercalls.Call", action="read")
    assert read.object_pk == str(call.pk)


def test_it_logs_a_call_from_the_payer_page_without_a_patient(world: World) -> None:
    payer = world.home.payer
    url = reverse("payercalls:call_new", kwargs={"pk": payer.pk})
    response = _client(world, Role.MANAGER).post(
        url, _form(practice=world.home.practice.pk, reached="Ivy, provider line")
    )
    assert response.status_code == 302
    call = Call.objects.get(reference="NM-553201")
    assert call.payer == payer and call.patient is None and call.who == "Ivy, provider line"


def test_it_refuses_a_contact_of_another_payer(world: World) -> None:
    other = Contact.objects.create(
        payer=Payer.objects.create(
            organisation=world.home.organisation,
            name="Other Mutual",
            payer_id="OTH01",
            kind="commercial",
            timely_amount=90,
        ),
        role="claims",
        name="Oscar",
        phone="555-0199",
    )
    url = reverse("payercalls:call_new", kwargs={"pk": world.home.payer.pk})
    response = _client(world, Role.BILLER).post(
        url, _form(practice=world.home.practice.pk, contact=other.pk)
    )
    assert response.status_code == 200
    assert not Call.objects.filter(reference="NM-553201").exists()


def test_it_refuses_a_patient_the_biller_does_not_work_with(world: World) -> None:
    other_patient = world.home.other_patient  # Northside Pediatrics: no home biller there
    assert other_patient is not None
    url = reverse("payercalls:patient_call_new", kwargs={"pk": other_patient.pk})
    assert _client(world, Role.BILLER).get(url).status_code == 404


def test_it_links_a_call_to_a_new_payer_rule_citing_it(world: World) -> None:
    call = world.home.call
    assert call is not None
    url = reverse("payercalls:call", kwargs={"pk": call.pk})
    page = _client(world, Role.MANAGER).get(url).content.decode()
    citation = "Call NOR-REF-77 on 2026-01-05 with Northside Rep Quinby"
    expected = f"/payers/{call.payer_id}/rules/new/?citation={quote(citation)}"
    assert expected in page
    assert "Turn into a payer rule" in page
    biller_page = _client(world, Role.BILLER).get(url).content.decode()
    assert "Turn into a payer rule" not in biller_page  # rules are set up by managers
    # following the link opens the rule editor with the call as the rule's citation
    editor = _client(world, Role.MANAGER).get(expected)
    assert editor.status_code == 200
    assert citation in editor.content.decode()


def test_it_lists_a_payers_calls(world: World) -> None:
    payer = world.home.payer
    page = _client(world, Role.BILLER).get(
        reverse("payercalls:payer_calls", kwargs={"pk": payer.pk})
    )
    assert world.home.call.reference in page.content.decode()  # type: ignore[union-attr]
    entry = AuditEntry.objects.get(model="payercalls.Call", action="read")
    assert entry.context["shown"] == [str(world.home.call.pk)]  # type: ignore[union-attr]
