"""CLEANCLAIM_NO_ANSWER_DAYS (days without an acknowledgement before a sent claim is on
the "no answer" list) defaults to 30 and is parsed strictly, naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.web.config import ConfigError, load


def _load(tmp_path: Path, **env: str):  # type: ignore[no-untyped-def]
    return load({"CLEANCLAIM_VAR_DIR": str(tmp_path), **env})


def test_it_defaults_to_thirty_days(tmp_path: Path) -> None:
    assert _load(tmp_path).no_answer_days == 30


def test_it_takes_a_whole_number_of_days(tmp_path: Path) -> None:
    assert _load(tmp_path, CLEANCLAIM_NO_ANSWER_DAYS=" 45 ").no_answer_days == 45


@pytest.mark.parametrize("value", ["thirty", "0", "-5", "3.5", "366"])
def test_it_refuses_a_bad_value_naming_the_variable(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, CLEANCLAIM_NO_ANSWER_DAYS=value)
    assert "CLEANCLAIM_NO_ANSWER_DAYS" in str(err.value)
