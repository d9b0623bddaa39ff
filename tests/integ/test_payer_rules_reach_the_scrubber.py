"""Done when (issue 12, payer rules): a manager sets up a payer, imports its rules from
YAML, sees them on the payer's rules page and a biller in the rule catalogue; a scrub of
a demo claim reports the rule's finding with its citation; a rule with an end date stops
applying to services after it (time frozen: "today" is the scrub date)."""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role
from cleanclaim.x12 import document_json, parse

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

RULES = """rules:
  - id: WIL-EM-AUTH
    payer: WIL77
    kind: prior-auth
    codes: [99202-99215]
    effective: 2026-01-01
    end: 2026-12-31
    citation: Willamette call 2026-11-04, reference 88213
    fix: Ask Willamette for the authorization number and enter it (REF*G1).
"""


def _claim(dos: str) -> list[dict[str, Any]]:
    view = document_json(parse((FIXTURES / "known_defects.837").read_bytes()))
    claim = copy.deepcopy(view["transactions"][0]["claims"][0])  # CLEAN-1, one 99213
    claim["payer"] = {"name": "WILLAMETTE HEALTH", "id": "WIL77"}
    for line in claim["lines"]:
        line["service_date"] = dos
    return [claim]


def _payer_findings(client, claims) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    r = client.post(reverse("api:scrub"), json.dumps(claims), content_type="application/json")
    assert r.status_code == 200, r.content
    return [
        f
        for c in r.json()["claims"]
        for f in c["findings"]
        if f["category"] in ("auth", "payer-rule")
    ]


@time_machine.travel(dt.datetime(2027, 2, 1, 15, tzinfo=dt.UTC), tick=False)
def test_a_managers_rules_reach_the_scrubber_until_their_end_date(client_as) -> None:
    manager = client_as(Role.MANAGER)
    r = manager.post(
        reverse("payers:create"),
        {
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
            "timely_amount": "180",
            "active": "on",
        },
    )
    assert r.status_code == 302
    pk = int(r["Location"].rstrip("/").rsplit("/", 1)[1])
    r = manager.post(
        reverse("payerrules:edit", args=[pk]),
        {"text": RULES, "why": "from the call of 2026-11-04", "based_on": 0, "save": "1"},
    )
    assert r.status_code == 302
    page = html.unescape(manager.get(reverse("payerrules:rules", args=[pk])).content.decode())
    assert 'id="rule-WIL-EM-AUTH"' in page and "Willamette call 2026-11-04" in page
    assert "(ended)" in page  # 2026-12-31 is before frozen today, 2027-02-01

    biller = client_as(Role.BILLER)
    catalogue = html.unescape(biller.get(reverse("scrubbing:rules")).content.decode())
    row = catalogue.split('<tr id="WIL-EM-AUTH">', 1)[1].split("</tr>", 1)[0]
    assert "Willamette call 2026-11-04, reference 88213" in row and "prior-auth" in row

    (f,) = _payer_findings(biller, _claim("2026-12-31"))  # the rule's last day
    assert (f["rule"], f["category"], f["carc"]) == ("PAYER-AUTH", "auth", "197")
    assert f["source"] == "Willamette call 2026-11-04, reference 88213 (payer rule WIL-EM-AUTH)"
    assert "[payer rule WIL-EM-AUTH]" in f["message"]
    assert _payer_findings(biller, _claim("2027-01-15")) == []  # after its end date


def test_another_organisations_rules_never_apply(client_as, world) -> None:
    from cleanclaim.audit.actor import Actor
    from cleanclaim.payerrules import actions

    theirs = world.outsider.payer
    actions.save_version(Actor(user=None, via="test"), theirs, RULES, "theirs")
    assert _payer_findings(client_as(Role.BILLER), _claim("2026-08-03")) == []
