"""What the sandbox remembers between files, in ``state_dir/state.json``.

Control numbers (never reused: the counter, in its own small file ``counter``, is
written before a file that uses it leaves), each member's deductible and
out-of-pocket met so far, the claims already paid (for the duplicate denial),
what the sandbox said about each claim (for the 277 answering a 276), the 835 claim
loops standing for each payer claim control number (what a replacement or a void
reverses) and the balance each payer carries forward against a provider (a PLB
``FB``). Each file is written whole to a temporary file, then renamed. A state file
written before a field existed loads with that field empty.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

FILE = "state.json"
COUNTER = "counter"


@dataclass
class ClaimRecord:
    """What the sandbox last said about a claim (patient control number)."""

    payer_id: str
    member_id: str
    category: str  # STC01-1 of the answer to a 276: A1/A7/A3 front end, F1/F2/F4 finalized
    status_code: str  # STC01-2
    charge: str
    paid: str = "0.00"
    payer_claim_control_number: str = ""
    service_date: str = ""
    adjudicated_on: str = ""


@dataclass
class RemitRecord:
    """The 835 claim loops standing for one payer claim control number (REF*1K).

    ``loops`` are the CLP loops a replacement (CLM05-3 ``7``) or a void (``8``) naming
    this number in REF*F8 reverses; empty once reversed, ``reversed_by`` then names
    the replacement's number (or ``void``). ``duplicate_key`` is the original's key in
    :attr:`State.paid`, taken out by the reversal."""

    payer_id: str
    claim_id: str
    duplicate_key: str
    loops: list[dict[str, Any]] = field(default_factory=list)
    reversed_by: str = ""


@dataclass
class State:
    """The sandbox's memory; :meth:`save` after every change that must survive."""

    path: Path
    counter: int = 0
    met: dict[str, dict[str, str]] = field(default_factory=dict)
    paid: set[str] = field(default_factory=set)
    claims: dict[str, ClaimRecord] = field(default_factory=dict)
    remits: dict[str, RemitRecord] = field(default_factory=dict)
    forward: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def open(cls, state_dir: Path) -> State:
        state_dir.mkdir(parents=True, exist_ok=True)
        path = state_dir / FILE
        counter = state_dir / COUNTER
        number = int(counter.read_text(encoding="ascii")) if counter.exists() else 0
        if not path.exists():
            return cls(path, number)
        obj: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            path,
            number,
            dict(obj.get("met", {})),
            set(obj.get("paid", [])),
            {k: ClaimRecord(**v) for k, v in dict(obj.get("claims", {})).items()},
            {k: RemitRecord(**v) for k, v in dict(obj.get("remits", {})).items()},
            {k: dict(v) for k, v in dict(obj.get("forward", {})).items()},
        )

    def next_number(self) -> int:
        """A control number never handed out before (saved at once)."""
        self.counter += 1
        _write(self.path.with_name(COUNTER), str(self.counter))
        return self.counter

    def met_so_far(self, key: str, what: str, start: Decimal) -> Decimal:
        """Deductible or out-of-pocket met for ``key``; the world's figure the first time."""
        return Decimal(self.met.get(key, {}).get(what, str(start)))

    def set_met(self, key: str, what: str, amount: Decimal) -> None:
        self.met.setdefault(key, {})[what] = str(amount)

    def standing(self, payer_id: str, number: str) -> tuple[str, RemitRecord] | None:
        """The record a REF*F8 ``number`` names for ``payer_id``: by the number given in
        the 277CA (REF*1K), else by the CLP07 of one of its loops (a split payment)."""
        record = self.remits.get(number)
        if record is not None and record.payer_id == payer_id:
            return number, record
        for key, record in self.remits.items():
            if record.payer_id == payer_id and any(
                loop.get("payer_claim_control_number") == number for loop in record.loops
            ):
                return key, record
        return None

    def save(self) -> None:
        obj = {
            "met": self.met,
            "paid": sorted(self.paid),
            "claims": {k: vars(v) for k, v in self.claims.items()},
            "remits": {k: vars(v) for k, v in self.remits.items()},
            "forward": self.forward,
        }
        _write(self.path, json.dumps(obj, separators=(",", ":"), sort_keys=True))


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a temporary file, flushed, then renamed over ``path``."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
