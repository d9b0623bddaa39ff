"""Domain actions for payer rule sets: each owns its transaction and writes the audit
entry in it. A save is a new immutable version of the whole rule set, checked by the
rule language first (a bad text is refused whole, every problem with its line)."""

from __future__ import annotations

from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.edits.payer_rules_lang import PayerRule, RulesError, parse_rules
from cleanclaim.payerrules.models import RuleSet, RuleVersion
from cleanclaim.payers.models import Payer

__all__ = ["NoChange", "RulesError", "StaleRules", "check", "revert", "save_version"]


class NoChange(ValueError):
    """The text is the current version's: nothing to save."""


class StaleRules(ValueError):
    """Someone saved a version since the editor opened the rules."""


def check(payer: Payer, text: str) -> list[PayerRule]:
    """The rules of ``text``, or :class:`RulesError` listing every problem with its line."""
    return parse_rules(text, where=f"of {payer.name} ({payer.payer_id})")


def _who(actor: Actor) -> str:
    user = actor.user
    if user is not None and getattr(user, "pk", None) is not None:
        return str(getattr(user, "email", "") or user.get_username())
    return actor.label or f"system ({actor.via})"


@transaction.atomic
def save_version(
    actor: Actor,
    payer: Payer,
    text: str,
    why: str,
    *,
    based_on: int | None = None,
    reverted_from: int | None = None,
) -> RuleVersion:
    """A new version of ``payer``'s rules. ValueError without a reason why;
    :class:`RulesError` for a text that is not valid rules; :class:`StaleRules` when
    ``based_on`` (the version the editor started from, 0 for none) is no longer the
    current one; :class:`NoChange` when the text is the current version's."""
    why = why.strip()
    if not why:
        raise ValueError("say why the rules change (it is kept with the version)")
    if len(why) > 300:
        raise ValueError("the reason why is at most 300 characters")
    text = text.replace("\r\n", "\n")
    if text and not text.endswith("\n"):
        text += "\n"
    rules = check(payer, text)
    rule_set, _ = RuleSet.objects.get_or_create(
        payer=payer, defaults={"organisation_id": payer.organisation_id}
    )
    rule_set = RuleSet.objects.select_for_update().get(pk=rule_set.pk)
    current = rule_set.current()
    number = current.number if current else 0
    if based_on is not None and based_on != number:
        raise StaleRules(
            f"version {number} was saved since you opened version {based_on}: "
            "open the rules again and redo the change"
        )
    if current is not None and current.text == text:
        raise NoChange(f"the text is version {number}'s: nothing to save")
    version = RuleVersion(
        rule_set=rule_set,
        number=number + 1,
        text=text,
        why=why,
        author=actor.user if getattr(actor.user, "pk", None) is not None else None,
        author_label=_who(actor),
        reverted_from=reverted_from,
    )
    version.save()
    record(
        actor,
        AuditEntry.Action.CREATE,
        version,
        changes={"number": version.number, "why": why, "rules": [r.id for r in rules]},
        context={"payer": payer.payer_id, "reverted_from": reverted_from},
    )
    return version


def revert(actor: Actor, payer: Payer, to: int, why: str) -> RuleVersion:
    """A new version with version ``to``'s text (LookupError when there is none)."""
    old = RuleVersion.objects.filter(rule_set__payer=payer, number=to).first()
    if old is None:
        raise LookupError(f"{payer.name} has no rules version {to}")
    return save_version(actor, payer, old.text, why or f"revert to version {to}", reverted_from=to)
