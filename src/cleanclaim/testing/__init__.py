"""Test helpers shipped with the package so every capability's tests reuse them:
personas (``personas.build_world``) and the Chromium fixture (``browser``)."""
