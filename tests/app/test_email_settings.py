"""CLEANCLAIM_EMAIL_URL is parsed strictly; development mail lands in private files;
a production server without it tells the inviting admin what is missing."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse

from cleanclaim.practices.models import Invitation
from cleanclaim.testing.personas import World
from cleanclaim.web.config import ConfigError, load, parse_email_url
from cleanclaim.web.mail import PrivateFileBackend

from .invitation_helpers import invite

KEY = "k" * 40


def test_it_reads_smtp_urls() -> None:
    plain = parse_email_url("smtp://mailer:s%40cret@mail.example:2525")
    assert plain["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (plain["EMAIL_HOST"], plain["EMAIL_PORT"]) == ("mail.example", 2525)
    assert (plain["EMAIL_HOST_USER"], plain["EMAIL_HOST_PASSWORD"]) == ("mailer", "s@cret")
    assert not plain["EMAIL_USE_TLS"] and not plain["EMAIL_USE_SSL"]
    starttls = parse_email_url("smtp+tls://u:p@mail.example")
    assert starttls["EMAIL_USE_TLS"] and starttls["EMAIL_PORT"] == 587
    tls = parse_email_url("smtps://u:p@mail.example")
    assert tls["EMAIL_USE_SSL"] and tls["EMAIL_PORT"] == 465


def test_it_reads_file_and_console_urls() -> None:
    assert parse_email_url("file:///srv/mail") == {
        "EMAIL_BACKEND": "cleanclaim.web.mail.PrivateFileBackend",
        "EMAIL_FILE_PATH": "/srv/mail",
    }
    assert parse_email_url("console:")["EMAIL_BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    "url",
    [
        "http://mail.example",
        "smtp://",
        "smtp://mail.example:notaport",
        "smtp://user@mail.example",
        "smtp://u:p@mail.example/path",
        "file://relative/mail",
        "file:relative",
        "console://x",
    ],
)
def test_it_names_the_variable_for_a_bad_url(tmp_path: Path, url: str) -> None:
    with pytest.raises(ConfigError) as err:
        load({"CLEANCLAIM_VAR_DIR": str(tmp_path), "CLEANCLAIM_EMAIL_URL": url})
    assert str(err.value).startswith("CLEANCLAIM_EMAIL_URL: ")


def test_it_names_the_variable_for_a_bad_sender(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^CLEANCLAIM_EMAIL_FROM: "):
        load({"CLEANCLAIM_VAR_DIR": str(tmp_path), "CLEANCLAIM_EMAIL_FROM": "nobody"})


def test_it_writes_to_var_mail_in_development_and_refuses_in_production(tmp_path: Path) -> None:
    dev = load({"CLEANCLAIM_VAR_DIR": str(tmp_path)})
    assert dev.email == {
        "EMAIL_BACKEND": "cleanclaim.web.mail.PrivateFileBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }
    production = load(
        {
            "CLEANCLAIM_VAR_DIR": str(tmp_path),
            "CLEANCLAIM_PRODUCTION": "1",
            "CLEANCLAIM_SECRET_KEY": KEY,
            "CLEANCLAIM_ALLOWED_HOSTS": "billing.example",
        }
    )
    assert production.email == {"EMAIL_BACKEND": "cleanclaim.web.mail.UnconfiguredBackend"}


def test_the_file_backend_keeps_messages_private(tmp_path: Path) -> None:
    folder = tmp_path / "var" / "mail"
    backend = PrivateFileBackend(file_path=str(folder))
    sent = backend.send_messages([EmailMessage("s", "the link", "a@x.test", ["b@x.test"])])
    assert sent == 1
    assert folder.stat().st_mode & 0o777 == 0o700
    [written] = folder.iterdir()
    assert written.stat().st_mode & 0o777 == 0o600
    assert b"the link" in written.read_bytes()


def test_an_invitation_without_email_settings_names_the_variable(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "cleanclaim.web.mail.UnconfiguredBackend"
    response = invite(world, "jane.okonkwo@nowhere.test")
    assert response.status_code == 200
    assert response.redirect_chain == []
    assert "CLEANCLAIM_EMAIL_URL is not set" in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox
    assert reverse("manage:user_invite") == response.request["PATH_INFO"]


def test_a_mail_server_that_does_not_answer_is_reported_and_nothing_is_saved(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    response = invite(world, "jane.okonkwo@nowhere.test")
    assert response.status_code == 200
    body = response.content.decode()
    assert "The invitation could not be sent (ConnectionRefusedError" in body
    assert "Nothing was saved" in body
    assert not Invitation.objects.exists()
