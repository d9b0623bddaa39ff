"""The sandbox clearinghouse in this process: a batch transport with the SFTP
transport's methods (``upload``, ``list_outbound``, ``fetch``, ``done``, ``host_key``;
a context manager) over a :class:`cleanclaim.sandbox.Adjudicator`, with no server.

An upload is answered at once (999, 277CA, 835s, as the sandbox's SFTP server would
leave them in its outbound folder); :func:`cleanclaim.clearinghouses.actions.send_batch`
and :func:`~cleanclaim.clearinghouses.actions.poll` take it as ``transport=``. The demo
uses it to answer its sent claims while it builds (``cleanclaim demo`` runs before
``cleanclaim sandbox start``); ``answers`` may be changed before the poll collects them.
"""

from __future__ import annotations

import hashlib
import time
from types import TracebackType

from cleanclaim.clearinghouses.sftp.transport import RemoteFile, Uploaded
from cleanclaim.sandbox import Adjudicator, OutFile

__all__ = ["InProcessTransport"]


class InProcessTransport:
    """Uploads go to ``adjudicator``; its answers wait in ``answers`` until ``done``."""

    host_key = ""

    def __init__(self, adjudicator: Adjudicator) -> None:
        self.adjudicator = adjudicator
        self.received: dict[str, str] = {}  # name → SHA-256 of what was uploaded
        self.answers: list[OutFile] = []

    def __enter__(self) -> InProcessTransport:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def upload(self, name: str, data: bytes) -> Uploaded:
        sha = hashlib.sha256(data).hexdigest()
        if self.received.get(name) == sha:
            return Uploaded(name=name, sha256=sha, already_there=True)
        self.received[name] = sha
        self.answers += self.adjudicator.receive(name, data)
        return Uploaded(name=name, sha256=sha, already_there=False)

    def list_outbound(self) -> list[RemoteFile]:
        now = int(time.time())
        return [RemoteFile(name=f.name, size=len(f.data), mtime=now) for f in self.answers]

    def fetch(self, name: str) -> bytes:
        for f in self.answers:
            if f.name == name:
                return f.data
        raise FileNotFoundError(f"no answer called {name} in the sandbox's outbound folder")

    def done(self, name: str) -> None:
        self.answers = [f for f in self.answers if f.name != name]
