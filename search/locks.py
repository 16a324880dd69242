"""A cross-process lock on a file, waiting up to a timeout (``fcntl.flock``: released when its holder dies)."""
from __future__ import annotations

import contextlib
import fcntl
import time
from pathlib import Path


class IndexBusyError(RuntimeError):
    """Another process held an index lock longer than the caller would wait."""


@contextlib.contextmanager
def file_lock(path: Path, timeout: float):
    """Hold an exclusive lock on ``path`` (created if missing); IndexBusyError after ``timeout`` seconds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexBusyError(f"index lock {path} busy for {timeout:.0f}s") from None
                time.sleep(0.02)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
