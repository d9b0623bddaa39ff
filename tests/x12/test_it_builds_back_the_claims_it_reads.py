"""The 837P builder writes the view's own claim shape: for every shared 5010 837P
sample, ``claims(read)`` → :func:`build_837p` → read → ``claims`` gives equal claims.

Compared: every field of :class:`Claim` the builder writes (ids, money, codes,
dates, parties, diagnoses and their qualifiers, lines, and a drug line's NDC,
quantity and unit of loop 2410: LIN03, CTP04, CTP05-1). Left out, because the
builder does not write them: a claim's ``position``/``notes``/``loop`` (where it was
in the file) and ``other_payer_paid`` (2330B/2430 DTP*573, under the 2320 loops),
a line's rendering NPI (loop 2420A). The other payers (2320 with 2330A/2330B) and the
lines' adjudications (2430) are compared. What the samples hold and the view does not
carry (CLM06/CLM08/CLM09, other HI code lists, OI04 and the 2330C-G providers of the
coordination of benefits loops, 2310 loops but the referring and rendering
providers, a drug line's REF*XZ prescription number) is neither compared nor
written. The claims come back grouped by billing provider, subscriber and patient
(the HL hierarchy the builder draws), so they are compared in claim-id order.

A claim the view could not read whole (:attr:`Claim.notes`: five samples write
their composites with ``>`` although ISA16 declares ``:``, so CLM05 and HI are
unread) is not built: the builder refuses it with an ``X12Error`` naming the field.
Neither is a claim whose 2320 loop lacks its required 2330B other payer (one sample,
``cob.example3.A``): the builder refuses it naming ``other_payers[0].payer_name``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from cleanclaim.x12 import X12Error, parse
from cleanclaim.x12.x222a1_837p import Claim, claims
from cleanclaim.x12.x222a1_837p.building import Receiver, Submitter, build_837p

SUBMITTER = Submitter("RIVERSIDE FAMILY MEDICINE", "RFM0001", "ALICE BILLER", phone="5035550100")
RECEIVER = Receiver("DEMO CLEARINGHOUSE", "CH0001")
#: claims of the 35 samples built back (one each), and those the view could not read whole
BUILT, REFUSED = 29, 6


def _written(c: Claim) -> Claim:
    """The claim as far as the builder writes it."""
    return replace(
        c,
        position=0,
        notes=[],
        other_payer_paid=None,
        lines=[replace(line, rendering_npi="") for line in c.lines],
    )


def _payers_named(c: Claim) -> bool:
    return all(o.payer_name for o in c.other_payers)


def _ordered(read: list[Claim]) -> list[Claim]:
    return sorted((_written(c) for c in read), key=lambda c: (c.claim_id, repr(c)))


def _build(read: list[Claim], component: str) -> list[Claim]:
    tx = build_837p(
        read,
        submitter=SUBMITTER,
        receiver=RECEIVER,
        created=datetime(2026, 11, 2, 9, 30),
        component=component,
    )
    return claims(tx)


@pytest.mark.shared_data
def test_it_builds_back_the_claims_of_every_sample(samples_837p: list[Path]) -> None:
    built = refused = 0
    for path in samples_837p:
        for t in parse(path.read_bytes()).transactions:
            comp = t.interchange.delimiters.component
            read = claims(t.data)
            whole = [c for c in read if not c.notes and _payers_named(c)]
            if whole:
                assert _ordered(_build(whole, comp)) == _ordered(whole), path.name
                built += len(whole)
            for c in read:
                if c.notes or not _payers_named(c):
                    with pytest.raises(X12Error, match=r"claims\[0\]\.\w+"):
                        _build([c], comp)
                    refused += 1
    assert (built, refused) == (BUILT, REFUSED)
