"""Appointments, Today's patients and check-in: the front desk's day.

:mod:`.models` holds the appointment, :mod:`.actions` every write (audited),
:mod:`.importing` the CSV import (all rows or none). The schedule's "coverage at a
glance" is :func:`cleanclaim.eligibility.status.coverage_status`.
"""
