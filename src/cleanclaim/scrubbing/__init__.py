"""The scrubber in the app: the rule catalogue page, the 837P upload page and
``POST /api/scrub``. The engine is :mod:`cleanclaim.edits`."""
