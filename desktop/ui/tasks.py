"""The one way to run background work: a single worker for every SQLite call, a small pool for share I/O.

`runner.db(fn, on_done)` runs `fn()` on the DB worker and calls `on_done(result)` on the GUI thread;
`runner.io(fn, on_done, on_error)` does the same on the I/O pool (the shared folder can hang for seconds).
An `owner` QObject that is destroyed before the result arrives drops the callback. Tests use
`ImmediateTaskRunner`, which runs everything synchronously.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Delivery(QObject):
    """Lives on the GUI thread; a queued signal carries results back to it from worker threads."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._on_delivered)

    @Slot(object)
    def _on_delivered(self, job: Callable[[], None]) -> None:
        job()


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


class TaskRunner:
    def __init__(self, db_factory: Callable[[], Any] | None = None, io_workers: int = 2) -> None:
        """`db_factory` opens the DB resources on the DB thread (SQLite connections are thread-bound);
        its result is passed as the single argument to every `db` job."""
        self._delivery = _Delivery()
        self._db_jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._db_context: Any = None
        self._db_open_error: BaseException | None = None
        self._db_factory = db_factory
        self._db_thread = threading.Thread(target=self._db_loop, name="kuaida-db", daemon=True)
        self._db_thread.start()
        self._io = ThreadPoolExecutor(max_workers=io_workers, thread_name_prefix="kuaida-io")

    def db(
        self,
        fn: Callable[[Any], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> None:
        self._db_jobs.put(lambda: self._run(lambda: fn(self._opened_db_context()), on_done, on_error, owner))

    def io(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> None:
        self._io.submit(self._run, fn, on_done, on_error, owner)

    def shutdown(self) -> None:
        self._db_jobs.put(None)
        self._db_thread.join(timeout=5)
        self._io.shutdown(wait=False, cancel_futures=True)

    def _opened_db_context(self) -> Any:
        if self._db_open_error is not None:
            raise self._db_open_error
        return self._db_context

    def _db_loop(self) -> None:
        if self._db_factory is not None:
            try:
                self._db_context = self._db_factory()
            except Exception as error:
                # A damaged or newer store: every DB job reports this error instead of hanging.
                log.error("the local store could not be opened: %s", type(error).__name__)
                self._db_open_error = error
        while (job := self._db_jobs.get()) is not None:
            job()
        close = getattr(self._db_context, "close", None)
        if callable(close):
            close()

    def _run(self, fn: Callable[[], Any], on_done: Callback | None, on_error: ErrorCallback | None,
             owner: QObject | None) -> None:
        try:
            result = fn()
        except Exception as error:  # reported to the caller on the GUI thread
            log.exception("background task failed")
            if on_error is not None:
                report = functools.partial(on_error, error)
                self._delivery.delivered.emit(lambda: _alive(owner) and report())
            return
        if on_done is not None:
            self._delivery.delivered.emit(lambda: _alive(owner) and on_done(result))


class ImmediateTaskRunner:
    """Runs every job at once on the calling thread; for tests that want UI flows to be synchronous."""

    def __init__(self, db_context: Any = None) -> None:
        self.db_context = db_context

    def db(self, fn: Callable[[Any], Any], on_done: Callback | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None) -> None:
        self._run(lambda: fn(self.db_context), on_done, on_error)

    def io(self, fn: Callable[[], Any], on_done: Callback | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None) -> None:
        self._run(fn, on_done, on_error)

    def shutdown(self) -> None:
        pass

    @staticmethod
    def _run(fn: Callable[[], Any], on_done: Callback | None, on_error: ErrorCallback | None) -> None:
        try:
            result = fn()
        except Exception as error:
            if on_error is None:
                raise
            on_error(error)
            return
        if on_done is not None:
            on_done(result)
