"""The payer rule language: a small YAML document of rules, read into
:class:`PayerRule` values (docs/payer-rules.md)::

    rules:
      - id: ACME-PT-AUTH
        payer: ACME01            # payer id, alias or profile key; a list; or "*"
        kind: prior-auth
        codes: [97110-97799]     # codes and inclusive ranges
        effective: 2026-01-01
        end: 2026-12-31          # optional: the last date of service it applies to
        severity: error          # or warning (default error)
        citation: ACME bulletin 2026-03, page 4
        fix: Ask ACME for the authorization number and enter it (REF*G1).

The reader works on YAML's node tree (``yaml.compose`` with the safe loader), so every
scalar is read as the text written (``01234`` stays ``01234``; no YAML 1.1 octal or
sexagesimal surprises) and every problem names its line. A bad document is refused
whole: :class:`RulesError` lists every problem found, each with its line and reason.
No Django import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Final, Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = [
    "KINDS",
    "PayerRule",
    "Problem",
    "RulesError",
    "parse_rules",
]

#: Every rule kind and the parameters it takes (besides the common fields);
#: parameters marked ``True`` are required.
KINDS: Final[dict[str, dict[str, bool]]] = {
    "prior-auth": {"codes": True, "place_of_service": False},
    "not-covered": {"codes": True, "place_of_service": False},
    "modifier-required": {"codes": False, "place_of_service": False, "modifiers": True},
    "diagnosis-required": {"codes": True, "diagnoses": True},
    "units-limit": {"codes": True, "units": True, "per": True},
    "referring-provider": {"codes": False},
    "place-of-service": {"codes": False, "allowed": True},
    "secondary-claims": {"send": True},
    "frequency-codes": {"accepted": True},
}

_PARAMS = {p for params in KINDS.values() for p in params}
_COMMON_REQUIRED = ("id", "payer", "kind", "effective", "citation", "fix")
_COMMON_OPTIONAL = ("end", "severity", "meaning", "carc")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_CODE = re.compile(r"^[A-Z0-9]{1,10}$")
_DX = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")
_PER = re.compile(r"^(day|claim|(\d{1,3}) days?)$")
_MAX_NODES = 200_000


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # 1-based; 0 when the document as a whole is wrong
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line else self.reason


class RulesError(ValueError):
    """The document is refused whole; ``problems`` lists each one with its line."""

    def __init__(self, where: str, problems: list[Problem]) -> None:
        self.where = where
        self.problems = problems
        lines = "; ".join(str(p) for p in problems)
        super().__init__(f"payer rules {where}: {len(problems)} problem(s): {lines}")


@dataclass(frozen=True, slots=True)
class PayerRule:
    """One rule of the language; ``line`` is where it starts in its document."""

    id: str
    payers: tuple[str, ...]
    kind: str
    effective: dt.date
    citation: str
    fix: str
    end: dt.date | None = None
    severity: Literal["error", "warning"] = "error"
    meaning: str = ""
    carc: str | None = None
    codes: tuple[tuple[str, str], ...] = ()  # inclusive ranges; a single code is (c, c)
    place_of_service: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    diagnoses: tuple[tuple[str, str], ...] = ()  # inclusive ranges, dot-less
    units: int = 0
    per: str = ""  # "day", "claim" or "N days"
    allowed: tuple[str, ...] = ()
    send: str = ""  # secondary-claims: "electronic" or "paper"
    accepted: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)  # where it starts in its document

    def applies_to_payer(self, payer_id: str, profile: str, name: str = "") -> bool:
        keys = {k.casefold() for k in (payer_id, profile, name) if k}
        return "*" in self.payers or any(p.casefold() in keys for p in self.payers)

    def in_force(self, dos: dt.date) -> bool:
        """True on a date of service from ``effective`` to ``end`` (inclusive)."""
        return self.effective <= dos and (self.end is None or dos <= self.end)

    def matches_code(self, code: str) -> bool:
        if not self.codes:
            return True
        return any(lo <= code <= hi and len(code) == len(lo) for lo, hi in self.codes)

    def matches_dx(self, dx: str) -> bool:
        d = dx.replace(".", "").upper()
        return any(lo <= d[: len(lo)] <= hi or lo <= d <= hi for lo, hi in self.diagnoses)

    def per_days(self) -> int:
        """The period of a units-limit in days (1 for ``day``, 0 for ``claim``)."""
        if self.per == "day":
            return 1
        if self.per == "claim":
            return 0
        return int(self.per.split()[0])


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.nodes = 0

    def bad(self, node: Node | None, reason: str) -> None:
        self.problems.append(Problem(node.start_mark.line + 1 if node else 0, reason))

    def text(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode) or not node.value.strip():
            self.bad(node, f"{what}: expected text, got {_shape(node)}")
            return None
        return str(node.value).strip()

    def texts(self, node: Node, what: str) -> list[tuple[Node, str]] | None:
        """A scalar or a list of scalars (``[a, b]`` or a block list)."""
        if isinstance(node, ScalarNode):
            value = self.text(node, what)
            return None if value is None else [(node, value)]
        if not isinstance(node, SequenceNode) or not node.value:
            self.bad(node, f"{what}: expected text or a list of text, got {_shape(node)}")
            return None
        out = []
        for item in node.value:
            self.nodes += 1
            value = self.text(item, what)
            if value is not None:
                out.append((item, value))
        return out if len(out) == len(node.value) else None

    def date(self, node: Node, what: str) -> dt.date | None:
        value = self.text(node, what)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.bad(node, f"{what}: {value!r} is not a date (write YYYY-MM-DD)")
            return None

    def ranges(
        self, node: Node, what: str, pattern: re.Pattern[str], dot: bool
    ) -> tuple[tuple[str, str], ...] | None:
        items = self.texts(node, what)
        if items is None:
            return None
        out = []
        ok = True
        for item, value in items:
            lo, sep, hi = value.upper().partition("-")
            lo, hi = lo.strip(), (hi.strip() if sep else lo.strip())
            if dot:
                lo, hi = lo.replace(".", ""), hi.replace(".", "")
            if not pattern.match(lo) or not pattern.match(hi):
                self.bad(item, f"{what}: {value!r} is not a code or a range like 97110-97799")
                ok = False
            elif (len(lo) != len(hi) and not dot) or hi < lo:
                self.bad(item, f"{what}: the range {value!r} runs backwards or mixes lengths")
                ok = False
            else:
                out.append((lo, hi))
        return tuple(out) if ok else None

    def rule(self, node: Node, seen: dict[str, int]) -> PayerRule | None:
        if not isinstance(node, MappingNode):
            self.bad(node, f"a rule: expected a mapping of fields, got {_shape(node)}")
            return None
        before = len(self.problems)
        fields: dict[str, Node] = {}
        for knode, vnode in node.value:
            self.nodes += 1
            key = knode.value if isinstance(knode, ScalarNode) else None
            if key is None:
                self.bad(knode, "a rule field name must be text")
            elif key in fields:
                self.bad(knode, f"field {key!r} is given twice")
            else:
                fields[key] = vnode
        rid = self.text(fields["id"], "id") if "id" in fields else None
        label = f"rule {rid}" if rid else "a rule"
        if rid is not None and not _ID.match(rid):
            self.bad(fields["id"], f"id {rid!r}: letters, digits, '.', '_' and '-' only (max 64)")
        if rid is not None and rid in seen:
            self.bad(fields["id"], f"id {rid!r} is used twice (first on line {seen[rid]})")
        elif rid is not None:
            seen[rid] = fields["id"].start_mark.line + 1
        for name in _COMMON_REQUIRED:
            if name not in fields:
                self.bad(node, f"{label}: lacks {name!r}")
        kind_node = fields.get("kind")
        kind = self.text(kind_node, "kind") if kind_node is not None else None
        params: dict[str, bool] = {}
        if kind is not None:
            if kind not in KINDS:
                self.bad(kind_node, f"kind {kind!r} is not one of {', '.join(KINDS)}")
                kind = None
            else:
                params = KINDS[kind]
                for p, required in params.items():
                    if required and p not in fields:
                        self.bad(node, f"{label}: a {kind} rule needs {p!r}")
        allowed_keys = set(_COMMON_REQUIRED) | set(_COMMON_OPTIONAL) | set(params)
        for key, vnode in fields.items():
            if key not in allowed_keys and (kind is not None or key not in _PARAMS):
                known = "" if kind is None else f" for a {kind} rule"
                self.bad(vnode, f"{label}: unknown field {key!r}{known}")
        if kind is None or any(n not in fields for n in _COMMON_REQUIRED):
            return None
        if any(required and p not in fields for p, required in params.items()):
            return None
        rule = self._build(fields, rid, kind)  # checks every value, listing each problem
        return rule if len(self.problems) == before else None

    def _build(self, f: dict[str, Node], rid: str | None, kind: str | None) -> PayerRule | None:
        before = len(self.problems)
        payers = self.texts(f["payer"], "payer")
        effective = self.date(f["effective"], "effective")
        end = self.date(f["end"], "end") if "end" in f else None
        if effective and end and end < effective:
            self.bad(f["end"], f"end {end} is before effective {effective}")
        citation = self.text(f["citation"], "citation")
        fix = self.text(f["fix"], "fix")
        severity = self.text(f["severity"], "severity") if "severity" in f else "error"
        if severity not in ("error", "warning", None):
            self.bad(f["severity"], f"severity {severity!r}: error or warning")
        meaning = self.text(f["meaning"], "meaning") if "meaning" in f else ""
        carc = self.text(f["carc"], "carc") if "carc" in f else None
        codes = self.ranges(f["codes"], "codes", _CODE, False) if "codes" in f else ()
        dxs = self.ranges(f["diagnoses"], "diagnoses", _DX, True) if "diagnoses" in f else ()
        pos = self._codes(f, "place_of_service", r"\d{2}")
        allowed = self._codes(f, "allowed", r"\d{2}")
        mods = self._codes(f, "modifiers", r"[A-Z0-9]{2}")
        accepted = self._codes(f, "accepted", r"[0-9]")
        units = 0
        if "units" in f:
            raw = self.text(f["units"], "units")
            if raw is not None and (not raw.isdigit() or int(raw) < 1):
                self.bad(f["units"], f"units {raw!r}: a whole number of 1 or more")
            elif raw is not None:
                units = int(raw)
        per = self.text(f["per"], "per") if "per" in f else ""
        if per and not _PER.match(per):
            self.bad(f["per"], f"per {per!r}: day, claim or 'N days' (e.g. 30 days)")
        send = self.text(f["send"], "send") if "send" in f else ""
        if send and send not in ("electronic", "paper"):
            self.bad(f["send"], f"send {send!r}: electronic or paper")
        if len(self.problems) != before or rid is None or kind is None:
            return None
        assert payers is not None and effective is not None and citation and fix
        return PayerRule(
            id=rid,
            payers=tuple(v for _, v in payers),
            kind=kind,
            effective=effective,
            end=end,
            citation=citation,
            fix=fix,
            severity="warning" if severity == "warning" else "error",
            meaning=meaning or "",
            carc=carc,
            codes=codes or (),
            diagnoses=dxs or (),
            place_of_service=pos,
            allowed=allowed,
            modifiers=mods,
            accepted=accepted,
            units=units,
            per=per or "",
            send=send or "",
            line=f["id"].start_mark.line + 1,
        )

    def _codes(self, f: dict[str, Node], name: str, pattern: str) -> tuple[str, ...]:
        if name not in f:
            return ()
        items = self.texts(f[name], name)
        out = []
        for node, value in items or []:
            v = value.upper()
            if not re.fullmatch(pattern, v):
                self.bad(node, f"{name}: {value!r} is not a valid value here")
            else:
                out.append(v)
        return tuple(out)


def _shape(node: Node | None) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        return "nothing" if not node.value.strip() else f"{node.value!r}"
    return "nothing"


def _count(node: Node) -> int:
    """Nodes in the tree, aliases counted each time they are used (a bound on work)."""
    stack, n = [node], 0
    while stack and n <= _MAX_NODES:
        cur = stack.pop()
        n += 1
        if isinstance(cur, SequenceNode):
            stack.extend(cur.value)
        elif isinstance(cur, MappingNode):
            for k, v in cur.value:
                stack.extend((k, v))
    return n


def parse_rules(text: str, *, where: str = "document", line_offset: int = 0) -> list[PayerRule]:
    """The rules of ``text`` (``rules: [...]``, or a bare list of rules), or
    :class:`RulesError` listing every problem with its line (plus ``line_offset``,
    for rules embedded in a larger document). An empty document has no rules."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else 0
        raise RulesError(where, [Problem(line, f"not valid YAML ({exc.problem})")]) from None
    except yaml.YAMLError as exc:
        raise RulesError(where, [Problem(0, f"not valid YAML ({exc})")]) from None
    if root is None:
        return []
    if _count(root) > _MAX_NODES:
        raise RulesError(where, [Problem(0, f"more than {_MAX_NODES} YAML nodes")])
    reader = _Reader()
    rules_node: Node | None = root
    if isinstance(root, MappingNode):
        rules_node = None
        for k, v in root.value:
            key = k.value if isinstance(k, ScalarNode) else None
            if key == "rules":
                rules_node = v
            elif key not in ("about",):
                reader.bad(k, f"unknown top-level field {key!r} (expected rules, about)")
        if rules_node is None:
            reader.bad(root, "no 'rules:' list")
    out: list[PayerRule] = []
    if isinstance(rules_node, ScalarNode) and rules_node.tag.endswith(":null"):
        pass  # ``rules:`` with nothing under it
    elif rules_node is not None and not isinstance(rules_node, SequenceNode):
        reader.bad(rules_node, f"rules: expected a list of rules, got {_shape(rules_node)}")
    elif rules_node is not None:
        seen: dict[str, int] = {}
        for item in rules_node.value:
            rule = reader.rule(item, seen)
            if rule is not None:
                out.append(rule)
    if reader.problems:
        problems = [
            Problem(p.line + line_offset if p.line else 0, p.reason) for p in reader.problems
        ]
        raise RulesError(where, sorted(problems, key=lambda p: p.line))
    return out
