"""Patient balances and statements (issue 16).

* :mod:`.models` — per-practice statement settings, statement runs and statements;
* :mod:`.account` — a patient's (or guarantor's) ledger read with running balances,
  which visits every payer has answered, aging;
* :mod:`.pdf` and :mod:`.mailing` — the statement as PDF and the mailing vendor's CSV;
* :mod:`.actions` — running statements, payments against a statement, the
  small-balance write-off and refunds of credit balances (the only writers).
"""
