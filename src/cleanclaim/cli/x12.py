"""``cleanclaim x12``: parse, validate, acknowledge and write X12 5010 files.

    cleanclaim x12 parse FILE... [--json]      one JSON document per file per line
    cleanclaim x12 validate FILE... [--json]   findings; exit 1 if any error
    cleanclaim x12 ack FILE [-o OUT]           the 999 for a file we received
    cleanclaim x12 write FILE.json [-o OUT]    the JSON view back to X12

Every transaction set is dispatched through :func:`cleanclaim.x12.find_guide`,
so a guide package that registers itself is served here without changes.
Exit statuses: 0 fine, 1 findings of severity error, 2 unusable input.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError
from cleanclaim.x12 import (
    Finding,
    ParsedDocument,
    X12Error,
    document_json,
    parse,
    validate,
    write_json,
)


def _quiet_broken_pipe(func: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """``cleanclaim x12 parse ... | head`` ends quietly when the reader goes away."""

    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0

    return wrapper


def register(subparsers: Any) -> None:
    x12 = subparsers.add_parser("x12", help="read, validate, acknowledge and write X12 5010 files")
    sub = x12.add_subparsers(dest="x12_command", metavar="ACTION", required=True)

    p = sub.add_parser("parse", help="parse files; --json prints the JSON view, one line per file")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the lossless JSON view")
    p.set_defaults(func=cmd_parse)

    v = sub.add_parser("validate", help="validate files against their implementation guides")
    v.add_argument("files", nargs="+", metavar="FILE")
    v.add_argument("--json", action="store_true", help="print findings as JSON, one line per file")
    v.add_argument(
        "--all",
        action="store_true",
        help=f"list every finding (by default a finding repeated word for word is listed "
        f"{SHOWN_PER_REPEAT} times, then counted)",
    )
    v.set_defaults(func=cmd_validate)

    a = sub.add_parser("ack", help="write the 999 acknowledgment for a received file")
    a.add_argument("file", metavar="FILE")
    a.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    a.add_argument(
        "--control-number", type=int, default=1, help="ISA13/GS06 of the 999 (default 1)"
    )
    a.set_defaults(func=cmd_ack)

    w = sub.add_parser("write", help="write X12 from the JSON view (or hand-written claims JSON)")
    w.add_argument("file", metavar="FILE.json")
    w.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    w.set_defaults(func=cmd_write)


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise X12Error(f"cannot read {name}: {exc.strerror or exc}") from exc


def _load(name: str) -> ParsedDocument:
    return parse(_read_bytes(name))


@contextmanager
def _progress(total: int, label: str) -> Iterator[Any]:
    """A rich progress bar on a terminal for several files; silent otherwise."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


@_quiet_broken_pipe
def cmd_parse(args: argparse.Namespace) -> int:
    status = 0
    with _progress(len(args.files), "parsing") as tick:
        for name in args.files:
            try:
                parsed = _load(name)
            except X12Error as exc:
                status = 2
                if args.json:
                    print(_dump({"file": name, "error": str(exc)}))
                else:
                    print(f"cleanclaim x12 parse: {name}: {exc}", file=sys.stderr)
            else:
                if args.json:
                    print(_dump(document_json(parsed, file=name)))
                else:
                    for f in parsed.reading_notes():
                        print(f"cleanclaim x12 parse: {name}: {f.line()}", file=sys.stderr)
                    for t in parsed.transactions:
                        extra = ""
                        claims = t.guide.to_json(t.data, t.interchange.delimiters).get("claims")
                        if isinstance(claims, list):
                            extra = f", {len(claims)} claim(s)"
                        print(
                            f"{name}: {t.guide.name} {t.version} ST02 {t.ts.control_number}: "
                            f"{len(t.ts.segments)} segments{extra}"
                        )
            if tick:
                tick()
    return status


#: A finding repeated word for word (same code, element and message: the same defect at
#: many segments, e.g. one bad date on every line of a large file) is listed this many
#: times, then counted with the positions of the next few: the output stays bounded
#: whatever the file holds (issue 9, "cost that grows with the file").
SHOWN_PER_REPEAT = 3
#: How many positions of the repeats not listed are named.
POSITIONS_NAMED = 10


