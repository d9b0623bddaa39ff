"""Reference data as of the date of service, handed to every rule."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from cleanclaim.codes.model import CodeSource, Lookup, Note
from cleanclaim.codes.ncci import NcciTables
from cleanclaim.deadlines import Limit, PayerLimits
from cleanclaim.edits.authorization import AuthorizationSource
from cleanclaim.edits.coverage import CoverageSource
from cleanclaim.edits.eligibility import EligibilitySource
from cleanclaim.edits.payer_rules_lang import PayerRule, parse_rules

__all__ = ["FilingLimit", "PayerRule", "ScrubContext", "load_filing_limits", "load_payer_rules"]


@dataclass(frozen=True, slots=True)
class FilingLimit:
    """A filing limit by payer profile (``edits/data/timely_filing.json``), used when
    the payer's own limits (:attr:`ScrubContext.payer_limits`) are not known.
    ``months`` (calendar months), when set, is the limit instead of ``days``."""

    profile: str
    days: int
    basis: str
    default: bool  # True when this is a default, not the payer's own figure
    months: int = 0

    def limits(self) -> PayerLimits:
        """The same limit in the deadline engine's terms (citation: the basis)."""
        timely = (
            Limit(self.months, "months", self.basis)
            if self.months
            else Limit(self.days, "days", self.basis)
        )
        return PayerLimits(timely=timely, default=self.default)


def _data(name: str) -> Any:
    return json.loads(resources.files("cleanclaim.edits.data").joinpath(name).read_text())


def load_filing_limits(path: Path | None = None) -> dict[str, FilingLimit]:
    raw = json.loads(path.read_text()) if path else _data("timely_filing.json")
    return {
        key: FilingLimit(
            key,
            int(v.get("days", 0)),
            str(v["basis"]),
            bool(v.get("default", False)),
            int(v.get("months", 0)),
        )
        for key, v in raw["profiles"].items()
    }


def load_payer_rules(path: Path | None = None) -> list[PayerRule]:
    """The payer rules of ``path`` (else the packaged starter rules,
    ``edits/data/payer_rules.yaml``), in the payer rule language
    (:mod:`cleanclaim.edits.payer_rules_lang`). A file that cannot be read or is not
    valid rules raises ValueError naming the file and each problem with its line."""
    if path is None:
        text = resources.files("cleanclaim.edits.data").joinpath("payer_rules.yaml").read_text()
        return parse_rules(text, where="payer_rules.yaml")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"payer rules {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"payer rules {path}: not UTF-8 text (byte {exc.start})") from None
    return parse_rules(text, where=str(path))


@dataclass
class ScrubContext:
    """What rules read besides the claim. ``codes`` or ``ncci`` may be absent:
    rules that need them then stay silent (and the CLI says what is not loaded)."""

    as_of: dt.date = field(default_factory=dt.date.today)
    codes: CodeSource | None = None
    ncci: NcciTables | None = None
    filing_limits: dict[str, FilingLimit] = field(default_factory=load_filing_limits)
    # each payer's own limits (its payer profile), keyed by payer id (837P 2010BB NM109);
    # a claim to a payer not here is checked against ``filing_limits`` by profile
    payer_limits: Mapping[str, PayerLimits] = field(default_factory=dict)
    payer_rules: list[PayerRule] = field(default_factory=load_payer_rules)
    # the practice's coverage on file (the app); None: coverage is not judged
    coverage: CoverageSource | None = None
    # the payers' latest eligibility answers (the app); None: eligibility is not judged
    eligibility: EligibilitySource | None = None
    # the patient's prior authorizations on file (the app); None: authorizations not judged
    authorizations: AuthorizationSource | None = None
    _lookups: dict[tuple[str, str, dt.date], Lookup] = field(default_factory=dict, repr=False)
    _notes: dict[tuple[str, dt.date], list[Note]] = field(default_factory=dict, repr=False)
    _complete: dict[str, bool] = field(default_factory=dict, repr=False)
    # rules cache derived results here (keyed by their own tuples); reference data
    # does not change during a context's life
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def lookup(self, system: str, code: str, dos: dt.date) -> Lookup | None:
        """Memoised ``codes.lookup``; None when no code store is attached."""
        if self.codes is None:
            return None
        key = (system, code, dos)
        hit = self._lookups.get(key)
        if hit is None:
            hit = self.codes.lookup(system, code, dos)
            self._lookups[key] = hit
        return hit

    def icd_notes(self, code: str, dos: dt.date) -> list[Note]:
        if self.codes is None:
            return []
        key = (code, dos)
        hit = self._notes.get(key)
        if hit is None:
            hit = self.codes.icd_notes(code, dos, inherited=True)
            self._notes[key] = hit
        return hit

    def missing_table(self, system: str, code: str, dos: dt.date) -> str:
        """Why ``code`` missing from ``system`` on ``dos`` proves nothing, naming the table
        to import (the code store's ``completeness``), or ``""`` when the loaded list is
        complete for that date and the code truly does not exist."""
        if self.codes is None:
            return f"no code sets are loaded, so {code} cannot be checked"
        key = ("missing-table", system, code, dos)
        hit = self.memo.get(key)
        if hit is None:
            judge = getattr(self.codes, "completeness", None)
            if judge is not None:
                hit = str(judge(system, code, dos))
            else:  # a code source without the notion: complete releases decide
                hit = "" if self.system_complete(system) else f"{system} is a partial list"
            self.memo[key] = hit
        return str(hit)

    def system_complete(self, system: str) -> bool:
        """True when a complete (not starter-only) release of ``system`` is loaded."""
        if self.codes is None:
            return False
        hit = self._complete.get(system)
        if hit is None:
            hit = any(r.complete for r in self.codes.releases(system))
            self._complete[system] = hit
        return hit
