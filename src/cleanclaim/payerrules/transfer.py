"""Payer profiles and rules as one YAML document, to move them between
organisations and into git (``cleanclaim payers export`` / ``import``)::

    payers:
      - payer_id: DEMO01
        profile:
          name: Medicare Part B (demo MAC)
          kind: medicare_b
          ...                      # every field of PayerForm.Meta.fields
        connection_ids:            # the payer's id per clearinghouse connection, if any
          Availity: "12345"
        rules: |                   # the current rule set, as written
          rules:
            - id: ...

The profile's fields are those of :class:`cleanclaim.payers.forms.PayerForm` (its
``Meta.fields``), read and written generically, so a field added to the form travels
without this module knowing it; an import is validated by that same form. The ids per
clearinghouse connection (rows of ``PayerConnectionId``) travel as ``connection_ids``.
Per-practice overrides stay with their practice and do not travel.

Import checks the whole document first (YAML, the shape, every profile with the form,
every rule set with the rule language) and refuses it whole, listing every problem
with its line; then it writes every change in one transaction, through the payer and
payer-rule actions (audited). Exporting after importing gives the same text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cleanclaim.audit.actor import Actor
from cleanclaim.edits.payer_rules_lang import Problem, RulesError, parse_rules
from cleanclaim.payerrules import actions
from cleanclaim.payerrules.service import current_version
from cleanclaim.payers import actions as payer_actions
from cleanclaim.payers.forms import PayerForm
from cleanclaim.payers.models import Payer, PayerConnectionId
from cleanclaim.practices.models import Organisation

__all__ = ["Plan", "TransferError", "apply", "export", "plan_import", "profile_fields"]


def profile_fields() -> list[str]:
    """The profile fields that travel: the payer form's, less the key ``payer_id``."""
    return [f for f in PayerForm.Meta.fields if f != "payer_id"]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def export(organisation: Organisation, payer_id: str | None = None) -> str:
    """The organisation's payers (or one), ordered by payer id, as YAML text."""
    payers = Payer.objects.filter(organisation=organisation).order_by("payer_id")
    if payer_id is not None:
        payers = payers.filter(payer_id=payer_id)
    out = []
    for payer in payers:
        initial = PayerForm(instance=payer).initial
        entry: dict[str, Any] = {
            "payer_id": payer.payer_id,
            "profile": {name: _plain(initial.get(name)) for name in profile_fields()},
        }
        ids = _connection_ids(payer)
        if ids:
            entry["connection_ids"] = ids
        version = current_version(payer)
        if version is not None:
            entry["rules"] = version.text
        out.append(entry)
    header = f"# cleanclaim payers export: {organisation.name}\n"
    body = yaml.dump(
        {"payers": out}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )
    return header + body


def _connection_ids(payer: Payer) -> dict[str, str]:
    rows = payer.connection_ids.order_by("connection")
    return dict(rows.values_list("connection", "connection_payer_id"))


