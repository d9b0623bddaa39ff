"""The coding screen (type-ahead code search and a working list), code pages and
the reference data status page. The codes engine (:mod:`cleanclaim.codes`) does the work."""
