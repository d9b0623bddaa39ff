"""The sandbox clearinghouse as a service: a real SFTP server and a real CORE endpoint
on loopback, both answered by one :class:`~.adjudicator.Adjudicator`.

* SFTP (:class:`~.sftp_server.SftpServer`): a file renamed into a user's ``inbound``
  is received (``Adjudicator.receive``) and every answer (TA1 or 999, 277CAs, 835s) is
  written into that user's ``outbound`` under a temporary name, then renamed, so a
  poller never sees half a file.
* CORE (:class:`~.core_server.CoreServer`): a 270, 276 or 278 payload is answered with
  the 271, 277 or 278 response. The payer named in the request (2100A NM1*PR of a
  270/276, 2010A NM1*X3 of a 278) decides how: behaviour ``down`` answers the CORE
  error ``ReceiverUnavailable`` (the payer is down); ``timeout`` holds the answer past
  the CORE budget (``hold`` seconds, default 25), so the client's "did not answer"
  message is what the caller sees.

One lock serialises the adjudicator (its state directory is single-writer). ``today``
is the day the sandbox plays (default: the real date, read for each file).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from cleanclaim.caqhcore.envelope import (
    X12_270_REQUEST,
    X12_271_RESPONSE,
    X12_276_REQUEST,
    X12_277_RESPONSE,
    X12_278_REQUEST,
    X12_278_RESPONSE,
    CoreEnvelope,
)
from cleanclaim.caqhcore.errors import RECEIVER_UNAVAILABLE, CoreFault
from cleanclaim.x12 import X12Error, tokenize

from .adjudicator import Adjudicator
from .core_server import CoreServer
from .sftp_server import SftpServer
from .world import Payer, World

__all__ = ["SandboxService"]

_ANSWERS: dict[str, tuple[str, Callable[[Adjudicator, bytes], bytes]]] = {
    X12_270_REQUEST: (X12_271_RESPONSE, Adjudicator.answer_270),
    X12_276_REQUEST: (X12_277_RESPONSE, Adjudicator.answer_276),
    X12_278_REQUEST: (X12_278_RESPONSE, Adjudicator.answer_278),
}


class SandboxService:
    """The sandbox's SFTP server and CORE endpoint around one adjudicator."""

    def __init__(
        self,
        root: Path,
        world_path: Path,
        *,
        host: str = "127.0.0.1",
        sftp_port: int = 0,
        core_port: int = 0,
        users: dict[str, str],
        today: dt.date | None = None,
        hold: float = 25.0,
    ) -> None:
        self.root = Path(root)
        self.world = World.load(world_path)
        self.fixed_today = today
        self.hold = hold
        self._lock = threading.Lock()
        self.adjudicator = Adjudicator(
            self.world, today=today or dt.date.today(), state_dir=self.root / "state"
        )
        self.sftp = SftpServer(
            self.root / "sftp",
            host=host,
            port=sftp_port,
            host_key_path=self.root / "host_key",
            users=users,
            on_upload=self._received,
        )
        self.core = CoreServer(
            self._answer,
            host=host,
            port=core_port,
            users=users,
            delay=self._delay,
            receiver_id=self.world.clearinghouse_id,
        )

    # -- life cycle ------------------------------------------------------------------
    def start(self) -> SandboxService:
        self.sftp.start()
        self.core.start()
        return self

    def stop(self) -> None:
        self.core.stop()
        self.sftp.stop()

    def __enter__(self) -> SandboxService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- SFTP ------------------------------------------------------------------------
    def _received(self, user: str, path: Path) -> None:
        data = path.read_bytes()
        with self._lock:
            self.adjudicator.today = self.fixed_today or dt.date.today()
            files = self.adjudicator.receive(path.name, data)
        outbound = self.sftp.home(user) / "outbound"
        for f in files:
            tmp = outbound / (f.name + ".part")
            tmp.write_bytes(f.data)
            tmp.replace(outbound / f.name)

    # -- CORE ------------------------------------------------------------------------
    def _payer(self, envelope: CoreEnvelope) -> Payer | None:
        """The payer a request names (NM1*PR, or NM1*X3 in a 278), if the world has it."""
        try:
            _, segments = tokenize(envelope.payload)
        except X12Error:
            return None
        for seg in segments:
            if seg.id == "NM1" and seg.get(1) in ("PR", "X3"):
                return self.world.payers.get(seg.get(9))
        return None

    def _delay(self, envelope: CoreEnvelope) -> float:
        payer = self._payer(envelope)
        return self.hold if payer is not None and payer.behaviour == "timeout" else 0.0

    def _answer(self, envelope: CoreEnvelope) -> tuple[str, bytes]:
        answer = _ANSWERS.get(envelope.payload_type)
        if answer is None:
            raise CoreFault("PayloadTypeIncorrect", f"{envelope.payload_type} is not answered here")
        payer = self._payer(envelope)
        if payer is not None and payer.behaviour == "down":
            raise CoreFault(RECEIVER_UNAVAILABLE, f"{payer.name} is not answering")
        response_type, method = answer
        with self._lock:
            self.adjudicator.today = self.fixed_today or dt.date.today()
            try:
                return response_type, method(self.adjudicator, envelope.payload)
            except X12Error as exc:
                raise CoreFault("PayloadInvalid", exc.message) from None
