"""A manager sets up payers for the organisation; payer ids are unique in it."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

FORM = {
    "name": "Willamette Health",
    "payer_id": "WIL77",
    "kind": "commercial",
    "submission": "electronic",
    "corrected_claims_electronic": "on",
    "eligibility_method": "realtime",
    "claim_status_method": "batch",
    "claim_status_after_days": "30",
    **{f"{t}_enrolment": "approved" for t in ("claims", "era", "eft", "eligibility")},
    "claim_status_enrolment": "not_required",
    **{f"{p}_unit": "days" for p in ("timely", "secondary", "corrected")},
    **{f"{p}_unit": "days" for p in ("appeal_first", "appeal_second")},
    "timely_amount": "120",
    "timely_citation": "provider agreement 4.2",
    "active": "on",
}


def _manager(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.MANAGER])
    return client


def test_it_adds_a_payer_to_the_managers_organisation(world: World) -> None:
    response = _manager(world).post(reverse("payers:create"), FORM)
    assert response.status_code == 302
    payer = Payer.objects.get(payer_id="WIL77")
    assert payer.organisation == world.home.organisation
    assert payer.filing_indicator == "CI"
    assert (payer.timely_amount, payer.timely_unit, payer.timely_citation) == (
        120,
        "days",
        "provider agreement 4.2",
    )
    assert payer.claim_status_method == "batch"


def test_it_names_a_paper_payer_without_an_address(world: World) -> None:
    response = _manager(world).post(reverse("payers:create"), {**FORM, "submission": "paper"})
    assert response.status_code == 200
    assert response.context["form"].errors["claims_address"] == [
        "paper claims need the address they are mailed to"
    ]


def test_it_refuses_a_limit_beyond_ten_years(world: World) -> None:
    form = {**FORM, "timely_amount": "121", "timely_unit": "months"}
    response = _manager(world).post(reverse("payers:create"), form)
    assert response.status_code == 200
    assert response.context["form"].errors["timely_amount"] == [
        "the timely filing limit must be between 1 and 120 months"
    ]


def test_it_refuses_a_payer_id_already_set_up(world: World) -> None:
    taken = world.home.payer.payer_id
    response = _manager(world).post(reverse("payers:create"), {**FORM, "payer_id": taken})
    assert response.status_code == 200
    assert response.context["form"].errors["payer_id"] == [f"payer id {taken} is already set up"]


def test_it_allows_the_same_payer_id_in_another_organisation(world: World) -> None:
    theirs = world.outsider.payer.payer_id
    response = _manager(world).post(reverse("payers:create"), {**FORM, "payer_id": theirs})
    assert response.status_code == 302
    assert Payer.objects.filter(payer_id=theirs).count() == 2
