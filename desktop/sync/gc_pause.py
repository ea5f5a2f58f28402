"""Building, storing and freeing a large library on worker threads without stalling the UI thread.

Parsing a 50,000-phrase pack creates hundreds of thousands of objects. A collection that triggers while
they are alive walks all of them holding the interpreter lock, and the UI thread waits for it (a measured
90–180 ms stall). Nothing built here forms reference cycles, so the cyclic collector has nothing to find:
it is paused from the parse until the library has been stored and freed, then switched back on, by which
time the objects are gone. Freeing happens in batches, on a worker, for the same reason.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

_lock = threading.Lock()
_holders = 0
_was_enabled = False


class CollectorPause:
    """One holder of the pause; `end()` (idempotent, also on garbage collection of this object) lets go."""

    def __init__(self) -> None:
        global _holders, _was_enabled
        self._ended = False
        with _lock:
            if _holders == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _holders += 1

    def end(self) -> None:
        global _holders
        with _lock:
            if self._ended:
                return
            self._ended = True
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()

    def __enter__(self) -> CollectorPause:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.end()

    def __del__(self) -> None:  # a pause handed on and then dropped must not switch the collector off for good
        self.end()


def paused() -> bool:
    """Whether a pause is held: desktop/ui/runtime/gc_guard.py, which collects on the GUI thread, waits for its end."""
    return _holders > 0


def release_gradually(items: list[Any], batch: int = 2000) -> None:
    """Drop the last references to many objects in small batches: freeing 50,000 phrases in one go is one
    long deallocation cascade that holds the interpreter lock, so the UI thread would wait for all of it."""
    while items:
        del items[-batch:]
