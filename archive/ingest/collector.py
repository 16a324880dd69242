"""Python's cycle collector held off while a block makes many short-lived objects that form no cycles.

Parsing a page dense with names and writing an index segment both allocate hundreds of thousands of
objects (candidate names, positions, postings lists) freed by reference counting as they go. Left on,
the collector runs every few hundred allocations and now and then walks every object the process
holds; off, a cycle made meanwhile is collected at the collector's next run after the block.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off inside the block, and on again after it unless it was off before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
