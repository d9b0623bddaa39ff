"""Appointments, Today's patients and check-in: the front desk's day.

:mod:`.models` holds the appointment, :mod:`.actions` every write (audited),
:mod:`.importing` the CSV import (all rows or none), :mod:`.coverage_status` the one
function that reads eligibility for the schedule's "coverage at a glance".
"""
