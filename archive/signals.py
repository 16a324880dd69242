"""Signals the archive sends so other apps (the search index) can follow its changes.

``articles_changed`` is sent once per import or correction INSIDE the transaction that
makes the change, with ``changed`` (ids of articles created or modified) and ``deleted``
(ids of articles removed): a follower records its work in the same transaction, so a
crash can never commit the change without the follower's record of it. Bulk operations
bypass per-row model signals; this one covers them.

``changes_batched()`` tells followers that several transactions (one per imported file)
form one batch: a follower may defer its work (one search index commit) to the batch's end.
"""
import contextlib

from django.dispatch import Signal

articles_changed = Signal()
batch_started = Signal()
batch_finished = Signal()


@contextlib.contextmanager
def changes_batched():
    """Announce a batch of committed changes around the block (nested blocks are one batch)."""
    batch_started.send(sender=None)
    try:
        yield
    finally:
        batch_finished.send(sender=None)
