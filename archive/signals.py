"""Signals the archive sends so other apps (the search index) can follow its changes.

``articles_changed`` is sent once per committed import or correction, after the
transaction commits, with ``changed`` (ids of articles created or modified) and
``deleted`` (ids of articles removed). Bulk operations would bypass per-row
model signals; this one covers them.
"""
from django.dispatch import Signal

articles_changed = Signal()
