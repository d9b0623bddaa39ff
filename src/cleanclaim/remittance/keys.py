"""Idempotency keys: one per claim payment, stable across runs of the same 835.

A claim payment (2100) is named by the payer, the check/EFT trace (TRN02), our
patient control number (CLP01), the payer's claim control number (CLP07) and its
sequence among the claim payments of the file with that same CLP01 and CLP07 (a
reversal, CLP02 22, and its corrected payment share both). Ledger entry keys are
derived from it (decision 1001)."""

from __future__ import annotations

from cleanclaim.x12.x221a1_835.view import Remittance


def payer_key(remit: Remittance) -> str:
    """The payer's identifier: N1*PR N104 (1000A), else TRN03, else the payer's name."""
    payer = remit.payer
    if payer is not None and payer.identification_code:
        return payer.identification_code
    if remit.trn is not None and remit.trn.originating_company_identifier:
        return remit.trn.originating_company_identifier
    return payer.name if payer is not None else ""


def claim_payment_keys(remit: Remittance) -> list[str]:
    """The key of each claim payment of ``remit``, in file order."""
    payer = payer_key(remit)
    trace = remit.trn.reference_identification if remit.trn else ""
    seen: dict[tuple[str, str], int] = {}
    out: list[str] = []
    for cp in remit.claims:
        ident = (cp.clp.claim_submitters_identifier, cp.clp.payer_claim_control_number)
        seen[ident] = seen.get(ident, 0) + 1
        out.append(f"{payer}:{trace}:{ident[0]}:{ident[1]}:{seen[ident]}")
    return out
