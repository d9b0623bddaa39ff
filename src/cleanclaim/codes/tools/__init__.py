"""Maintenance tools that regenerate the package's shipped data from official files."""
