"""Every code-value enum value is a code of its X12 element, per the X12 5010
element code lists (../shared/data/codes/x12_5010_element_code_lists.csv), and
its name says what the list's description says."""

from __future__ import annotations

import csv
import re
from enum import StrEnum

import pytest

from cleanclaim.x12.x217_278 import codes as c217
from cleanclaim.x12.x221a1_835 import codes as c835
from cleanclaim.x12.x279a1_270_271 import codes as c279

#: enum → X12 element id whose code list it names
ELEMENTS: list[tuple[type[StrEnum], str]] = [
    (c835.TransactionHandlingCode, "305"),
    (c835.CreditDebitFlagCode, "478"),
    (c835.PaymentMethodCode, "591"),
    (c835.ClaimStatusCode, "1029"),
    (c835.ClaimAdjustmentGroupCode, "1033"),
    (c835.ProviderAdjustmentReasonCode, "426"),
    (c279.HierarchicalLevelCode, "735"),
    (c279.EligibilityOrBenefitInformationCode, "1390"),
    (c279.CoverageLevelCode, "1207"),
    (c279.TimePeriodQualifier, "615"),
    (c279.YesNoConditionOrResponseCode, "1073"),
    (c279.RejectReasonCode, "901"),
    (c279.FollowUpActionCode, "889"),
    (c217.TransactionSetPurposeCode, "353"),
    (c217.HierarchicalLevelCode, "735"),
    (c217.RequestCategoryCode, "1525"),
    (c217.CertificationTypeCode, "1322"),
    (c217.LevelOfServiceCode, "1338"),
    (c217.ActionCode, "306"),
]


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", text.lower()) if len(w) > 3}


@pytest.fixture(scope="module")
def code_lists(shared_data):
    out: dict[str, dict[str, str]] = {}
    with (shared_data / "codes" / "x12_5010_element_code_lists.csv").open() as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["element_id"], {})[row["code"]] = row["description"]
    return out


@pytest.mark.parametrize(("enum", "element"), ELEMENTS, ids=lambda x: getattr(x, "__name__", x))
def test_it_uses_only_codes_of_the_element(enum, element, code_lists):
    known = code_lists[element]
    for member in enum:
        assert member.value in known, f"{enum.__name__}.{member.name} = {member.value!r}"
        # the name shares a word with the official description
        assert (
            _words(member.name.replace("_", " ")) & _words(known[member.value])
            or len(_words(known[member.value])) == 0
        ), f"{enum.__name__}.{member.name} vs {known[member.value]!r}"