class TransferError(ValueError):
    """The document is refused whole; ``problems`` lists each with its line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.line)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass
class Change:
    payer_id: str
    new: bool
    profile: dict[str, Any]  # the cleaned fields to set (all of them for a new payer)
    changed: dict[str, list[Any]]  # field: [old, new] for an existing payer
    rules: str | None  # the new rule set text, None for no change
    payer: Payer | None = None
    connection_ids: dict[str, str] | None = None  # the new ids per connection, None: same

    def describe(self) -> list[str]:
        lines = []
        if self.new:
            lines.append(f"{self.payer_id}: new payer {self.profile.get('name', '')!s}")
        for name, (old, new) in self.changed.items():
            lines.append(f"{self.payer_id}: {name} {old!r} -> {new!r}")
        if self.connection_ids is not None:
            lines.append(f"{self.payer_id}: connection_ids -> {self.connection_ids!r}")
        if self.rules is not None:
            n = len(parse_rules(self.rules))
            lines.append(f"{self.payer_id}: rules -> a new version ({n} rules)")
        return lines


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)

    def describe(self) -> list[str]:
        return [line for c in self.changes for line in c.describe()]


def _scalar(node: Node) -> Any:
    return yaml.safe_load(yaml.serialize(node)) if node is not None else None


def plan_import(organisation: Organisation, text: str) -> Plan:
    """What importing ``text`` would change, or :class:`TransferError` listing every
    problem with its line."""
    problems: list[Problem] = []

    def bad(node: Node | None, reason: str) -> None:
        problems.append(Problem(node.start_mark.line + 1 if node is not None else 0, reason))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise TransferError(
            [Problem(mark.line + 1 if mark else 0, f"not valid YAML ({exc.problem})")]
        ) from None
    except yaml.YAMLError as exc:
        raise TransferError([Problem(0, f"not valid YAML ({exc})")]) from None
    entries: list[Node] = []
    if not isinstance(root, MappingNode):
        bad(root, "expected 'payers:' with a list of payers")
    else:
        for k, v in root.value:
            if isinstance(k, ScalarNode) and k.value == "payers" and isinstance(v, SequenceNode):
                entries = list(v.value)
            else:
                bad(k, f"unknown field {getattr(k, 'value', '?')!r} (expected payers: [...])")
    plan = Plan()
    seen: dict[str, int] = {}
    allowed = {"payer_id", "profile", "connection_ids", "rules"}
    for entry in entries:
        if not isinstance(entry, MappingNode):
            bad(entry, "a payer: expected payer_id, profile and rules")
            continue
        fields = {k.value: v for k, v in entry.value if isinstance(k, ScalarNode)}
        for k, _v in entry.value:
            if not isinstance(k, ScalarNode) or k.value not in allowed:
                name = getattr(k, "value", "?")
                bad(
                    k, f"unknown field {name!r} (expected payer_id, profile, connection_ids, rules)"
                )
        pid_node = fields.get("payer_id")
        pid = pid_node.value.strip() if isinstance(pid_node, ScalarNode) else ""
        if not pid:
            bad(entry, "a payer lacks payer_id")
            continue
        if pid in seen:
            bad(pid_node, f"payer {pid} is listed twice (first on line {seen[pid]})")
            continue
        seen[pid] = entry.start_mark.line + 1
        payer = Payer.objects.filter(organisation=organisation, payer_id=pid).first()
        change = _plan_profile(organisation, payer, pid, fields.get("profile"), bad)
        ids_node = fields.get("connection_ids")
        if ids_node is not None:
            ids = _plan_connection_ids(pid, ids_node, bad)
            if ids is not None and (payer is None or ids != _connection_ids(payer)):
                change.connection_ids = ids
        rules_node = fields.get("rules")
        if rules_node is not None:
            if not isinstance(rules_node, ScalarNode):
                bad(rules_node, f"payer {pid} rules: expected the rule set as text (rules: |)")
            else:
                rules = rules_node.value
                try:
                    parse_rules(rules, line_offset=rules_node.start_mark.line + 1)
                except RulesError as exc:
                    problems.extend(
                        Problem(p.line, f"payer {pid} rules: {p.reason}") for p in exc.problems
                    )
                else:
                    now = current_version(payer) if payer is not None else None
                    normal = _normal(rules)
                    if now is None or now.text != normal:
                        change.rules = normal
        if change.new or change.changed or change.rules is not None or change.connection_ids:
            plan.changes.append(change)
    if problems:
        raise TransferError(problems)
    return plan


def _plan_connection_ids(pid: str, node: Node, bad: Any) -> dict[str, str] | None:
    """``{connection: payer id}`` from a mapping, each pair checked as the model checks
    it; None (with each problem reported) when any is wrong."""
    if not isinstance(node, MappingNode):
        bad(node, f"payer {pid} connection_ids: expected 'connection: payer id' lines")
        return None
    ids: dict[str, str] = {}
    ok = True
    for k, v in node.value:
        if not (isinstance(k, ScalarNode) and isinstance(v, ScalarNode)):
            bad(k, f"payer {pid} connection_ids: expected 'connection: payer id'")
            ok = False
            continue
        connection, value = k.value.strip(), v.value.strip()
        if connection in ids:
            bad(k, f"payer {pid} connection_ids: {connection!r} is listed twice")
            ok = False
            continue
        row = PayerConnectionId(connection=connection, connection_payer_id=value)
        try:
            row.full_clean(exclude=["payer"], validate_unique=False)
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                for e in errors:
                    bad(v, f"payer {pid} connection_ids {connection!r} {name}: {e}")
            ok = False
            continue
        ids[connection] = value
    return ids if ok else None


def _normal(text: str) -> str:
    text = text.replace("\r\n", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def _plan_profile(
    organisation: Organisation, payer: Payer | None, pid: str, node: Node | None, bad: Any
) -> Change:
    change = Change(pid, payer is None, {}, {}, None, payer)
    if node is None:
        if payer is None:
            bad(None, f"payer {pid}: a new payer needs its profile")
        return change
    if not isinstance(node, MappingNode):
        bad(node, f"payer {pid} profile: expected a mapping of fields")
        return change
    names = profile_fields()
    data: dict[str, Any] = {}
    lines: dict[str, Node] = {}
    for k, v in node.value:
        name = k.value if isinstance(k, ScalarNode) else ""
        if name not in names:
            bad(k, f"payer {pid} profile: unknown field {name!r} (fields: {', '.join(names)})")
            continue
        lines[name] = v
        data[name] = _scalar(v)
    before: dict[str, Any] = {}
    # fields not given keep their value (a new payer: the profile's defaults)
    initial = PayerForm(instance=payer or Payer(organisation=organisation)).initial
    defaults = {n: _plain(initial.get(n)) for n in names if initial.get(n) is not None}
    if payer is not None:
        before = {n: _plain(initial.get(n)) for n in names}
    data = (before or defaults) | data
    # the form validates a copy: it writes the cleaned values onto its instance
    instance = Payer.objects.get(pk=payer.pk) if payer else Payer(organisation=organisation)
    form = PayerForm(data={**data, "payer_id": pid}, instance=instance)
    if not form.is_valid():
        for name, errors in form.errors.items():
            where = lines.get(name, node)
            for e in errors:
                bad(where, f"payer {pid} profile {name}: {e}")
        return change
    cleaned = {n: form.cleaned_data[n] for n in names if n in form.cleaned_data}
    if payer is None:
        change.profile = cleaned
    else:
        for n, value in cleaned.items():
            if before.get(n) != _plain(value):
                change.changed[n] = [before.get(n), _plain(value)]
                change.profile[n] = value
    return change


@transaction.atomic
def apply(actor: Actor, organisation: Organisation, plan: Plan, why: str) -> None:
    """Write every change of ``plan`` (one transaction: all or nothing)."""
    for c in plan.changes:
        payer = c.payer
        if c.new:
            payer = payer_actions.add_payer(actor, organisation, payer_id=c.payer_id, **c.profile)
        elif c.changed:
            assert payer is not None
            payer = payer_actions.update_payer(actor, payer, **c.profile)
        if c.connection_ids is not None:
            assert payer is not None
            payer_actions.set_connection_ids(actor, payer, c.connection_ids)
        if c.rules is not None:
            assert payer is not None
            actions.save_version(actor, payer, c.rules, why)
