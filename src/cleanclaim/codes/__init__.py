"""Reference data engine: code systems as of a date (no Django import).

The public surface is in :mod:`cleanclaim.codes.model`; the store that loads the
official files and answers lookups and searches implements
:class:`cleanclaim.codes.model.CodeSource`.
"""
