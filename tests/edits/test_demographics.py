"""dx-sex and dx-age from ICD-10-CM chapters and blocks with the CMS MCE age
categories (maternity 9-64, newborn 0, pediatric 0-17, adult 15-124)."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.edits import Patient

BOB = Patient("BAKER BOB", dt.date(1975, 1, 1), "M")


@pytest.mark.parametrize("dx", ["O09.91", "N81.2", "C53.9", "Z34.00"])
def test_it_warns_on_a_female_only_diagnosis_for_a_male(mk, ctx, dx: str) -> None:
    (f,) = mk.findings(mk.claim(diagnoses=(dx,), patient=BOB), ctx, "DX-SEX-001")
    assert f.severity == "warning" and dx in f.message and f.carc == "10"


@pytest.mark.parametrize("dx", ["N40.0", "C61"])
def test_it_warns_on_a_male_only_diagnosis_for_a_female(mk, ctx, dx: str) -> None:
    assert len(mk.findings(mk.claim(diagnoses=(dx,)), ctx, "DX-SEX-001")) == 1


def test_it_does_not_treat_breast_disorders_as_female_only(mk, ctx) -> None:
    assert mk.findings(mk.claim(diagnoses=("N62",), patient=BOB), ctx, "DX-SEX-001") == []


def test_it_flags_pregnancy_outside_maternity_ages(mk, ctx) -> None:
    old = Patient("ELDER EVE", dt.date(1950, 1, 1), "F")
    (f,) = mk.findings(mk.claim(diagnoses=("O09.91",), patient=old), ctx, "DX-AGE-001")
    assert "ages 9-64" in f.message and f.carc == "9"


def test_it_flags_a_newborn_code_after_birth_year(mk, ctx) -> None:
    kid = Patient("KID", dt.date(2020, 1, 1), "F")
    (f,) = mk.findings(mk.claim(diagnoses=("Z38.00",), patient=kid), ctx, "DX-AGE-001")
    assert f.severity == "error"


def test_it_only_warns_on_a_perinatal_code_later_in_life(mk, ctx) -> None:
    (f,) = mk.findings(mk.claim(diagnoses=("P07.30",)), ctx, "DX-AGE-001")
    assert f.severity == "warning" and "later in life" in f.message


def test_it_matches_child_and_adult_exams_to_age(mk, ctx) -> None:
    kid = Patient("KID", dt.date(2018, 1, 1), "F")
    assert len(mk.findings(mk.claim(diagnoses=("Z00.00",), patient=kid), ctx, "DX-AGE-001")) == 1
    assert len(mk.findings(mk.claim(diagnoses=("Z00.121",)), ctx, "DX-AGE-001")) == 1
    assert mk.findings(mk.claim(diagnoses=("Z00.121",), patient=kid), ctx, "DX-AGE-001") == []
