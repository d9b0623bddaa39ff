"""The append-only audit trail of reads and changes of PHI."""
