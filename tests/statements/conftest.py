"""Fixtures for statements: the two-organisation world."""

from __future__ import annotations

import pytest

from cleanclaim.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    return build_world()
