"""Test set-up for denials: an 835 whose office visits are denied CO-197 (authorization
absent, RARC N54), posted against claims made from its own data."""

from __future__ import annotations

from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.testing.remits import claims_for_835, many_claims_835

__all__ = ["denied_835", "post_denied"]


def denied_835(n: int = 1, *, trace: str = "TRACE1000", first: int = 1) -> bytes:
    """``many_claims_835`` with each office visit's CO-45 turned into CO-197 + RARC N54."""
    return (
        many_claims_835(n, trace=trace, first=first)
        .replace(b"CAS*CO*45*25~", b"CAS*CO*197*25~")
        .replace(b"CAS*PR*2*20~", b"CAS*PR*2*20~LQ*HE*N54~")
    )


def post_denied(tenant: Any, n: int = 1, *, trace: str = "TRACE1000", first: int = 1) -> Any:
    """Claims for, then the posting of, ``denied_835(n)`` in ``tenant`` (a persona
    tenant: practice, payer, provider, location); the remittance file."""
    from cleanclaim.remits import actions

    actor = Actor(user=None, label="system: test")
    data = denied_835(n, trace=trace, first=first)
    claims_for_835(
        actions.read(data)[0], tenant.practice, tenant.payer, tenant.provider, tenant.location
    )
    rf = actions.take_in_835(actor, tenant.practice, f"{trace}.835", data)
    assert rf.status == "received", rf.differences
    actions.post_file(actor, rf)
    return rf
