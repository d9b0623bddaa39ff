"""835 remittances in the app: intake, balancing, matching, posting (docs/remittance.md)."""
