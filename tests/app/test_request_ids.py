"""Each answer carries an ``X-Request-ID``; a proxy's sane id is kept, anything
else replaced; the request's log lines are tagged with the same id."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from cleanclaim.web.request_id import LogFilter, NoQueryString

pytestmark = pytest.mark.django_db


def test_it_gives_every_answer_a_fresh_id(client: Client) -> None:
    first = client.get("/login/")["X-Request-ID"]
    second = client.get("/no-such-page/")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_it_keeps_a_sane_id_from_the_proxy(client: Client) -> None:
    rid = "edge-7f3a.41b2_99"
    assert client.get("/login/", HTTP_X_REQUEST_ID=rid)["X-Request-ID"] == rid


@pytest.mark.parametrize(
    "bad", ["short", "x" * 65, "has space in it", "evil\u00e9value1", "a\\nb" * 4]
)
def test_it_replaces_an_id_that_could_write_into_the_logs(client: Client, bad: str) -> None:
    answered = client.get("/login/", HTTP_X_REQUEST_ID=bad)["X-Request-ID"]
    assert answered != bad and len(answered) == 32


def test_it_tags_the_requests_log_lines(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(LogFilter())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/no-such-page/?q=Smith", HTTP_X_REQUEST_ID="trace-0001-abcd")
    assert response.status_code == 404
    tagged = [r for r in caplog.records if getattr(r, "request_id", None) == "trace-0001-abcd"]
    assert tagged and "Not Found" in tagged[0].getMessage()
    assert all("Smith" not in r.getMessage() for r in caplog.records)


def test_it_drops_query_strings_from_the_development_servers_lines() -> None:
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /patients/?q=Smith+1980-01-02 HTTP/1.1", "200", "512"),
        None,
    )
    NoQueryString().filter(record)
    assert record.getMessage() == '"GET /patients/ HTTP/1.1" 200 512'
