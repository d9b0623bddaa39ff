"""A dependent's claim carries the subscriber's own address in loop 2010BA (N3/N4), the
address the desk entered with the policy."""

from __future__ import annotations

from cleanclaim.claims.x837p import to_837p
from cleanclaim.testing.personas import World


def test_it_writes_the_subscribers_address(world: World) -> None:
    coverage = world.home.coverage
    coverage.relationship = "19"
    coverage.subscriber_last_name = "Parent"
    coverage.subscriber_first_name = "Pat"
    coverage.subscriber_date_of_birth = "1930-01-01"
    coverage.subscriber_sex = "M"
    coverage.subscriber_address_line1 = "44 Other Road"
    coverage.subscriber_city = "Salem"
    coverage.subscriber_state = "OR"
    coverage.subscriber_zip_code = "97301"
    coverage.save()
    world.home.claim.refresh_from_db()
    claim = to_837p(world.home.claim)
    subscriber = claim.subscriber
    assert subscriber.address.line1 == "44 Other Road"
    assert subscriber.address.city == "Salem"
    assert claim.patient.address.line1 == "9 Elm Street"
