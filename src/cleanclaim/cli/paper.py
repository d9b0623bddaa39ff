"""``cleanclaim paper FILE.837 --out claims.pdf [--mode plain|red-form] [--offset DX,DY]``.

Every claim of an 837P file as a CMS-1500 (02/12) page (or pages: six service lines
each), all in one PDF. ``--offset`` (millimetres, positive: right and down) defaults
to ``CLEANCLAIM_CMS1500_OFFSET_MM``. A claim that cannot be printed is named on stderr
with each problem's box, and left out; the others are written.

Exit statuses: 0 every claim written, 1 some claims could not be printed (the others
are written), 2 the file cannot be read, holds no 837P claim, or no claim could be
printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from cleanclaim.cli import CLIError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "paper",
        help="print the claims of an 837P file on CMS-1500 (02/12) forms, as one PDF",
        description="Render every claim of an 837P file as a CMS-1500 (02/12) PDF.",
    )
    p.add_argument("file", type=Path, metavar="FILE.837")
    p.add_argument("--out", type=Path, required=True, metavar="PDF", help="the PDF to write")
    p.add_argument(
        "--mode",
        choices=("plain", "red-form"),
        default="plain",
        help="plain: the form drawn with the data, for plain paper (default); "
        "red-form: the data only, for pre-printed red forms",
    )
    p.add_argument(
        "--offset",
        metavar="DX,DY",
        help="alignment offset in millimetres, positive right and down; write a "
        "negative one as --offset=-1.5,0 "
        "(default: CLEANCLAIM_CMS1500_OFFSET_MM, else 0,0)",
    )
    p.set_defaults(func=run)


def _offset(text: str | None) -> tuple[float, float]:
    from cleanclaim.web.config import ConfigError, parse_cms1500_offset

    try:
        if text is None:
            return parse_cms1500_offset(os.environ)
        return parse_cms1500_offset({"--offset": text}, name="--offset")
    except ConfigError as exc:
        raise CLIError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from cleanclaim.paper import Cms1500Claim, Cms1500Error, check, from_837p, render
    from cleanclaim.x12 import X12Error, parse
    from cleanclaim.x12.x222a1_837p import Transaction837P, claims

    offset = _offset(args.offset)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CLIError(f"{args.file}: cannot read ({exc.strerror or exc})") from None
    try:
        parsed = parse(data)
    except X12Error as exc:
        raise CLIError(f"{args.file}: {exc}") from None
    printable: list[Cms1500Claim] = []
    refused = seen = 0
    for t in parsed.transactions:
        if not isinstance(t.data, Transaction837P):
            continue
        for claim in claims(t.data):
            seen += 1
            try:
                paper = from_837p(claim)
                check(paper)
            except Cms1500Error as exc:
                refused += 1
                print(f"{args.file} ST {t.ts.control_number}: {exc}", file=sys.stderr)
                continue
            printable.append(paper)
    if not seen:
        raise CLIError(f"{args.file}: no 837P claim in the file")
    if not printable:
        raise CLIError(f"{args.file}: none of its {seen} claim(s) can be printed (see above)")
    pdf = render(printable, mode=args.mode, offset=offset)
    try:
        args.out.write_bytes(pdf)
    except OSError as exc:
        raise CLIError(f"{args.out}: cannot write ({exc.strerror or exc})") from None
    print(f"{args.out}: {len(printable)} claim(s) on CMS-1500 ({args.mode}), {refused} refused")
    return 1 if refused else 0
