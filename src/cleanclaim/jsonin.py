"""JSON handed in (a claim form, the X12 JSON view, an upload): the one bounded reader.

:func:`load_json` parses bytes or text the way every reader of handed-in JSON must:

* UTF-8 (a BOM is dropped); UTF-16 or bytes that are not UTF-8 are refused, named;
* RFC 8259 only: ``NaN``, ``Infinity`` and ``-Infinity`` (which Python's parser
  accepts) are refused, so an amount can never arrive as a float that is not a number;
* nesting is bounded (:data:`MAX_DEPTH` levels): a deeper document is refused with the
  path where it goes too deep, instead of exhausting the interpreter's recursion;
* a string holding a lone UTF-16 surrogate (``"\\ud800"``), which no page, file or
  database can store, is refused with its path.

Anything refused raises :class:`JsonInputError`, one line starting with the name given
(the file, "the request body"). Paths are written as in JavaScript: ``claims[3].lines[0]``.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["MAX_DEPTH", "JsonInputError", "json_path", "load_json", "type_name"]

#: Deepest nesting accepted (objects and lists). The claim form needs 4 (a claim's
#: ``billing_provider.address`` in ``transactions[].claims[]``); 64 leaves room for any
#: JSON view the engine writes.
MAX_DEPTH = 64

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abAB]|\\u[dD][c-fC-F]")


class JsonInputError(ValueError):
    """Handed-in JSON that cannot be read; the message is one line naming where and why."""


def type_name(value: Any) -> str:
    """The JSON name of ``value``'s type (``object``, ``list``, ``text``, ``number`` ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return "whole number"
    if isinstance(value, float):
        return "decimal number"
    return type(value).__name__


def json_path(parts: list[str | int] | tuple[str | int, ...]) -> str:
    """``["claims", 3, "lines", 0]`` -> ``claims[3].lines[0]`` (``$`` for the root)."""
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += f".{p}" if out else p
    return out or "$"


def _short_path(parts: list[str | int]) -> str:
    if len(parts) <= 12:
        return json_path(parts)
    return f"{json_path(parts[:6])}...{json_path(parts[-3:])}"


def _refuse_constant(name: str) -> Any:
    raise ValueError(f'{name} is not a JSON value (write amounts as text, e.g. "150.00")')


def _text_of(data: bytes | str, name: str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0\0\0\0" in (data[1:8:2], data[0:8:2]):
        raise JsonInputError(f"{name}: the file is UTF-16 encoded; save it as UTF-8 and send again")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonInputError(
            f"{name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "JSON must be UTF-8"
        ) from None


def load_json(data: bytes | str, *, name: str = "input", max_depth: int = MAX_DEPTH) -> Any:
    """The JSON document in ``data``; :class:`JsonInputError` naming ``name`` (and the line,
    column or path) when it is not JSON, nested deeper than ``max_depth``, or holds what
    no JSON reader should accept (see the module docstring)."""
    text = _text_of(data, name)
    if not text.strip():
        raise JsonInputError(f"{name}: empty, expected JSON")
    try:
        doc = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise JsonInputError(
            f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise JsonInputError(
            f"{name}: {_too_deep_at(text, max_depth)}: JSON nested deeper than {max_depth} "
            "levels is not accepted"
        ) from None
    except ValueError as exc:  # NaN/Infinity, a number of more than 4,300 digits
        why = str(exc)
        if "integer string conversion" in why:
            why = "a number has more than 4,300 digits"
        raise JsonInputError(f"{name}: not valid JSON ({why})") from None
    raw = data if isinstance(data, bytes) else text.encode("utf-8", "surrogatepass")
    _check_tree(doc, name, max_depth, surrogates=bool(_SURROGATE_ESCAPE.search(raw)))
    return doc


def _too_deep_at(text: str, max_depth: int) -> str:
    """``line L, column C`` where ``text`` opens its ``max_depth + 1``-th level (only
    called for a document too deep for the parser, so the character loop is rare)."""
    depth, in_string, escaped, line, col = 0, False, False, 1, 0
    for ch in text:
        col += 1
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                break
        elif ch in "]}":
            depth -= 1
        elif ch == "\n":
            line, col = line + 1, 0
    return f"line {line}, column {col}"


def _check_tree(doc: Any, name: str, max_depth: int, *, surrogates: bool) -> None:
    """Depth (and, when the text escapes surrogates, every string) checked without
    recursion; paths are rebuilt only for the error."""
    stack: list[tuple[Any, list[str | int]]] = [(doc, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            items: Any = node.items()
        elif isinstance(node, list):
            items = enumerate(node)
        else:
            if surrogates and isinstance(node, str):
                _check_text(node, name, path)
            continue
        if len(path) >= max_depth:
            raise JsonInputError(
                f"{name}: {_short_path(path)}: JSON nested deeper than {max_depth} levels "
                "is not accepted"
            )
        for key, value in items:
            if surrogates and isinstance(key, str):
                _check_text(key, name, path)
            if isinstance(value, (dict, list)) or (surrogates and isinstance(value, str)):
                stack.append((value, [*path, key]))


def _check_text(value: str, name: str, path: list[str | int]) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise JsonInputError(
            f"{name}: {_short_path(path)}: text holds a lone UTF-16 surrogate (\\ud800-\\udfff), "
            "which is not a character"
        ) from None
