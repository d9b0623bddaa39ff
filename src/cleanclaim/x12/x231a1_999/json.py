"""The 999 part of the JSON view: who was acknowledged and what was wrong.

``{"acknowledgment": {"group": {...}, "result": {...}, "transaction_sets": [...]}}``
(see docs/x12-json.md), shown from the typed view (:mod:`.view`):

* ``group``: AK1 ``functional_id``, ``control_number``, ``version``;
* ``result``: AK9 ``code``, ``included``, ``received``, ``accepted``, ``error_codes``;
* per transaction set (loop 2000): AK2 ``transaction_set``, ``control_number``,
  ``version``; IK5 ``status`` and ``error_codes``; ``segment_errors`` (loop 2100:
  IK3 ``segment_id``, ``position``, ``loop``, ``code``, the CTX ``context`` and
  ``element_errors``, loop 2110: IK4 ``position``, ``component``, ``repetition``,
  ``reference``, ``code``, ``value``).

:func:`from_json` builds a 999 from the same shape (:func:`.building.build_999`).
"""

from __future__ import annotations

from typing import Any

from .._segments import DEFAULT_DELIMITERS, Delimiters
from .building import build_999
from .parsing import Transaction999, parse
from .view import SegmentError

__all__ = ["from_json", "to_json"]


def _segment_error(e: SegmentError) -> dict[str, Any]:
    return {
        "segment_id": e.segment_id,
        "position": e.position,
        "loop": e.loop,
        "code": e.code,
        "context": list(e.contexts),
        "element_errors": [
            {
                "position": el.position,
                "component": el.component,
                "repetition": el.repetition,
                "reference": el.reference,
                "code": el.code,
                "value": el.value,
            }
            for el in e.element_errors
        ],
    }


def to_json(tx: Transaction999, delimiters: Delimiters) -> dict[str, Any]:
    """The convenient fields of one 999."""
    ack = tx.acknowledgment
    return {
        "acknowledgment": {
            "group": {
                "functional_id": ack.functional_id,
                "control_number": ack.group_control_number,
                "version": ack.group_version,
            },
            "result": {
                "code": ack.code,
                "included": ack.included,
                "received": ack.received,
                "accepted": ack.accepted_count,
                "error_codes": list(ack.error_codes),
            },
            "transaction_sets": [
                {
                    "transaction_set": s.transaction_set,
                    "control_number": s.control_number,
                    "version": s.version,
                    "status": s.status,
                    "error_codes": list(s.error_codes),
                    "segment_errors": [_segment_error(e) for e in s.segment_errors],
                }
                for s in ack.sets
            ],
        }
    }


def from_json(obj: dict[str, Any]) -> Transaction999:
    """A 999 from the convenient fields (no ``segments``)."""
    return parse(build_999(obj), DEFAULT_DELIMITERS)
