"""People and calls: a payer's contacts, the call log and the follow-up list."""
