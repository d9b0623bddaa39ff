"""CLEANCLAIM_CMS1500_OFFSET_MM: "dx,dy" millimetres, parsed strictly (default 0,0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.web.config import ConfigError, load, parse_cms1500_offset


def test_it_defaults_to_no_offset(tmp_path: Path) -> None:
    assert load({"CLEANCLAIM_VAR_DIR": str(tmp_path)}).cms1500_offset_mm == (0.0, 0.0)
    assert parse_cms1500_offset({"CLEANCLAIM_CMS1500_OFFSET_MM": " "}) == (0.0, 0.0)


def test_it_reads_two_numbers_of_millimetres(tmp_path: Path) -> None:
    env = {"CLEANCLAIM_VAR_DIR": str(tmp_path), "CLEANCLAIM_CMS1500_OFFSET_MM": "1.5, -0.75"}
    assert load(env).cms1500_offset_mm == (1.5, -0.75)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("1", "expected two numbers of millimetres 'dx,dy'"),
        ("1,2,3", "expected two numbers of millimetres 'dx,dy'"),
        ("1mm,2", "expected two numbers of millimetres 'dx,dy'"),
        ("nan,0", "expected two numbers of millimetres 'dx,dy'"),
        ("1e1,0", "expected two numbers of millimetres 'dx,dy'"),
        ("1_0,0", "expected two numbers of millimetres 'dx,dy'"),
        ("0,-26", "-26 mm is more than 25.4 mm"),
    ],
)
def test_it_names_the_variable_with_a_bad_value(tmp_path: Path, value: str, said: str) -> None:
    env = {"CLEANCLAIM_VAR_DIR": str(tmp_path), "CLEANCLAIM_CMS1500_OFFSET_MM": value}
    with pytest.raises(ConfigError, match=f"^CLEANCLAIM_CMS1500_OFFSET_MM: .*{said}"):
        load(env)
