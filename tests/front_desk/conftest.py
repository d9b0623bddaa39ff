"""Fixtures for the front-desk tests: the two-organisation world, a temporary var/."""

from __future__ import annotations

import pytest

from cleanclaim.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def cards_dir(tmp_path, settings):  # type: ignore[no-untyped-def]
    """Card images go under a temporary var/ for the test."""
    settings.VAR_DIR = tmp_path
    return tmp_path / "cards"
