"""Payers: the insurers an organisation bills, with their submission facts."""
