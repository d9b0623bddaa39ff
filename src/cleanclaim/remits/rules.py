"""Posting rules per practice: what is in effect, and changing it.

The rules in effect are :data:`cleanclaim.remittance.DEFAULT_RULES` with the
practice's :class:`PostingRule` overrides (:func:`cleanclaim.remits.actions.rules_for`
is what posting reads). A key is ``GROUP-CARC`` (``CO-45``), ``GROUP-*`` (``PR-*``) or
``RARC:CODE`` (``RARC:N130``): the group one of CAS01's CO/PR/OA/PI/CR, the code one the
CARC/RARC list of the code store knows. ``AUTO-POST`` = ``hold`` (decision 1050) is
kept in the same table and shown as the switch "Post 835s automatically".

Every change goes through :func:`set_rule`, :func:`remove_rule` or
:func:`set_auto_post` and is audited.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from cleanclaim import remittance as engine
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.practices.models import Practice
from cleanclaim.remits.models import PostingRule

__all__ = [
    "AUTO_POST",
    "GROUPS",
    "InvalidRule",
    "Rule",
    "auto_posts",
    "describe",
    "in_effect",
    "normalise_key",
    "remove_rule",
    "set_auto_post",
    "set_rule",
]

#: The key of the switch "Post 835s automatically" (``cleanclaim.clearinghouses.intake``).
AUTO_POST = "AUTO-POST"
#: CAS01 claim adjustment group codes.
GROUPS = ("CO", "PR", "OA", "PI", "CR")
GROUP_NAMES = {
    "CO": "contractual obligation",
    "PR": "patient responsibility",
    "OA": "other adjustment",
    "PI": "payer initiated reduction",
    "CR": "correction and reversal",
}
#: The action in plain words.
ACTION_WORDS = {
    "write_off": "Write off (the practice does not collect it)",
    "patient": "Move to the patient's responsibility",
    "adjust": "Other adjustment off the insurance balance",
    "hold": "Hold for review (nothing posted; to the denial work list)",
}
_GROUP_CARC = re.compile(r"([A-Z]{2})-([A-Z0-9]{1,5}|\*)")
_RARC = re.compile(r"RARC:([A-Z0-9]{1,5})")


class InvalidRule(ValueError):
    """A rule refused; ``field`` names the input at fault (``key`` or ``action``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule in effect for a practice: its key, action, the code's description, and
    where it comes from (``default`` or ``practice``, with who changed it and when);
    ``default_action`` is what applies once a practice override is removed."""

    key: str
    action: str
    description: str
    source: str
    default_action: str | None = None
    changed_by: str = ""
    changed_at: dt.datetime | None = None

    @property
    def action_words(self) -> str:
        return ACTION_WORDS.get(self.action, self.action)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "action": self.action,
            "action_words": self.action_words,
            "description": self.description,
            "source": self.source,
            "default_action": self.default_action,
            "changed_by": self.changed_by,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
        }


def _lookup(system: str, code: str, as_of: dt.date) -> str | None:
    """The code's description in the code store, None when the store does not hold it."""
    from cleanclaim.codes.store import open_store

    found = open_store().lookup(system, code, as_of).code
    if found is None:
        return None
    return found.long or found.short or code


def describe(key: str, as_of: dt.date | None = None) -> str:
    """The key in plain language: the CARC/RARC's description from the code store."""
    as_of = as_of or timezone.localdate()
    m = _RARC.fullmatch(key)
    if m:
        return _lookup("rarc", m.group(1), as_of) or f"RARC {m.group(1)}"
    m = _GROUP_CARC.fullmatch(key)
    if m is None:
        return ""
    group, code = m.groups()
    name = GROUP_NAMES.get(group, group)
    if code == "*":
        return f"any reason under {group} ({name})"
    return _lookup("carc", code, as_of) or f"CARC {code}"


def normalise_key(key: str, as_of: dt.date | None = None) -> str:
    """``key`` upper-cased and checked: ``GROUP-CARC``, ``GROUP-*`` or ``RARC:CODE``,
    the group one of CO/PR/OA/PI/CR, the code one the CARC/RARC list holds.
    :class:`InvalidRule` (field ``key``) says what is wrong."""
    as_of = as_of or timezone.localdate()
    k = key.strip().upper()
    if not k:
        raise InvalidRule("key", "empty: write GROUP-CARC (CO-45), GROUP-* or RARC:CODE")
    m = _RARC.fullmatch(k)
    if m:
        if _lookup("rarc", m.group(1), as_of) is None:
            raise InvalidRule("key", f"{m.group(1)} is not in the RARC list")
        return k
    m = _GROUP_CARC.fullmatch(k)
    if m is None:
        raise InvalidRule(
            "key", f"{key.strip()!r} is not GROUP-CARC (CO-45), GROUP-* (PR-*) or RARC:CODE"
        )
    group, code = m.groups()
    if group not in GROUPS:
        raise InvalidRule("key", f"group {group} is not one of {', '.join(GROUPS)}")
    if code != "*" and _lookup("carc", code, as_of) is None:
        raise InvalidRule("key", f"{code} is not in the CARC list")
    return k


def _action(action: str) -> str:
    a = action.strip().lower()
    if a not in PostingRule.Action.values:
        raise InvalidRule(
            "action", f"{action!r} is not one of {', '.join(PostingRule.Action.values)}"
        )
    return a


def _who(rule: PostingRule) -> str:
    user = rule.changed_by
    return str(getattr(user, "email", "") or "") if user is not None else ""


def in_effect(practice: Practice, as_of: dt.date | None = None) -> list[Rule]:
    """Every rule in effect for ``practice``: the defaults and its overrides, by key
    (``AUTO-POST`` is not a CARC rule: see :func:`auto_posts`)."""
    as_of = as_of or timezone.localdate()
    own = {
        r.key: r
        for r in PostingRule.objects.filter(practice=practice)
        .exclude(key=AUTO_POST)
        .select_related("changed_by")
    }
    rules: list[Rule] = []
    for key in sorted({*engine.DEFAULT_RULES, *own}, key=_sort_key):
        default = engine.DEFAULT_RULES.get(key)
        mine = own.get(key)
        if mine is not None:
            rules.append(
                Rule(
                    key,
                    mine.action,
                    describe(key, as_of),
                    "practice",
                    str(default) if default is not None else None,
                    _who(mine),
                    mine.changed_at,
                )
            )
        else:
            assert default is not None
            rules.append(Rule(key, str(default), describe(key, as_of), "default", str(default)))
    return rules


def _sort_key(key: str) -> tuple[int, str, int, str]:
    if key.startswith("RARC:"):
        return (1, "", 0, key)
    group, _, code = key.partition("-")
    return (0, group, 0 if code == "*" else 1, code.zfill(5))


def auto_posts(practice: Practice) -> bool:
    """Whether polled 835s of ``practice`` post by themselves (decision 1050)."""
    return not PostingRule.objects.filter(
        practice=practice, key=AUTO_POST, action=PostingRule.Action.HOLD
    ).exists()


def set_rule(actor: Actor, practice: Practice, key: str, action: str) -> PostingRule:
    """Add or change the practice's override for ``key``; setting ``AUTO-POST`` takes
    ``hold`` only (use :func:`set_auto_post`)."""
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    a = _action(action)
    if key.strip().upper() == AUTO_POST:
        if a != PostingRule.Action.HOLD:
            raise InvalidRule("action", "AUTO-POST takes hold only (remove it to post again)")
        k = AUTO_POST
    else:
        k = normalise_key(key)
    with transaction.atomic():
        rule = PostingRule.objects.select_for_update().filter(practice=practice, key=k).first()
        now = timezone.now()
        if rule is not None:
            return _change(actor, rule, a, user, now)
        rule = PostingRule(practice=practice, key=k, action=a, changed_by=user, changed_at=now)
        try:
            with transaction.atomic():
                rule.save()
        except IntegrityError:  # created meanwhile by another request: change that one
            found = PostingRule.objects.select_for_update().get(practice=practice, key=k)
            return _change(actor, found, a, user, now)
        default = engine.DEFAULT_RULES.get(k)
        record(
            actor,
            "create",
            rule,
            changes={"key": [None, k], "action": [str(default) if default else None, a]},
        )
    return rule


def _change(
    actor: Actor, rule: PostingRule, action: str, user: Any, now: dt.datetime
) -> PostingRule:
    """Change a stored rule's action (nothing when it is the same), audited."""
    if rule.action != action:
        before = rule.action
        rule.action, rule.changed_by, rule.changed_at = action, user, now
        rule.save(update_fields=["action", "changed_by", "changed_at"])
        record(actor, "update", rule, changes={"action": [before, action]})
    return rule


def remove_rule(actor: Actor, practice: Practice, key: str) -> bool:
    """Remove the practice's override for ``key`` (the default applies again); False
    when there was none."""
    k = key.strip().upper()
    with transaction.atomic():
        rule = PostingRule.objects.select_for_update().filter(practice=practice, key=k).first()
        if rule is None:
            return False
        default = engine.DEFAULT_RULES.get(k)
        record(
            actor,
            "delete",
            rule,
            changes={"action": [rule.action, str(default) if default else None]},
        )
        rule.delete()
    return True


def set_auto_post(actor: Actor, practice: Practice, on: bool) -> None:
    """The switch "Post 835s automatically": off stores ``AUTO-POST`` = ``hold``."""
    if on:
        remove_rule(actor, practice, AUTO_POST)
    else:
        set_rule(actor, practice, AUTO_POST, PostingRule.Action.HOLD)
