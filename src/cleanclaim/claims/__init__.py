"""Encounters (visits), claims built from them and each claim's append-only event log (issue 13)."""
