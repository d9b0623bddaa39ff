"""Every 835 sample posts against claims made from its own data with nothing unmatched;
posting it again (the same bytes, or the file taken in again) changes nothing; a
sample that does not balance is refused whole with the difference shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import ClaimEvent
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import ClaimPayment, RemittanceFile, Unmatched
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835
from cleanclaim.x12 import X12Error, parse

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def readable_835s(shared: Path) -> list[Path]:
    """The 5010 835 samples (the 4010 and prose files among them are not 835s we read)."""
    out = []
    for f in sorted((shared / "x12" / "835").iterdir()):
        try:
            doc = parse(f.read_bytes())
        except X12Error:
            continue
        if any(t.guide.name == "835" for t in doc.transactions):
            out.append(f)
    return out


SAMPLES = readable_835s(SHARED_DATA) if (SHARED_DATA / "x12" / "835").is_dir() else []


def _state() -> tuple[list[tuple[object, ...]], int, int]:
    ledger = list(
        LedgerEntry.objects.exclude(kind="charge")
        .order_by("key")
        .values_list("key", "bucket", "kind", "amount")
    )
    return ledger, ClaimEvent.objects.count(), ClaimPayment.objects.count()


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_sample_posts_everything_once(shared_data: Path, path: Path) -> None:
    home = build_world().home
    actor = Actor(user=None, label="system: test")
    data = path.read_bytes()
    for remit in actions.read(data):
        claims_for_835(remit, home.practice, home.payer, home.provider, home.location)
    rf = actions.take_in_835(actor, home.practice, path.name, data)
    if rf.status == RemittanceFile.Status.REFUSED:
        assert rf.differences and all(d["difference"] != "0" for d in rf.differences)
        with pytest.raises(actions.NotPostable):
            actions.post_file(actor, rf)
        assert (
            not ClaimPayment.objects.exists()
            and not LedgerEntry.objects.exclude(kind="charge").exists()
        )
        return
    summary = actions.post_file(actor, rf)
    assert summary.unmatched == 0 and not Unmatched.objects.exists()
    assert summary.posted == rf.claim_count
    assert LedgerEntry.objects.exclude(kind="charge").filter(source=f"remit:{rf.pk}").exists()
    before = _state()
    again = actions.post_file(actor, rf)
    assert again.posted == 0 and again.skipped == rf.claim_count
    assert actions.take_in_835(actor, home.practice, "again.835", data).pk == rf.pk
    assert _state() == before


def test_the_samples_are_there() -> None:
    if not SAMPLES:
        pytest.skip("no readable 835 sample in ../shared/data/x12/835")
    assert len(SAMPLES) >= 10
