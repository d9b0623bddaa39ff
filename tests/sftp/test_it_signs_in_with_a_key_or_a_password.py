"""Key (RSA, Ed25519, ECDSA; PEM or OpenSSH text; with a passphrase) or password sign-in;
a refused one is ``AuthFailed`` in plain words, without the secret."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from cleanclaim.clearinghouses.sftp.transport import AuthFailed, SftpSettings, SftpTransport
from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import PASSWORDS, Received


def _private(kind: str, passphrase: bytes = b"") -> tuple[str, str]:
    """(private key text, "<type> <base64>" public line)."""
    key: rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey
    if kind == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        fmt = serialization.PrivateFormat.TraditionalOpenSSL  # "BEGIN RSA PRIVATE KEY"
    elif kind == "ecdsa":
        key = ec.generate_private_key(ec.SECP256R1())
        fmt = serialization.PrivateFormat.TraditionalOpenSSL  # "BEGIN EC PRIVATE KEY"
    else:
        key = ed25519.Ed25519PrivateKey.generate()
        fmt = serialization.PrivateFormat.OpenSSH
    crypt: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    text = key.private_bytes(serialization.Encoding.PEM, fmt, crypt).decode("ascii")
    public = key.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    )
    return text, public.decode("ascii")


@pytest.fixture(scope="module")
def keys() -> dict[str, tuple[str, str]]:
    return {
        "rsa": _private("rsa"),
        "ecdsa": _private("ecdsa"),
        "ed25519": _private("ed25519"),
        "ed25519-locked": _private("ed25519", b"open sesame"),
    }


@pytest.fixture
def keyed(
    tmp_path: Path, keys: dict[str, tuple[str, str]], received: Received
) -> Iterator[SftpServer]:
    server = SftpServer(
        tmp_path / "root",
        host_key_path=tmp_path / "host_key",
        users={},
        authorized_keys={"carol": [public for _, public in keys.values()]},
        on_upload=received,
    )
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("kind", ["rsa", "ecdsa", "ed25519"])
def test_it_signs_in_with_a_key(
    keyed: SftpServer, keys: dict[str, tuple[str, str]], received: Received, kind: str
) -> None:
    settings = SftpSettings(
        host="127.0.0.1", port=keyed.port, username="carol", private_key=keys[kind][0]
    )
    with SftpTransport(settings) as sftp:
        sftp.upload(f"{kind}.837", b"ISA*by key~")
    assert received.files == [("carol", f"{kind}.837", b"ISA*by key~")]


def test_it_opens_a_key_with_its_passphrase(
    keyed: SftpServer, keys: dict[str, tuple[str, str]]
) -> None:
    text = keys["ed25519-locked"][0]
    settings = SftpSettings(
        host="127.0.0.1",
        port=keyed.port,
        username="carol",
        private_key=text,
        private_key_passphrase="open sesame",
    )
    with SftpTransport(settings) as sftp:
        assert sftp.list_outbound() == []

    wrong = SftpSettings(
        host="127.0.0.1",
        port=keyed.port,
        username="carol",
        private_key=text,
        private_key_passphrase="wrong",
    )
    with pytest.raises(AuthFailed, match="private key could not be read") as refused:
        SftpTransport(wrong).connect()
    assert "wrong" not in refused.value.message


def test_it_refuses_a_key_it_does_not_know(keyed: SftpServer) -> None:
    stranger, _ = _private("ed25519")
    settings = SftpSettings(
        host="127.0.0.1", port=keyed.port, username="carol", private_key=stranger
    )
    with pytest.raises(AuthFailed, match="refused for 'carol'"):
        SftpTransport(settings).connect()


def test_it_refuses_a_wrong_password(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    with pytest.raises(AuthFailed) as refused:
        SftpTransport(settings_for(password="not-the-password")).connect()
    message = refused.value.message
    assert message == (
        f"the password or key was refused for 'alice' on the SFTP server 127.0.0.1:{sandbox.port}"
    )
    assert "not-the-password" not in str(refused.value)
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


def test_it_refuses_another_users_password(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings]
) -> None:
    with pytest.raises(AuthFailed):
        SftpTransport(settings_for("alice", password=PASSWORDS["bob"])).connect()


def test_it_says_when_no_secret_is_set(settings_for: Callable[..., SftpSettings]) -> None:
    with pytest.raises(AuthFailed, match="no password or private key is set for 'alice'"):
        SftpTransport(settings_for(password="")).connect()


def test_it_never_shows_secrets_in_the_settings_repr() -> None:
    key, _ = _private("ed25519")
    settings = SftpSettings(
        host="sftp.example",
        username="u",
        password="hunter2",
        private_key=key,
        private_key_passphrase="pass phrase",
    )
    shown = repr(settings)
    assert "sftp.example" in shown
    assert "hunter2" not in shown and "PRIVATE KEY" not in shown and "pass phrase" not in shown
