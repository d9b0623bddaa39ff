"""A payer set up before profiles keeps its timely filing figure: the old
``timely_filing_days`` becomes the timely filing limit in days (``payers.0003``)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("payers", "0002_version_for_optimistic_locking")]
AFTER = [("payers", "0003_payer_profile")]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def test_it_turns_the_days_into_the_timely_filing_limit() -> None:
    old = _migrate(BEFORE).loader.project_state(BEFORE).apps
    org = old.get_model("practices", "Organisation").objects.create(name="Old Billing")
    old.get_model("payers", "Payer").objects.create(
        organisation=org,
        name="Old Mutual",
        payer_id="OLD01",
        kind="commercial",
        timely_filing_days=95,
    )
    try:
        new = _migrate(AFTER).loader.project_state(AFTER).apps
        payer = new.get_model("payers", "Payer").objects.get(payer_id="OLD01")
        assert (payer.timely_amount, payer.timely_unit, payer.timely_citation) == (95, "days", "")
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
