"""Fixtures for the application tests: the two-organisation world and Chromium."""

from __future__ import annotations

import pytest

from cleanclaim.testing.personas import World, build_world


@pytest.fixture
def world(db: None) -> World:
    return build_world()
