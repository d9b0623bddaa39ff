"""Correct and resubmit: a replacement claim (CLM05-3 7) carrying the payer's claim
number (REF*F8, CLP07) that passes our validator; the original gets ``corrected`` and
the denial is closed. A payer that takes no electronic corrections shows its process."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.x837p import write_837p
from cleanclaim.denials import actions
from cleanclaim.denials.models import Denial
from cleanclaim.x12 import parse, validate

from .conftest import post_denied, with_visit_lines

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_it_builds_a_replacement_with_ref_f8(world: Any) -> None:
    post_denied(world)
    d = Denial.objects.get()
    with_visit_lines(d.claim)
    new = actions.correct(Actor(user=None, label="biller"), d, today=NOW.date())
    assert (new.frequency, new.payer_claim_control_number) == ("7", "PCN000000001")
    text = write_837p([new], now=NOW)
    assert "REF*F8*PCN000000001~" in text
    assert ":B:7*" in text  # CLM05-3 claim frequency 7
    assert validate(parse(text)).findings() == []
    d.refresh_from_db()
    assert (d.status, d.outcome) == ("resubmitted", f"replaced by {new.number}")
    assert list(d.claim.events.values_list("kind", flat=True))[-1] == "corrected"


@time_machine.travel(NOW, tick=False)
def test_it_shows_the_payer_process_when_corrections_are_on_paper(world: Any) -> None:
    payer = world.home.payer
    payer.corrected_claims_electronic = False
    payer.corrected_claims_process = "a reopening request by fax"
    payer.save()
    post_denied(world)
    d = Denial.objects.get()
    with pytest.raises(actions.NotElectronic, match="reopening request by fax"):
        actions.correct(Actor(user=None, label="biller"), d, today=NOW.date())
    d.refresh_from_db()
    assert d.status == "open"
