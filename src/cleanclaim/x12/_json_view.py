"""The JSON view shared by every guide (docs/x12-json.md), version ``"1"``.

One transaction set becomes::

    {
      "x12_json_version": "1",
      "transaction_set": "837",          # ST01
      "guide": "837P",
      "version": "005010X222A1",         # ST03 / GS08
      "control_number": "0021",          # ST02
      "envelope": {                      # lossless interchange and group headers
        "delimiters": {"element": "*", "repetition": "^", "component": ":",
                       "segment": "~", "suffix": "\\n"},
        "isa": ["ISA", "00", ...], "gs": ["GS", "HC", ...],
        "interchange_index": 0, "group_index": 0   # in document_json: which ISA and GS
      },
      "segments": [["ST", "837", "0021", "005010X222A1"], ...],   # ST..SE, lossless
      ...convenient fields of the guide (claims, payer, ...)
    }

``segments`` are element texts exactly as in the file (composites joined by
the envelope's component separator), so :func:`write_json` reproduces the file.
``interchange_index`` and ``group_index`` (0-based, counted over the file) say which
interchange and functional group the set was read in, so that writing back keeps
each group's boundaries even when two groups have the same GS (a repeated control
number).
When ``segments`` is absent the guide's ``from_json`` builds the transaction
from the convenient fields and the envelope gets sensible defaults (or the
``sender_id``/``receiver_id`` -- default: ``submitter.id``/``receiver.id`` --,
``interchange_control_number``, ``group_control_number`` and ``test``
given in the object).

Money is a string in decimal notation (``"100.50"``), dates ``YYYY-MM-DD``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ._envelope import Document, FunctionalGroup, Interchange, TransactionSet, write_document
from ._errors import X12Error
from ._perf import gc_paused
from ._registry import find_guide, guide_by_name
from ._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from ._validate import ParsedDocument, ParsedTransaction

__all__ = [
    "X12_JSON_VERSION",
    "date_json",
    "document_json",
    "transaction_json",
    "write_json",
]

X12_JSON_VERSION = "1"


def date_json(value: str) -> str | None:
    """``CCYYMMDD`` to ``YYYY-MM-DD`` (other text returned as is, ``""`` as ``None``)."""
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value or None


def date_x12(value: str) -> str:
    """``YYYY-MM-DD`` (or ``CCYYMMDD``) to ``CCYYMMDD``."""
    v = value.replace("-", "")
    if len(v) != 8 or not v.isdigit():
        raise X12Error(f"{value!r} is not a date (YYYY-MM-DD)")
    return v


def transaction_json(t: ParsedTransaction) -> dict[str, Any]:
    """The JSON view of one parsed transaction set."""
    d = t.interchange.delimiters
    out: dict[str, Any] = {
        "x12_json_version": X12_JSON_VERSION,
        "transaction_set": t.ts.set_id,
        "guide": t.guide.name,
        "version": t.version,
        "control_number": t.ts.control_number,
        "envelope": {
            "delimiters": d.as_dict(),
            "isa": t.interchange.isa.as_list(),
            "gs": t.group.gs.as_list(),
        },
        "segments": [s.as_list() for s in t.ts.segments],
    }
    out.update(t.guide.to_json(t.data, d))
    return out


def document_json(parsed: ParsedDocument, *, file: str | None = None) -> dict[str, Any]:
    """``{"file": ..., "x12_json_version": "1", "transactions": [...]}``."""
    with gc_paused():
        return _document_json(parsed, file)


def _document_json(parsed: ParsedDocument, file: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if file is not None:
        out["file"] = file
    out["x12_json_version"] = X12_JSON_VERSION
    notes = parsed.reading_notes()
    if notes:
        out["warnings"] = [f.as_dict() for f in notes]
    interchanges = {id(ic): n for n, ic in enumerate(parsed.document.interchanges)}
    groups = {
        id(g): n for n, g in enumerate(g for ic in parsed.document.interchanges for g in ic.groups)
    }
    txs = []
    for t in parsed.transactions:
        tx = transaction_json(t)
        tx["envelope"]["interchange_index"] = interchanges[id(t.interchange)]
        tx["envelope"]["group_index"] = groups[id(t.group)]
        txs.append(tx)
    out["transactions"] = txs
    return out


def _delims(obj: Any) -> Delimiters:
    if not isinstance(obj, dict):
        return DEFAULT_DELIMITERS
    vals = {k: obj.get(k, getattr(DEFAULT_DELIMITERS, k)) for k in DEFAULT_DELIMITERS.as_dict()}
    if not all(isinstance(v, str) for v in vals.values()):
        raise X12Error("envelope.delimiters: every delimiter must be a string")
    return Delimiters(**vals)


def _index(env: dict[str, Any], key: str, where: str) -> int | None:
    """``envelope.interchange_index`` / ``envelope.group_index``: None when absent."""
    value = env.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise X12Error(f"{where}.envelope.{key}: must be a whole number (0, 1, ...)")
    return value


def _seg(raw: Any, where: str) -> Segment:
    """A ``[tag, element 1, ...]`` list as a segment. The tag is written as given, even
    one no guide knows or a malformed one (``""``, ``"N-3"``): what ``parse`` reads,
    ``write`` writes back, and validation reports it (999 IK304 ``1``/``6``)."""
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
        raise X12Error(f"{where}: a segment must be a list of strings starting with its id")
    if not raw[0] and len(raw) == 1:
        raise X12Error(f"{where}: a segment must have an id or elements")
    return Segment(raw[0], list(raw[1:]))


def _party_id(tx: dict[str, Any], key: str, party: str, default: str) -> str:
    """``sender_id``/``receiver_id`` if given, else the submitter's/receiver's ``id``."""
    value = tx.get(key)
    if value:
        return str(value)
    obj = tx.get(party)
    if isinstance(obj, dict) and obj.get("id"):
        return str(obj["id"])
    return default


def _default_isa(tx: dict[str, Any], ctl: str, d: Delimiters, now: datetime) -> Segment:
    sender = _party_id(tx, "sender_id", "submitter", "CLEANCLAIM")[:15]
    receiver = _party_id(tx, "receiver_id", "receiver", "RECEIVER")[:15]
    usage = "T" if tx.get("test", True) else "P"
    return Segment(
        "ISA",
        [
            "00",
            " " * 10,
            "00",
            " " * 10,
            "ZZ",
            sender.ljust(15),
            "ZZ",
            receiver.ljust(15),
            now.strftime("%y%m%d"),
            now.strftime("%H%M"),
            d.repetition or "^",
            "00501",
            ctl.rjust(9, "0")[-9:],
            "0",
            usage,
            d.component,
        ],
    )


def write_json(obj: Any, *, now: datetime | None = None) -> str:
    """The JSON view (a document or a single transaction) back to X12 text.

    Consecutive transactions with the same envelope (ISA and GS, and the same
    ``interchange_index``/``group_index`` when given) share one interchange and
    group, so ``parse`` → ``document_json`` → ``write_json`` gives back the same
    segments and envelope boundaries. Counts and trailers (SE01, GE01, IEA01) are
    computed.
    """
    with gc_paused():
        return _write_json(obj, now)


def _write_json(obj: Any, now: datetime | None) -> str:
    if isinstance(obj, dict) and "transactions" not in obj and "transaction_set" in obj:
        obj = {"transactions": [obj]}
    if not isinstance(obj, dict) or not isinstance(obj.get("transactions"), list):
        raise X12Error('the JSON must be an object with a "transactions" list')
    if not obj["transactions"]:
        raise X12Error('the "transactions" list is empty: there is nothing to write')
    version = obj.get("x12_json_version", X12_JSON_VERSION)
    if str(version) != X12_JSON_VERSION:
        raise X12Error(f"x12_json_version {version!r} is not supported (expected '1')")
    now = now or datetime.now(UTC)
    doc = Document([])
    ic: Interchange | None = None
    group: FunctionalGroup | None = None
    ic_index: int | None = None
    group_index: int | None = None
    for n, tx in enumerate(obj["transactions"], start=1):
        where = f"transactions[{n - 1}]"
        if not isinstance(tx, dict):
            raise X12Error(f"{where}: must be an object")
        env = tx.get("envelope") if isinstance(tx.get("envelope"), dict) else {}
        assert isinstance(env, dict)
        d = _delims(env.get("delimiters"))
        if "segments" in tx:
            raw = tx["segments"]
            if not isinstance(raw, list) or not raw:
                raise X12Error(f"{where}.segments: must be a non-empty list")
            segs = [_seg(s, f"{where}.segments[{i}]") for i, s in enumerate(raw)]
            if segs[0].id != "ST":
                raise X12Error(f"{where}.segments: the first segment must be ST")
            st01, version_s = segs[0].get(1), segs[0].get(3)
        else:
            st01 = str(tx.get("transaction_set", ""))
            if not st01:
                raise X12Error(f'{where}: "transaction_set" (e.g. "837") is required')
            version_s = str(tx.get("version", ""))
            guide = find_guide(st01, version_s) if version_s else guide_by_name(st01)
            try:
                typed = guide.from_json(tx)
            except X12Error as exc:
                raise X12Error(f"{where}: {exc.message}") from exc
            segs = guide.write(typed, d)
            version_s = guide.version
        isa = _seg(env["isa"], f"{where}.envelope.isa") if "isa" in env else None
        gs = _seg(env["gs"], f"{where}.envelope.gs") if "gs" in env else None
        if isa is None:
            isa = _default_isa(tx, str(tx.get("interchange_control_number", "1")), d, now)
        if gs is None:
            guide = find_guide(st01, version_s)
            gs = Segment(
                "GS",
                [
                    guide.functional_id,
                    _party_id(tx, "sender_id", "submitter", "CLEANCLAIM"),
                    _party_id(tx, "receiver_id", "receiver", "RECEIVER"),
                    now.strftime("%Y%m%d"),
                    now.strftime("%H%M"),
                    str(tx.get("group_control_number", "1")),
                    "X",
                    version_s or guide.version,
                ],
            )
        new_ic = _index(env, "interchange_index", where)
        new_group = _index(env, "group_index", where)
        if ic is None or ic.isa != isa or ic.delimiters != d or new_ic != ic_index:
            ic = Interchange(isa, d)
            doc.interchanges.append(ic)
            group = None
        if group is None or group.gs != gs or new_group != group_index:
            group = FunctionalGroup(gs)
            ic.groups.append(group)
        ic_index, group_index = new_ic, new_group
        group.transactions.append(TransactionSet(segs))
    return write_document(doc)
