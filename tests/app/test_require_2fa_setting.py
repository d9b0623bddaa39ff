"""CLEANCLAIM_REQUIRE_2FA is parsed strictly: admins (default) or all."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.web.config import ConfigError, load


def _load(tmp_path: Path, **env: str):  # type: ignore[no-untyped-def]
    return load({"CLEANCLAIM_VAR_DIR": str(tmp_path), **env})


def test_it_requires_it_for_admins_by_default(tmp_path: Path) -> None:
    assert _load(tmp_path).require_2fa == "admins"


@pytest.mark.parametrize(
    ("raw", "parsed"), [("all", "all"), (" ALL ", "all"), ("admins", "admins")]
)
def test_it_reads_admins_or_all(tmp_path: Path, raw: str, parsed: str) -> None:
    assert _load(tmp_path, CLEANCLAIM_REQUIRE_2FA=raw).require_2fa == parsed


@pytest.mark.parametrize("raw", ["none", "yes", "admin", "everyone", "1"])
def test_it_refuses_anything_else_naming_the_variable(tmp_path: Path, raw: str) -> None:
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, CLEANCLAIM_REQUIRE_2FA=raw)
    assert str(err.value).startswith("CLEANCLAIM_REQUIRE_2FA: expected admins or all")
