"""837P service-line segments (005010X222A1 loops 2400-2440): SV1, SV5, CR3, LIN, CTP,
MEA, PS1, SVD, FRM. Field names are the X12 element names.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ...money import read_amount
from ..typed import AN, DT, ID, N0, R, TypedSegment, el

__all__ = ["CR3", "CTP", "FRM", "LIN", "MEA", "PS1", "SV1", "SV5", "SVD"]


@dataclass(slots=True)
class SV1(TypedSegment):
    """Professional Service (2400).

    SV101 composite medical procedure identifier: -1 qualifier (HC, ER, IV,
    WK), -2 procedure code, -3..-6 modifiers, -7 description, -8 not used.
    SV107 composite diagnosis code pointer: up to four pointers 1-12.
    """

    TAG: ClassVar[str] = "SV1"
    composite_medical_procedure_identifier: tuple[str, ...] = el(
        "SV101", "Composite Medical Procedure Identifier", AN, 1, 48, composite=True
    )
    monetary_amount: str = el("SV102", "Monetary Amount", R, 1, 18)
    unit_or_basis_for_measurement_code: str = el(
        "SV103", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    quantity: str = el("SV104", "Quantity", R, 1, 15)
    facility_code_value: str = el("SV105", "Facility Code Value", AN, 1, 2)
    service_type_code: str = el("SV106", "Service Type Code", ID, 1, 2)
    composite_diagnosis_code_pointer: tuple[str, ...] = el(
        "SV107", "Composite Diagnosis Code Pointer", N0, 1, 2, composite=True
    )
    sv108: str = el("SV108", "Monetary Amount", R, 1, 18)
    emergency_indicator: str = el("SV109", "Yes/No Condition or Response Code", ID, 1, 1)
    sv110: str = el("SV110", "Multiple Procedure Code", ID, 1, 2)
    epsdt_indicator: str = el("SV111", "Yes/No Condition or Response Code", ID, 1, 1)
    family_planning_indicator: str = el("SV112", "Yes/No Condition or Response Code", ID, 1, 1)
    sv113: str = el("SV113", "Review Code", ID, 1, 2)
    sv114: str = el("SV114", "National or Local Assigned Review Value", AN, 1, 2)
    copay_status_code: str = el("SV115", "Copay Status Code", ID, 1, 1)

    @property
    def charge(self) -> Decimal | None:
        """SV102 as a Decimal."""
        return read_amount(self.monetary_amount)

    @property
    def procedure_code(self) -> str:
        """SV101-2."""
        return self.component(1, 2)

    @property
    def modifiers(self) -> list[str]:
        """SV101-3 .. SV101-6, those present."""
        return [m for m in self.composite_medical_procedure_identifier[2:6] if m]


@dataclass(slots=True)
class SV5(TypedSegment):
    """Durable Medical Equipment Service (2400)."""

    TAG: ClassVar[str] = "SV5"
    composite_medical_procedure_identifier: tuple[str, ...] = el(
        "SV501", "Composite Medical Procedure Identifier", AN, 1, 48, composite=True
    )
    unit_or_basis_for_measurement_code: str = el(
        "SV502", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    quantity: str = el("SV503", "Quantity", R, 1, 15)
    monetary_amount: str = el("SV504", "Monetary Amount", R, 1, 18)
    monetary_amount_2: str = el("SV505", "Monetary Amount", R, 1, 18)
    frequency_code: str = el("SV506", "Frequency Code", ID, 1, 1)


@dataclass(slots=True)
class CR3(TypedSegment):
    """Durable Medical Equipment Certification."""

    TAG: ClassVar[str] = "CR3"
    certification_type_code: str = el("CR301", "Certification Type Code", ID, 1, 1)
    unit_or_basis_for_measurement_code: str = el(
        "CR302", "Unit or Basis for Measurement Code", ID, 2, 2
    )
    quantity: str = el("CR303", "Quantity", R, 1, 15)


@dataclass(slots=True)
class SVD(TypedSegment):
    """Line Adjudication Information (2430)."""

    TAG: ClassVar[str] = "SVD"
    identification_code: str = el("SVD01", "Identification Code", AN, 2, 80)
    monetary_amount: str = el("SVD02", "Monetary Amount", R, 1, 18)
    composite_medical_procedure_identifier: tuple[str, ...] = el(
        "SVD03", "Composite Medical Procedure Identifier", AN, 1, 48, composite=True
    )
    product_service_id: str = el("SVD04", "Product/Service ID", AN, 1, 48)
    quantity: str = el("SVD05", "Quantity", R, 1, 15)
    assigned_number: str = el("SVD06", "Assigned Number", N0, 1, 6)

    @property
    def paid(self) -> Decimal | None:
        """SVD02 as a Decimal."""
        return read_amount(self.monetary_amount)


@dataclass(slots=True)
class LIN(TypedSegment):
    """Item Identification (2410 drug: LIN02 ``N4``, LIN03 the NDC)."""

    TAG: ClassVar[str] = "LIN"
    assigned_identification: str = el("LIN01", "Assigned Identification", AN, 1, 20)
    product_service_id_qualifier: str = el("LIN02", "Product/Service ID Qualifier", ID, 2, 2)
    product_service_id: str = el("LIN03", "Product/Service ID", AN, 1, 48)


@dataclass(slots=True)
class CTP(TypedSegment):
    """Pricing Information (2410 drug quantity: CTP04 quantity, CTP05-1 unit)."""

    TAG: ClassVar[str] = "CTP"
    class_of_trade_code: str = el("CTP01", "Class of Trade Code", ID, 2, 2)
    price_identifier_code: str = el("CTP02", "Price Identifier Code", ID, 3, 3)
    unit_price: str = el("CTP03", "Unit Price", R, 1, 17)
    quantity: str = el("CTP04", "Quantity", R, 1, 15)
    composite_unit_of_measure: tuple[str, ...] = el(
        "CTP05", "Composite Unit of Measure", ID, 2, 2, composite=True
    )


@dataclass(slots=True)
class MEA(TypedSegment):
    """Measurements (2400 test results)."""

    TAG: ClassVar[str] = "MEA"
    measurement_reference_id_code: str = el("MEA01", "Measurement Reference ID Code", ID, 2, 2)
    measurement_qualifier: str = el("MEA02", "Measurement Qualifier", ID, 1, 3)
    measurement_value: str = el("MEA03", "Measurement Value", R, 1, 20)


@dataclass(slots=True)
class PS1(TypedSegment):
    """Purchased Service Information (2400)."""

    TAG: ClassVar[str] = "PS1"
    reference_identification: str = el("PS101", "Reference Identification", AN, 1, 50)
    monetary_amount: str = el("PS102", "Monetary Amount", R, 1, 18)


@dataclass(slots=True)
class FRM(TypedSegment):
    """Supporting Documentation (2440)."""

    TAG: ClassVar[str] = "FRM"
    assigned_identification: str = el("FRM01", "Assigned Identification", AN, 1, 20)
    yes_no_condition_or_response_code: str = el(
        "FRM02", "Yes/No Condition or Response Code", ID, 1, 1
    )
    reference_identification: str = el("FRM03", "Reference Identification", AN, 1, 50)
    date: str = el("FRM04", "Date", DT, 8, 8)
    percent: str = el("FRM05", "Percent, Decimal Format", R, 1, 6)
