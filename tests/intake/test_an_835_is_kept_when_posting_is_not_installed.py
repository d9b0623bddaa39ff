"""An 835 goes to remittance posting when it is installed; otherwise it is kept."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import intake
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.testing.personas import World

from .conftest import received

ISA = (
    "ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*NORTHSIDE      "
    "*260302*0930*^*00501*000000901*0*T*:~"
)
X835 = f"{ISA}GS*HP*SANDBOXCH*NORTHSIDE*20260302*0930*901*X*005010X221A1~ST*835*0001~".encode()


def test_it_says_posting_is_not_available(
    world: World, actor: Actor, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intake, "REMITS_MODULE", "cleanclaim.no_such_module_here")
    outcome = intake.take_in(actor, received(connection, "x.835", X835))
    assert outcome == "835 kept; posting not available"
