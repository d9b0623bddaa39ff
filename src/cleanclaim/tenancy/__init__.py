"""The tenancy kernel, below every feature app: the permission table (:mod:`.permissions`),
the one scoping helper (:mod:`.scoping`), the two guards (:mod:`.guards`: ``requires`` for
pages, ``api_requires`` for API operations) and optimistic locking (:mod:`.concurrency`).
Its models (organisations, practices, users and memberships) are the ``practices`` app's
tables (decision 0506). Nothing here imports ``web``, ``api`` or a feature app; a test
holds that line (tests/app/test_the_kernel_imports_no_feature.py).
"""
