"""The request id: one short token per request, sent back as ``X-Request-ID``,
written on every log line of the request (Django's, through :class:`LogFilter`)
and on its access-log line (gunicorn logs the response header), so one request
can be followed across the logs without logging what it asked for.

A proxy's id is kept when it looks like one (8–64 letters, digits, ``-``, ``_``
or ``.``); anything else is replaced, so a client cannot write into the logs.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
META_KEY = "HTTP_X_REQUEST_ID"
_SANE = re.compile(r"^[A-Za-z0-9._\-]{8,64}$")

current: ContextVar[str] = ContextVar("cleanclaim_request_id", default="-")


def choose(incoming: str | None) -> str:
    """The incoming id when it is sane, else a new one."""
    if incoming and _SANE.match(incoming):
        return incoming
    return uuid.uuid4().hex


class LogFilter(logging.Filter):
    """Adds ``request_id`` to every record (``-`` outside a request): the id of the
    request Django attached to the record (its 4xx/5xx lines are written after the
    middleware has returned), else the one of the request being handled."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current.get()
        return True


class NoQueryString(logging.Filter):
    """Drops the query string from a logged request line (``GET /p/?q=Smith HTTP/1.1``
    becomes ``GET /p/ HTTP/1.1``): Django's development server logs whole request lines."""

    _QUERY = re.compile(r"^(\S+ [^?\s]*)\?\S*")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], str):
            record.args = (self._QUERY.sub(r"\1", record.args[0]), *record.args[1:])
        return True
