"""Payer rules in the app: each payer's rule set (the payer rule language,
docs/payer-rules.md) kept as immutable versions (who, when, why), edited with a
preview, diffed and reverted; the scrubber uses each organisation's current rules."""
