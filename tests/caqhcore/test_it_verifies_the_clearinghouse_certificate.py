"""Over HTTPS the client checks the clearinghouse's certificate: an unknown one is refused,
not retried, before any credentials are sent; a trusted one is answered."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cleanclaim.caqhcore import X12_270_REQUEST, ClearinghouseDown

from .conftest import client_for


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sandbox.test")])
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_server(core_server, answer_271, certificate):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return core_server(answer_271, tls=context)


def test_it_refuses_an_unknown_certificate_without_retrying(tls_server, x12_270):
    assert tls_server.url.startswith("https://127.0.0.1:")
    with pytest.raises(ClearinghouseDown) as caught:
        client_for(tls_server.url, attempts=3).exchange(X12_270_REQUEST, x12_270)
    assert not caught.value.retryable
    assert "did not prove who it is" in caught.value.message
    assert tls_server.requests == 0


def test_it_answers_over_a_trusted_certificate(tls_server, certificate, x12_270, x12_271):
    trusted = ssl.create_default_context(cafile=str(certificate[0]))
    result = client_for(tls_server.url, ssl_context=trusted).exchange(X12_270_REQUEST, x12_270)
    assert result.envelope.payload == x12_271
