"""``refdata update`` downloads the listed files; tested against a loopback HTTP server
serving ../shared/data (the base URL is overridable for exactly this)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanclaim.cli import main


@pytest.fixture
def mirror(shared_data: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(shared_data))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.shared_data
def test_it_downloads_and_imports_from_a_mirror(
    empty_root: Path,
    mirror: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CLEANCLAIM_REFDATA_BASE_URL", mirror)
    assert main(["refdata", "update"]) == 0
    out = capsys.readouterr().out
    assert "fetched hcpcs" in out and "loaded    carc" in out
    assert (empty_root / "downloads" / "carc.csv").is_file()
    assert main(["refdata", "update", "--base-url", mirror]) == 0
    assert "loaded " not in capsys.readouterr().out  # same files again: nothing changes


def test_it_refuses_a_non_http_base_url(
    empty_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["refdata", "update", "--base-url", "file:///etc"]) == 2
    assert "only http:// and https://" in capsys.readouterr().err
