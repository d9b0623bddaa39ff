"""Every answer of the app (pages, HTMX fragments, API, errors) says ``Cache-Control:
no-store`` and carries the Content-Security-Policy and the Permissions-Policy; the
templates hold no inline script a policy without 'unsafe-inline' would block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cleanclaim.api.models import ApiToken
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "cleanclaim"


def _assert_headers(response, what: str) -> None:  # type: ignore[no-untyped-def]
    assert response["Cache-Control"] == "no-store", what
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp, what
    assert "frame-ancestors 'none'" in csp, what
    assert "camera=()" in response["Permissions-Policy"], what
    assert "microphone=()" in response["Permissions-Policy"], what


def test_it_sends_the_headers_on_phi_pages_fragments_and_errors(world: World) -> None:
    desk = Client()
    desk.force_login(world.home.users[Role.FRONT_DESK])
    patient = world.home.patient
    for url in (
        reverse("patients:list"),
        reverse("patients:detail", kwargs={"pk": patient.pk}),
        reverse("patients:edit", kwargs={"pk": patient.pk}),
        "/patients/999999999/",
    ):
        _assert_headers(desk.get(url), url)
    _assert_headers(desk.post(reverse("patients:list"), {"q": "x"}, HTTP_HX_REQUEST="true"), "hx")
    _assert_headers(Client().get(reverse("login")), "login")
    _assert_headers(desk.get(reverse("payers:list")), "403")


def test_it_sends_the_headers_on_api_answers(world: World) -> None:
    _row, token = ApiToken.issue(world.home.users[Role.FRONT_DESK], "headers")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    for url in (
        reverse("api:me"),
        reverse("api:patient_list"),
        reverse("api:patient_detail", kwargs={"pk": world.home.patient.pk}),
    ):
        response = api.get(url)
        assert response.status_code == 200, url
        _assert_headers(response, url)
    _assert_headers(Client().get(reverse("api:me")), "401")


def test_it_leaves_static_files_cacheable(client: Client) -> None:
    response = client.get("/" + settings.STATIC_URL.strip("/") + "/cleanclaim/app.css")
    response.close()
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


_INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on* event handler attribute"),
    (re.compile(r"\shx-on", re.I), "an hx-on attribute (htmx evaluates it as script)"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<style", re.I), "an inline <style>"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def test_it_keeps_script_and_style_out_of_the_templates() -> None:
    found = []
    templates = sorted(SRC.rglob("templates/**/*.html"))
    assert len(templates) > 10
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for pattern, what in _INLINE:
            for m in pattern.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                found.append(f"{path.relative_to(SRC)}:{line}: {what}")
    assert not found, "\n".join(found)
