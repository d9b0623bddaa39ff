"""Prior authorizations per patient and payer (issue 15); docs/authorizations.md."""
