"""Demo step: the packaged starter payer rules (``edits/data/payer_rules.yaml``) as the
first version of the rule sets of the demo payers they name (DEMO01, DEMO02), so the
payer rules pages show what the scrubber applies."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.edits.payer_rules_lang import parse_rules
from cleanclaim.payerrules import actions
from cleanclaim.payerrules.models import RuleSet


def starter_texts() -> dict[str, str]:
    """The starter rules split per payer: payer id → a rule set text, each rule as
    written in the packaged file (its lines, from its ``id`` to the next rule)."""
    text = resources.files("cleanclaim.edits.data").joinpath("payer_rules.yaml").read_text()
    lines = text.splitlines(keepends=True)
    rules = parse_rules(text, where="payer_rules.yaml")
    starts = [r.line for r in rules] + [len(lines) + 1]
    out: dict[str, list[str]] = defaultdict(list)
    for rule, start, stop in zip(rules, starts, starts[1:], strict=False):
        chunk = "".join(lines[start - 1 : stop - 1]).rstrip("\n") + "\n"
        for payer in rule.payers:
            out[payer].append(chunk)
    return {payer: "rules:\n" + "\n".join(chunks) for payer, chunks in out.items()}


def build(ctx: Any) -> None:
    actor = Actor(user=None, via="demo")
    by_id = {p.payer_id: p for p in ctx.payers.values()}
    for payer_id, text in sorted(starter_texts().items()):
        payer = by_id.get(payer_id)
        if payer is None:
            continue
        ctx.ensure(
            "payer rule sets",
            f"payer-rules:{payer_id}",
            RuleSet,
            find=lambda payer=payer: RuleSet.objects.filter(payer=payer).first(),
            create=lambda payer=payer, text=text: (
                actions.save_version(
                    actor, payer, text, "starter rules (demo payer set-up)"
                ).rule_set
            ),
        )
