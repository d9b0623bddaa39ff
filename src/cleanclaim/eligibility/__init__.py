"""Eligibility checks (270/271) per coverage and visit day, the benefits summary the
front desk reads, the night-before batch and the coverage status at a glance.

Files: :mod:`.models` (``EligibilityCheck``, ``EligibilityBatch``), :mod:`.actions`
(``check``, ``apply_corrections``, ``run_batch``: transactions and audit),
:mod:`.status` (``coverage_status``), :mod:`.selection` (who the batch checks),
:mod:`.tasks` (Celery), :mod:`.views`, :mod:`.api`. The X12 work is the plain
:mod:`cleanclaim.benefits` engine. See docs/eligibility.md."""
