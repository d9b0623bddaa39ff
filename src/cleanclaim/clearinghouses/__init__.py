"""Clearinghouse connections: plug-ins (``clearinghouses/<name>/``), batches, files (issue 14)."""
