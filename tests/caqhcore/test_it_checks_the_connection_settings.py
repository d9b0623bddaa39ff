"""A client is refused at construction for an unusable URL or for plain http off the loopback."""

from __future__ import annotations

import pytest

from cleanclaim.caqhcore import CoreClient


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://clearinghouse.example.com/core", "only to the loopback"),
        ("ftp://127.0.0.1/core", "http(s)://host/path"),
        ("/core", "http(s)://host/path"),
    ],
)
def test_it_refuses_an_unsafe_or_unusable_url(url, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        CoreClient(url, "u", "p", "S", "R")


def test_it_takes_https_anywhere_and_http_on_the_loopback():
    assert CoreClient("https://clearinghouse.example.com/core", "u", "p", "S", "R").name == (
        "clearinghouse.example.com"
    )
    assert (
        CoreClient("http://127.0.0.1:9/core", "u", "p", "S", "R", name="Sandbox").name == "Sandbox"
    )


def test_its_repr_never_shows_the_password():
    client = CoreClient("https://ch.example.com/core", "riverside", "hunter2", "S", "R")
    assert "hunter2" not in repr(client)