@dataclass(slots=True)
class _Repeat:
    """A finding repeated word for word: the first one, how many in all, and the
    positions of the first of those not listed."""

    first: Finding
    count: int = 0
    positions: list[int] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - SHOWN_PER_REPEAT

    def as_dict(self) -> dict[str, object]:
        f = self.first
        return {
            "code": f.code,
            "severity": f.severity.value,
            "element": f.element or f.loop_id,
            "message": f.message,
            "count": self.count,
            "more": self.more,
            "positions": self.positions,
        }


def _fold(findings: list[Finding]) -> tuple[list[Finding], list[_Repeat]]:
    """The findings to list, in file order (the first :data:`SHOWN_PER_REPEAT` of each
    repeated one), and the repeats folded away."""
    shown: list[Finding] = []
    repeats: dict[tuple[str, str, str, str], _Repeat] = {}
    for f in findings:
        key = (f.code, f.severity.value, f.element or f.loop_id, f.message)
        repeat = repeats.get(key)
        if repeat is None:
            repeat = repeats[key] = _Repeat(f)
        repeat.count += 1
        if repeat.count <= SHOWN_PER_REPEAT:
            shown.append(f)
        elif len(repeat.positions) < POSITIONS_NAMED:
            repeat.positions.append(f.position)
    return shown, [r for r in repeats.values() if r.more > 0]


@_quiet_broken_pipe
def cmd_validate(args: argparse.Namespace) -> int:
    status = 0
    with _progress(len(args.files), "validating") as tick:
        for name in args.files:
            try:
                parsed = validate(_load(name))
            except X12Error as exc:
                status = 2
                if args.json:
                    print(_dump({"file": name, "error": str(exc)}))
                else:
                    print(f"cleanclaim x12 validate: {name}: {exc}", file=sys.stderr)
                if tick:
                    tick()
                continue
            findings = parsed.findings()
            errors = sum(f.is_error for f in findings)
            if errors and status == 0:
                status = 1
            shown, repeated = (findings, []) if args.all else _fold(findings)
            if args.json:
                print(
                    _dump(
                        {
                            "file": name,
                            "valid": errors == 0,
                            "errors": errors,
                            "findings_total": len(findings),
                            "findings": [f.as_dict() for f in shown],
                            "repeated": [r.as_dict() for r in repeated],
                        }
                    )
                )
            else:
                for f in shown:
                    print(f"{name}: {f.line()}")
                for r in repeated:
                    named = ", ".join(str(p) for p in r.positions)
                    etc = ", ..." if r.more > POSITIONS_NAMED else ""
                    print(
                        f"{name}: {r.first.severity.value}: the same {r.first.code} "
                        f"({r.first.element or r.first.loop_id}) {r.more} more time(s), "
                        f"at segments {named}{etc}: {r.first.message}"
                    )
                verdict = "valid" if not errors else f"{errors} error(s)"
                print(f"{name}: {verdict}")
            if tick:
                tick()
    return status


def _write_out(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise CLIError(f"cannot write {output}: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")


@_quiet_broken_pipe
def cmd_ack(args: argparse.Namespace) -> int:
    from cleanclaim.x12.x231a1_999 import build_ack

    try:
        parsed = _load(args.file)
        text = build_ack(parsed, control_number=args.control_number)
    except X12Error as exc:
        raise CLIError(f"{args.file}: {exc}") from exc
    _write_out(text, args.output)
    return 0


@_quiet_broken_pipe
def cmd_write(args: argparse.Namespace) -> int:
    from cleanclaim.jsonin import JsonInputError, load_json

    try:
        obj = load_json(_read_bytes(args.file), name=str(args.file))
    except X12Error as exc:
        raise CLIError(f"{args.file}: {exc}") from exc
    except JsonInputError as exc:
        raise CLIError(str(exc)) from None
    if isinstance(obj, dict) and "error" in obj and "transactions" not in obj:
        raise CLIError(f"{args.file}: the JSON records a file that could not be read")
    try:
        text = write_json(obj)
    except X12Error as exc:
        raise CLIError(f"{args.file}: {exc}") from exc
    _write_out(text, args.output)
    return 0
