"""The ``cleanclaim`` console script.

Each module in this package that defines ``register(subparsers)`` adds its
subcommands; the handler it sets with ``set_defaults(func=...)`` receives the
parsed arguments and returns the exit status. Modules are discovered, so adding
a subcommand never edits this file.

Exit statuses: 0 success, 1 findings/errors in the data, 2 unusable input.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence


class CLIError(Exception):
    """An error the user can act on: printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanclaim",
        description="cleanclaim: medical billing and coding (codes, X12, scrubber, app).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    try:
        return int(func(args) or 0)
    except CLIError as exc:
        print(f"cleanclaim {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``cleanclaim ... | head``): stop quietly.
        sys.stderr.close()
        return 141
