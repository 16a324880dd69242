"""The page importer: a pure library, text in and dataclasses out.

Nothing in this package imports Django, so it can be tested and reused alone;
``archive.loading`` turns its output into database rows.
"""
