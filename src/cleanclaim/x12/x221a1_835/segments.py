"""Typed 835 segments, their fields named after the X12 elements.

Each class reads one segment (:meth:`from_segment`) and writes it back
(:meth:`to_segment`); amounts are :class:`~decimal.Decimal`. Only the segments
the remittance view interprets are typed; every other segment stays a generic
:class:`~cleanclaim.x12._segments.Segment` in the loop tree, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...money import read_amount, read_amount_or_zero
from .._segments import Delimiters, Segment
from ..guidekit.values import x12_number


def _trim(elements: list[str]) -> list[str]:
    while elements and elements[-1] == "":
        elements.pop()
    return elements


@dataclass(slots=True)
class BPR:
    """BPR Financial Information (header)."""

    transaction_handling_code: str  # BPR01
    total_actual_provider_payment_amount: Decimal  # BPR02
    credit_debit_flag_code: str  # BPR03
    payment_method_code: str  # BPR04
    payment_format_code: str = ""  # BPR05
    dfi_id_number_qualifier: str = ""  # BPR06
    dfi_identification_number: str = ""  # BPR07
    account_number_qualifier: str = ""  # BPR08
    sender_bank_account_number: str = ""  # BPR09
    originating_company_identifier: str = ""  # BPR10
    originating_company_supplemental_code: str = ""  # BPR11
    receiver_dfi_id_number_qualifier: str = ""  # BPR12
    receiver_dfi_identification_number: str = ""  # BPR13
    receiver_account_number_qualifier: str = ""  # BPR14
    receiver_account_number: str = ""  # BPR15
    check_issue_or_eft_effective_date: str = ""  # BPR16 CCYYMMDD

    @classmethod
    def from_segment(cls, seg: Segment) -> BPR:
        g = seg.get
        return cls(
            g(1),
            read_amount_or_zero(g(2)),
            g(3),
            g(4),
            g(5),
            g(6),
            g(7),
            g(8),
            g(9),
            g(10),
            g(11),
            g(12),
            g(13),
            g(14),
            g(15),
            g(16),
        )

    def to_segment(self) -> Segment:
        return Segment(
            "BPR",
            _trim(
                [
                    self.transaction_handling_code,
                    x12_number(self.total_actual_provider_payment_amount),
                    self.credit_debit_flag_code,
                    self.payment_method_code,
                    self.payment_format_code,
                    self.dfi_id_number_qualifier,
                    self.dfi_identification_number,
                    self.account_number_qualifier,
                    self.sender_bank_account_number,
                    self.originating_company_identifier,
                    self.originating_company_supplemental_code,
                    self.receiver_dfi_id_number_qualifier,
                    self.receiver_dfi_identification_number,
                    self.receiver_account_number_qualifier,
                    self.receiver_account_number,
                    self.check_issue_or_eft_effective_date,
                ]
            ),
        )


@dataclass(slots=True)
class TRN:
    """TRN Reassociation Trace Number (check or EFT trace)."""

    trace_type_code: str  # TRN01 ("1" current transaction trace numbers)
    reference_identification: str  # TRN02 check or EFT trace number
    originating_company_identifier: str = ""  # TRN03
    reference_identification_2: str = ""  # TRN04

    @classmethod
    def from_segment(cls, seg: Segment) -> TRN:
        return cls(seg.get(1), seg.get(2), seg.get(3), seg.get(4))

    def to_segment(self) -> Segment:
        return Segment(
            "TRN",
            _trim(
                [
                    self.trace_type_code,
                    self.reference_identification,
                    self.originating_company_identifier,
                    self.reference_identification_2,
                ]
            ),
        )


@dataclass(slots=True)
class CLP:
    """CLP Claim Payment Information (2100)."""

    claim_submitters_identifier: str  # CLP01 our patient control number (CLM01)
    claim_status_code: str  # CLP02, see ClaimStatusCode
    total_claim_charge_amount: Decimal  # CLP03
    claim_payment_amount: Decimal  # CLP04
    patient_responsibility_amount: Decimal | None = None  # CLP05
    claim_filing_indicator_code: str = ""  # CLP06
    payer_claim_control_number: str = ""  # CLP07
    facility_type_code: str = ""  # CLP08
    claim_frequency_type_code: str = ""  # CLP09
    diagnosis_related_group_code: str = ""  # CLP11
    drg_weight: str = ""  # CLP12
    discharge_fraction: str = ""  # CLP13

    @classmethod
    def from_segment(cls, seg: Segment) -> CLP:
        g = seg.get
        return cls(
            g(1),
            g(2),
            read_amount_or_zero(g(3)),
            read_amount_or_zero(g(4)),
            read_amount(g(5)),
            g(6),
            g(7),
            g(8),
            g(9),
            g(11),
            g(12),
            g(13),
        )

    def to_segment(self) -> Segment:
        return Segment(
            "CLP",
            _trim(
                [
                    self.claim_submitters_identifier,
                    self.claim_status_code,
                    x12_number(self.total_claim_charge_amount),
                    x12_number(self.claim_payment_amount),
                    x12_number(self.patient_responsibility_amount),
                    self.claim_filing_indicator_code,
                    self.payer_claim_control_number,
                    self.facility_type_code,
                    self.claim_frequency_type_code,
                    "",
                    self.diagnosis_related_group_code,
                    self.drg_weight,
                    self.discharge_fraction,
                ]
            ),
        )


@dataclass(slots=True)
class Adjustment:
    """One reason/amount/quantity triple of a CAS segment."""

    claim_adjustment_reason_code: str  # CAS02/05/08/11/14/17 (CARC)
    monetary_amount: Decimal  # CAS03/06/...
    quantity: Decimal | None = None  # CAS04/07/...


@dataclass(slots=True)
class CAS:
    """CAS Claim/Service Adjustment: a group code and up to six triples."""

    claim_adjustment_group_code: str  # CAS01, see ClaimAdjustmentGroupCode
    adjustments: list[Adjustment] = field(default_factory=list)

    @classmethod
    def from_segment(cls, seg: Segment) -> CAS:
        els = seg.elements
        items: list[Adjustment] = []
        for start in range(1, min(len(els), 19), 3):
            reason = els[start]
            amount = els[start + 1] if start + 1 < len(els) else ""
            if not reason and not amount:
                continue
            quantity = els[start + 2] if start + 2 < len(els) else ""
            items.append(
                Adjustment(
                    reason, read_amount_or_zero(amount), read_amount(quantity) if quantity else None
                )
            )
        return cls(els[0] if els else "", items)

    def to_segment(self) -> Segment:
        out = [self.claim_adjustment_group_code]
        for adj in self.adjustments[:6]:
            out += [
                adj.claim_adjustment_reason_code,
                x12_number(adj.monetary_amount),
                x12_number(adj.quantity),
            ]
        return Segment("CAS", _trim(out))


@dataclass(slots=True)
class ProcedureIdentifier:
    """C003 Composite Medical Procedure Identifier (SVC01, SVC06)."""

    product_or_service_id_qualifier: str  # -01: HC (HCPCS/CPT), NU (revenue code), ...
    procedure_code: str  # -02
    procedure_modifiers: list[str] = field(default_factory=list)  # -03..-06
    description: str = ""  # -07

    @classmethod
    def parse(cls, text: str, d: Delimiters) -> ProcedureIdentifier | None:
        if not text:
            return None
        parts = text.split(d.component)
        mods = [m for m in parts[2:6] if m]
        return cls(
            parts[0], parts[1] if len(parts) > 1 else "", mods, parts[6] if len(parts) > 6 else ""
        )

    def text(self, d: Delimiters) -> str:
        parts = [
            self.product_or_service_id_qualifier,
            self.procedure_code,
            *self.procedure_modifiers[:4],
        ]
        if self.description:
            parts += [""] * (6 - len(parts)) + [self.description]
        return d.component.join(parts)


@dataclass(slots=True)
class SVC:
    """SVC Service Payment Information (2110)."""

    composite_medical_procedure_identifier: ProcedureIdentifier | None  # SVC01
    line_item_charge_amount: Decimal  # SVC02
    line_item_provider_payment_amount: Decimal  # SVC03
    national_uniform_billing_committee_revenue_code: str = ""  # SVC04
    units_of_service_paid_count: Decimal | None = None  # SVC05
    original_procedure_identifier: ProcedureIdentifier | None = None  # SVC06
    original_units_of_service_count: Decimal | None = None  # SVC07

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> SVC:
        g = seg.get
        return cls(
            ProcedureIdentifier.parse(g(1), d),
            read_amount_or_zero(g(2)),
            read_amount_or_zero(g(3)),
            g(4),
            read_amount(g(5)),
            ProcedureIdentifier.parse(g(6), d),
            read_amount(g(7)),
        )

    def to_segment(self, d: Delimiters) -> Segment:
        first = self.composite_medical_procedure_identifier
        orig = self.original_procedure_identifier
        return Segment(
            "SVC",
            _trim(
                [
                    first.text(d) if first else "",
                    x12_number(self.line_item_charge_amount),
                    x12_number(self.line_item_provider_payment_amount),
                    self.national_uniform_billing_committee_revenue_code,
                    x12_number(self.units_of_service_paid_count),
                    orig.text(d) if orig else "",
                    x12_number(self.original_units_of_service_count),
                ]
            ),
        )


@dataclass(slots=True)
class ProviderAdjustment:
    """One PLB adjustment: C042 identifier (reason and reference) and amount."""

    adjustment_reason_code: str  # PLB03-1 / 05-1 / ...
    reference_identification: str  # PLB03-2 / 05-2 / ...
    provider_adjustment_amount: Decimal  # PLB04 / 06 / ...


@dataclass(slots=True)
class PLB:
    """PLB Provider Adjustment (summary): up to six adjustments."""

    reference_identification: str  # PLB01 provider identifier
    fiscal_period_date: str  # PLB02 CCYYMMDD (last day of the provider's fiscal year)
    adjustments: list[ProviderAdjustment] = field(default_factory=list)

    @classmethod
    def from_segment(cls, seg: Segment, d: Delimiters) -> PLB:
        items: list[ProviderAdjustment] = []
        for start in range(3, 15, 2):
            ident = seg.get(start)
            amount = seg.get(start + 1)
            if not ident and not amount:
                continue
            parts = ident.split(d.component)
            items.append(
                ProviderAdjustment(
                    parts[0], parts[1] if len(parts) > 1 else "", read_amount_or_zero(amount)
                )
            )
        return cls(seg.get(1), seg.get(2), items)

    def to_segment(self, d: Delimiters) -> Segment:
        out = [self.reference_identification, self.fiscal_period_date]
        for adj in self.adjustments[:6]:
            ident = adj.adjustment_reason_code
            if adj.reference_identification:
                ident += d.component + adj.reference_identification
            out += [ident, x12_number(adj.provider_adjustment_amount)]
        return Segment("PLB", _trim(out))
