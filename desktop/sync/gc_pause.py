"""Building, storing and freeing a large library on worker threads without stalling the UI thread.

Parsing a 50,000-phrase pack creates hundreds of thousands of objects; each full collection that triggers
meanwhile walks all of them while holding the interpreter lock, which the UI thread then waits for (a
measured 180 ms stall). Nothing built here forms reference cycles, so reference counting frees it all and
the collector has nothing to find: it is paused while a worker builds or stores a library and switched
back on when the last one is done, after `gc.freeze()` moved what survived out of its way (a cyclic
leftover frozen with it is kept, not collected: a rare, bounded cost next to a stalled window). Freeing is
done in batches for the same reason.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator
from typing import Any

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                # What was built is alive now and would make the next collection walk all of it at once:
                # move it out of the collector's way (objects without cycles still die by refcount).
                gc.freeze()
                gc.enable()


def release_gradually(items: list[Any], batch: int = 2000) -> None:
    """Drop the last references to many objects in small batches: freeing 50,000 phrases in one go is one
    long deallocation cascade that holds the interpreter lock, so the UI thread would wait for all of it."""
    while items:
        del items[-batch:]
