"""Patients of a practice and their coverage (insurance policies)."""
