"""Twenty submitters upload at the same moment: every file arrives whole, once, and
``on_upload`` takes them one at a time."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from cleanclaim.clearinghouses.sftp.transport import SftpSettings, SftpTransport, Uploaded
from cleanclaim.sandbox.sftp_server import SftpServer

from .conftest import Received


def test_it_takes_twenty_concurrent_uploads(
    sandbox: SftpServer, settings_for: Callable[..., SftpSettings], received: Received
) -> None:
    files = {f"B{n:06d}.837": (f"ISA*{n}*".encode() * 5000) for n in range(20)}

    def send(name: str) -> Uploaded:
        with SftpTransport(settings_for("alice" if int(name[1:7]) % 2 else "bob")) as sftp:
            return sftp.upload(name, files[name])

    with ThreadPoolExecutor(max_workers=20) as pool:
        sent = list(pool.map(send, files))

    assert [s.sha256 for s in sent] == [hashlib.sha256(d).hexdigest() for d in files.values()]
    assert not any(s.already_there for s in sent)
    assert sorted((name, data) for _, name, data in received.files) == sorted(files.items())
    on_disk = {p.name: p.read_bytes() for p in sandbox.root.glob("*/inbound/*")}
    assert on_disk == files
    assert {user for user, _, _ in received.files} == {"alice", "bob"}
    assert received.most_at_once == 1  # the adjudicator is handed one file at a time
