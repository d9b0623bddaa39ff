"""The scrubber's ``auth`` rules (edits/rules/authorization.py) over plain facts, no
database: each rule finds its case and stays silent on a claim the authorization covers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cleanclaim.edits import Payer, ScrubClaim, ServiceLine, scrub_claim
from cleanclaim.edits.authorization import AuthorizationFact, AuthorizationTable, parse_services
from cleanclaim.edits.context import ScrubContext

from .conftest import pt_rules

DOS = dt.date(2026, 3, 10)


def _fact(**kw: object) -> AuthorizationFact:
    fields: dict[str, object] = {
        "number": "AUTH100",
        "payer_id": "ACME01",
        "services": parse_services("97110-97140"),
        "start": dt.date(2026, 3, 1),
        "end": dt.date(2026, 4, 30),
        "status": "approved",
        "authorized": Decimal(10),
        "remaining": Decimal(4),
    }
    fields.update(kw)
    return AuthorizationFact(**fields)  # type: ignore[arg-type]


def _auth_rules(
    facts: list[AuthorizationFact],
    code: str = "97110",
    units: int = 3,
    number: str = "AUTH100",
    modifiers: tuple[str, ...] = (),
) -> set[str]:
    claim = ScrubClaim(
        claim_id="C1",
        total_charge=Decimal("120.00"),
        lines=(ServiceLine(1, code, modifiers, Decimal("120.00"), Decimal(units), (1,), DOS),),
        diagnoses=("M54.50",),
        payer=Payer(name="Acme", id="ACME01"),
        prior_auth=number,
    )
    ctx = ScrubContext(as_of=DOS, payer_rules=pt_rules("ACME01"))
    ctx.authorizations = AuthorizationTable(facts)
    return {f.rule for f in scrub_claim(claim, ctx).findings if f.category == "auth"}


def test_it_is_silent_when_the_authorization_covers_the_claim() -> None:
    assert _auth_rules([_fact()]) == set()


def test_it_finds_no_authorization_on_file() -> None:
    assert _auth_rules([], number="") == {"AUTH-001", "PAYER-AUTH"}
    assert _auth_rules([_fact(status="denied")], number="") == {"AUTH-001", "PAYER-AUTH"}


def test_it_finds_an_authorization_expired_on_the_date_of_service() -> None:
    assert _auth_rules([_fact(end=dt.date(2026, 3, 9))]) == {"AUTH-002"}
    assert _auth_rules([_fact(status="expired")]) == {"AUTH-002"}


def test_it_finds_units_exceeded() -> None:
    assert _auth_rules([_fact()], units=5) == {"AUTH-003"}
    assert _auth_rules([_fact()], units=4) == set()


@pytest.mark.parametrize(("code", "modifiers"), [("97530", ()), ("97110", ("GP",))])
def test_it_finds_a_service_the_named_authorization_does_not_cover(
    code: str, modifiers: tuple[str, ...]
) -> None:
    fact = _fact(modifiers=("GO",)) if modifiers else _fact()
    assert _auth_rules([fact], code=code, modifiers=modifiers) == {"AUTH-004"}


def test_it_warns_of_an_authorization_number_not_on_file() -> None:
    assert _auth_rules([_fact()], number="NOPE9") == {"AUTH-005"}


def test_it_says_nothing_without_authorizations_handed_in() -> None:
    claim = ScrubClaim(
        claim_id="C1",
        total_charge=Decimal("1"),
        lines=(ServiceLine(1, "97110", (), Decimal("1"), Decimal(1), (1,), DOS),),
        payer=Payer(name="Acme", id="ACME01"),
        prior_auth="X",
    )
    ctx = ScrubContext(as_of=DOS, payer_rules=[])
    assert not [f for f in scrub_claim(claim, ctx).findings if f.category == "auth"]
