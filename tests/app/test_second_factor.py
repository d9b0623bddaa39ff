"""TOTP second factor: administrators enrol before anything else, everybody with a
device verifies at sign-in, wrong codes are throttled. Codes are computed in the
test from the device's key, as an authenticator app would."""

from __future__ import annotations

import base64

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.models import User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

PASSWORD = "violet harbour lantern sixty"


@pytest.fixture(autouse=True)
def _fast_hashes(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _sign_in(user: User) -> Client:
    """Through the real sign-in form (not force_login, which passes the second factor)."""
    user.set_password(PASSWORD)
    user.save()
    client = Client()
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return client


def _code(key: bytes, device: TOTPDevice) -> str:
    return f"{totp(key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_an_admin_without_a_device_is_sent_to_enrol_before_anything_else(world: World) -> None:
    client = _sign_in(world.home.users[Role.ADMIN])
    for url in (reverse("home"), reverse("manage:users"), reverse("account:password")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account:enrol")), url
    assert client.get(reverse("api:me")).status_code == 401


def test_an_admin_enrols_with_the_key_shown_and_a_real_code(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code first, then the right one at once
    admin = world.home.users[Role.ADMIN]
    client = _sign_in(admin)
    page = client.get(reverse("account:enrol"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "<svg" in body
    secret = page.context["secret"].replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    device = TOTPDevice.objects.get(user=admin)
    assert not device.confirmed
    assert client.post(reverse("account:enrol"), {"code": "000000"}).status_code == 200
    response = client.post(reverse("account:enrol"), {"code": _code(key, device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("manage:users")).status_code == 200
    entry = AuditEntry.objects.get(model="practices.User", object_pk=str(admin.pk))
    assert entry.context == {"event": "authenticator app enrolled"}
    assert secret not in str(entry.changes) + str(entry.context)


def test_a_user_with_a_device_verifies_at_sign_in(world: World) -> None:
    coder = world.home.users[Role.CODER]
    device = _device(coder)
    client = _sign_in(coder)
    response = client.get(reverse("coding:screen"))
    assert response["Location"].startswith(reverse("account:verify"))
    wrong = client.post(reverse("account:verify"), {"code": "12345x"})
    assert "Enter the 6 digits" in wrong.content.decode()
    response = client.post(
        reverse("account:verify") + "?next=/coding/",
        {"code": _code(device.bin_key, device), "next": reverse("coding:screen")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("coding:screen")
    assert client.get(reverse("coding:screen")).status_code == 200


def test_it_throttles_wrong_codes(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.OTP_TOTP_THROTTLE_FACTOR = 600  # the first wait is 10 minutes
    coder = world.home.users[Role.CODER]
    device = _device(coder)
    client = _sign_in(coder)
    wrong = (int(_code(device.bin_key, device)) + 1) % 1_000_000
    first = client.post(reverse("account:verify"), {"code": f"{wrong:06d}"})
    assert "That code is not right" in first.content.decode()
    right = client.post(reverse("account:verify"), {"code": _code(device.bin_key, device)})
    assert right.status_code == 200
    assert "Too many wrong codes" in right.content.decode()
    assert client.get(reverse("coding:screen")).status_code == 302


def test_a_coder_without_a_device_is_not_asked_by_default(world: World) -> None:
    client = _sign_in(world.home.users[Role.CODER])
    assert client.get(reverse("coding:screen")).status_code == 200


def test_everybody_enrols_when_the_setting_says_all(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CLEANCLAIM_REQUIRE_2FA = "all"
    client = _sign_in(world.home.users[Role.CODER])
    response = client.get(reverse("coding:screen"))
    assert response["Location"].startswith(reverse("account:enrol"))


def test_platform_staff_must_enrol(world: World) -> None:
    client = _sign_in(world.staff)
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("account:enrol"))


def test_enrolling_again_needs_the_first_device(world: World) -> None:
    """A stolen password alone cannot add the thief's own authenticator."""
    admin = world.home.users[Role.ADMIN]
    _device(admin)
    client = _sign_in(admin)
    response = client.get(reverse("account:enrol"))
    assert response["Location"] == reverse("account:verify")
    assert TOTPDevice.objects.filter(user=admin).count() == 1


def test_it_sends_an_htmx_request_to_enrol_with_a_client_redirect(world: World) -> None:
    client = _sign_in(world.home.users[Role.ADMIN])
    response = client.get(reverse("manage:users"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith(reverse("account:enrol"))


def test_it_shows_no_navigation_before_the_second_factor(world: World) -> None:
    client = _sign_in(world.home.users[Role.ADMIN])
    page = client.get(reverse("account:enrol"))
    assert page.context["nav_items"] == []


def test_it_does_not_redirect_off_site_after_the_code(world: World) -> None:
    coder = world.home.users[Role.CODER]
    device = _device(coder)
    client = _sign_in(coder)
    response = client.post(
        reverse("account:verify"),
        {"code": _code(device.bin_key, device), "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
