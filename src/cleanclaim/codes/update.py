"""``refdata update``: fetch the current official files listed in :file:`data/sources.csv`.

Each row names a kind, the file's path in a mirror laid out like ``../shared/data``, the
publisher's direct download URL (empty where the publisher offers only a web page) and
that page. With a base URL (``--base-url`` or ``$CLEANCLAIM_REFDATA_BASE_URL``) every row
is fetched from ``<base>/<path>`` instead: a local mirror, and the tests' loopback server.
Downloads land in ``<refdata_dir>/downloads/`` and are then imported (idempotently).
"""

from __future__ import annotations

import csv
import io
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = ["BASE_URL_ENV", "Fetched", "Source", "fetch_sources", "sources"]

BASE_URL_ENV = "CLEANCLAIM_REFDATA_BASE_URL"


@dataclass(frozen=True, slots=True)
class Source:
    kind: str
    path: str
    url: str
    page: str


@dataclass(frozen=True, slots=True)
class Fetched:
    source: Source
    file: Path | None  # None when skipped or failed
    message: str


def sources() -> list[Source]:
    raw = (resources.files("cleanclaim.codes") / "data" / "sources.csv").read_text("utf-8")
    return [
        Source(r["kind"], r["path"], r["url"], r["publisher_page"])
        for r in csv.DictReader(io.StringIO(raw))
    ]


def fetch_sources(
    dest: Path, base_url: str | None = None, *, timeout: float = 60.0
) -> list[Fetched]:
    """Download every source (from ``base_url`` when given) into ``dest``."""
    base = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or None
    dest.mkdir(parents=True, exist_ok=True)
    out: list[Fetched] = []
    for src in sources():
        url = f"{base.rstrip('/')}/{src.path}" if base else src.url
        if not url:
            out.append(Fetched(src, None, f"no direct download; get it from {src.page}"))
            continue
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"base URL {base!r}: only http:// and https:// are supported")
        target = dest / Path(src.path).name
        try:
            with urllib.request.urlopen(url, timeout=timeout) as resp:
                data = resp.read()
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            out.append(Fetched(src, None, f"{url}: download failed ({reason})"))
            continue
        tmp = target.with_suffix(target.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)
        out.append(Fetched(src, target, f"{url}: {len(data)} bytes"))
    return out
