"""The money ledger: every amount that changes what is owed on an account.

See :mod:`cleanclaim.ledger.models` for the entry and :mod:`cleanclaim.ledger.actions`
for the one way entries are written.
"""
