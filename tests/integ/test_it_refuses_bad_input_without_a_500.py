"""Input that cannot be scrubbed (empty, binary garbage, UTF-16, wrong separators, a cut
ISA, deep or wrongly shaped JSON) gets one message naming it from the upload page (a 4xx
page), ``POST /api/scrub`` (4xx JSON ``detail``) and ``cleanclaim scrub`` (exit 2, one
line); and, fuzzed with mutations of an 837P and arbitrary JSON, neither path of the app
ever answers 500."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanclaim.cli import main
from cleanclaim.tenancy.permissions import Role

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = (FIXTURES / "known_defects.837").read_bytes()
ISA = GOOD[: GOOD.index(b"~") + 1]

#: (file name, bytes, words the message must hold)
SHAPES: dict[str, tuple[str, bytes, str]] = {
    "empty": ("empty.837", b"", "empty"),
    "blank": ("blank.837", b" \r\n\t\n", "empty"),
    "binary": ("garbage.837", bytes(range(256)) * 4, "not an X12 file"),
    "utf-16": ("utf16.837", GOOD.decode("latin-1").encode("utf-16"), "UTF-16"),
    "isa-cut": ("cut.837", ISA[:60], "ISA"),
    "separators": ("seps.837", b"ISA" + ISA[3:].replace(b"*", b"A"), "separator"),
    "deep-json": ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested deeper than 64"),
    "json-shape": ("claims.json", b'{"claims": {"C1": {}}}', "claims: expected a list, got"),
    "json-field": ("claims.json", b'[{"claim_id": "C1", "lines": {"1": 2}}]', "C1 lines"),
    "json-nan": ("claims.json", b'[{"total_charge": NaN}]', "NaN is not a JSON value"),
}


def _upload(client: Client, name: str, data: bytes) -> Any:
    f = SimpleUploadedFile(name, data)
    return client.post(reverse("scrubbing:upload"), {"file": f, "as_of": "2026-11-20"})


def _api(client: Client, name: str, data: bytes) -> Any:
    ctype = "application/json" if name.endswith(".json") else "application/edi-x12"
    return client.post(reverse("api:scrub") + "?as_of=2026-11-20", data, content_type=ctype)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_upload_page_names_the_problem(client_as, shape: str) -> None:
    name, data, words = SHAPES[shape]
    r = _upload(client_as(Role.BILLER), name, data)
    page = html.unescape(r.content.decode())
    assert r.status_code in (400, 422), page[:300]
    assert "The file was not scrubbed:" in page and words in page


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_api_names_the_problem(client_as, shape: str) -> None:
    name, data, words = SHAPES[shape]
    r = _api(client_as(Role.BILLER), name, data)
    assert r.status_code in (400, 422), r.content[:300]
    detail = r.json()["detail"]
    assert words in detail and "\n" not in detail


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_cli_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    name, data, words = SHAPES[shape]
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["scrub", str(path), "--as-of", "2026-11-20"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and words in err


_BYTES = list(b"*:~^>|\n\r \x00\xff0123456789ISAGSTCLMHI")


@st.composite
def _mutated_837p(draw: st.DrawFn) -> bytes:
    raw = bytearray(GOOD)
    if draw(st.booleans()):
        del raw[draw(st.integers(0, len(raw))) :]
    for _ in range(draw(st.integers(1, 6))):
        if not raw:
            break
        i = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["set", "del", "ins"]))
        if op == "set":
            raw[i] = draw(st.sampled_from(_BYTES))
        elif op == "del":
            del raw[i]
        else:
            raw.insert(i, draw(st.sampled_from(_BYTES)))
    return bytes(raw)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6) | st.just("12.50"),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["claims", "transactions", "lines", "charge", "claim_id", "payer"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=25,
)


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        _mutated_837p().map(lambda b: ("fuzz.837", b)),
        _JSON.map(lambda t: ("fuzz.json", json.dumps(t).encode())),
    )
)
def test_neither_path_answers_500(client_as, case: tuple[str, bytes]) -> None:
    name, data = case
    client = client_as(Role.BILLER)
    r = _api(client, name, data)
    assert r.status_code in (200, 400, 413, 415, 422), r.content[:300]
    if r.status_code != 200:
        assert r.json()["detail"]
    r = _upload(client, name, data)
    assert r.status_code in (200, 400, 413, 422), r.content[:300]
    if r.status_code != 200:
        assert "The file was not scrubbed:" in html.unescape(r.content.decode())
