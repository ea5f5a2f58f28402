"""The one way to run background work: a single worker for every SQLite call, a small pool for share I/O.

`runner.db(fn, on_done, on_error)` runs `fn(context)` on the DB worker and calls `on_done(result)` on the
GUI thread; `runner.io(fn, on_done, on_error, timeout_ms=…)` does the same on the I/O pool and returns an
`IoJob`; `runner.compute(fn, on_done, on_error)` runs pure CPU work (search in a very large library) on a
worker of its own, so neither a busy store nor a hung share delays it. An `owner` QObject that is destroyed
before the result arrives drops the callback.

Failures: a job without `on_error` goes to the runner's default, `report_failure`, which logs it and tells
the agent (the app shows the sentence from `desktop.failures` on the status line and as a notification);
`desktop.testing.immediate.ImmediateTaskRunner`, which tests use to run everything synchronously, takes the
same default path.

Every component takes a `Runner` (this protocol), not a concrete runner: the real `TaskRunner`, the app's
`RestartableRunner` and the immediate runner of the tests all satisfy it. A DB job always receives the
`Services` the DB worker opened; `on_done` receives what the job returned.

A share can hang inside a system call that nothing can interrupt. Such a call is abandoned instead:
`IoJob.abandon()` (or its `timeout_ms`) drops its callbacks at once and gives its place in the pool to a
fresh worker; the stuck thread ends on its own whenever the call returns. Stuck threads are bounded
(`max_stuck`): past that, new jobs queue until one returns. Every worker is a daemon thread and nothing
joins the pool at exit, so 退出 ends the process at once even while a read hangs (an MSI upgrade waits for
the process to go away).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from desktop.failures import failure_message
from desktop.services.context import Services
from desktop.store.database import StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")
ErrorCallback = Callable[[BaseException], None]
FailureReport = Callable[[BaseException], None]

DEFAULT_IO_WORKERS = 2
DEFAULT_MAX_STUCK = 6
# How long a share call may take before it is abandoned (a healthy share answers in well under a second; a
# publish writes the whole pack).
SHARE_TIMEOUT_MS = 30_000
PUBLISH_TIMEOUT_MS = 300_000


class IoTimeoutError(TimeoutError):
    """An I/O job passed its `timeout_ms` and was abandoned."""

    def __init__(self) -> None:
        super().__init__("共享文件夹无响应，已放弃这次操作。请检查网络后重试。")


class NoStoreError(RuntimeError):
    """A DB job ran on a runner that was made without a store (a bare runner in a test, for I/O only)."""

    def __init__(self) -> None:
        super().__init__("this runner has no local store; give it a db_factory (or a Services)")


class BackgroundJob(Protocol):
    """What `io` and `compute` return: `abandon()` drops the callbacks of a job that is no longer wanted."""

    @property
    def done(self) -> bool: ...

    @property
    def abandoned(self) -> bool: ...

    def abandon(self) -> None: ...


class Runner(Protocol):
    """The one seam for background work (see the module docstring). `owner`: a QObject whose destruction
    drops the callbacks; `on_error` defaults to the runner's `report_failure`."""

    def db(self, fn: Callable[[Services], T], on_done: Callable[[T], object] | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None) -> None: ...

    def io(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None, *,
           timeout_ms: int | None = None) -> BackgroundJob: ...

    def compute(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
                on_error: ErrorCallback | None = None, owner: QObject | None = None) -> BackgroundJob: ...

    def shutdown(self) -> None: ...


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


def log_failure(error: BaseException) -> None:
    """The default when nobody surfaces failures (the CLI's services, a bare runner): at least log them."""
    log.error("background task failed without a handler: %s", failure_message(error))


class FailureReporter(QObject):
    """The app's default failure path: `failed(sentence)` for the status line and a notification."""

    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def report(self, error: BaseException) -> None:
        log_failure(error)
        if isinstance(error, StoreError):
            return  # a store that cannot open fails every job: StoreGuard says so once, with what to do
        if shiboken6.isValid(self):  # results may still arrive while the app is being torn down
            self.failed.emit(failure_message(error))


class IoJob:
    """One job on the I/O pool. `abandon()` drops its callbacks; a running call is left to its thread."""

    def __init__(self, pool: _IoPool, fn: Callable[[], Any], finish: Callable[[IoJob, bool, Any], None]) -> None:
        self._pool = pool
        self._fn = fn
        self._finish = finish
        self.running = False
        self.done = False
        self.abandoned = False

    def abandon(self) -> None:
        self._pool.abandon(self)

    def run(self) -> tuple[bool, Any]:
        try:
            return True, self._fn()
        except Exception as error:  # reported to the caller on the GUI thread
            return False, error

    def finish(self, ok: bool, value: Any) -> None:
        self._finish(self, ok, value)


class _IoPool:
    """`size` serving workers, started on demand; an abandoned running job's thread stops counting and a
    replacement starts, as long as no more than `max_stuck` threads are stuck in abandoned calls."""

    def __init__(self, size: int, max_stuck: int, name: str = "kuaida-io") -> None:
        self._name = name
        self._size = size
        self._max_stuck = max_stuck
        self._jobs: queue.SimpleQueue[IoJob | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._serving = 0
        self._stuck = 0
        self._closed = False
        self._names = itertools.count(1)

    @property
    def stuck(self) -> int:
        with self._lock:
            return self._stuck

    def submit(self, job: IoJob) -> None:
        self._jobs.put(job)
        with self._lock:
            self._top_up()

    def abandon(self, job: IoJob) -> None:
        with self._lock:
            if job.abandoned or job.done:
                job.abandoned = True
                return
            job.abandoned = True
            if job.running:  # its thread stays inside the call: stop counting it and start another
                self._serving -= 1
                self._stuck += 1
                self._top_up()

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
            serving = self._serving
        for _ in range(serving):
            self._jobs.put(None)

    def _top_up(self) -> None:
        """Called with the lock held."""
        while (not self._closed and self._serving < self._size
               and self._serving + self._stuck < self._size + self._max_stuck):
            self._serving += 1
            threading.Thread(target=self._work, name=f"{self._name}-{next(self._names)}", daemon=True).start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            with self._lock:
                if job is None:
                    self._serving -= 1
                    return
                if job.abandoned:
                    continue
                job.running = True
            ok, value = job.run()
            with self._lock:
                job.running, job.done = False, True
                if job.abandoned:  # replaced while it was stuck: this thread is no longer the pool's
                    self._stuck -= 1
                    self._top_up()
                    return
            job.finish(ok, value)


class TaskRunner:
    def __init__(self, db_factory: Callable[[], Services] | None = None, io_workers: int = DEFAULT_IO_WORKERS,
                 *, report_failure: FailureReport = log_failure, max_stuck: int = DEFAULT_MAX_STUCK) -> None:
        """`db_factory` opens the DB resources on the DB thread (SQLite connections are thread-bound);
        its result is passed as the single argument to every `db` job. `report_failure` is called (on the
        GUI thread) for a failed job that has no `on_error`."""
        self.report_failure = report_failure
        self._delivery = _Delivery()
        self._db_jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._db_context: Services | None = None
        self._db_open_error: BaseException | None = None
        self._db_factory = db_factory
        self._db_thread = threading.Thread(target=self._db_loop, name="kuaida-db", daemon=True)
        self._db_thread.start()
        self._io = _IoPool(io_workers, max_stuck)
        self._compute = _IoPool(1, 0, name="kuaida-compute")
        # Deadlines of I/O jobs with a timeout, checked by one GUI-thread timer aimed at the nearest one.
        self._deadlines: list[tuple[float, int, IoJob, Callable[[], None]]] = []
        self._order = itertools.count()
        self._deadline_timer = QTimer(self._delivery)
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._deadline_timer.timeout.connect(self._on_deadline_timer_timeout)

    @property
    def stuck_io_threads(self) -> int:
        return self._io.stuck

    def db(
        self,
        fn: Callable[[Services], T],
        on_done: Callable[[T], object] | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> None:
        def run() -> None:
            try:
                result = fn(self._opened_db_context())
            except Exception as error:
                self._deliver(False, error, on_done, on_error, owner)
                return
            self._deliver(True, result, on_done, on_error, owner)

        self._db_jobs.put(run)

    def io(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], object] | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
        *,
        timeout_ms: int | None = None,
    ) -> IoJob:
        """Call from the GUI thread. With `timeout_ms`, a call that has not returned by then is abandoned
        and `on_error` (or the default) gets an `IoTimeoutError`."""

        def finish(job: IoJob, ok: bool, value: Any) -> None:
            if not job.abandoned:
                self._deliver(ok, value, on_done, on_error, owner, job)

        job = IoJob(self._io, fn, finish)
        if timeout_ms is not None:
            self._add_deadline(job, timeout_ms, lambda: self._fail(IoTimeoutError(), on_error, owner))
        self._io.submit(job)
        return job

    def compute(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
                on_error: ErrorCallback | None = None, owner: QObject | None = None) -> IoJob:
        """CPU work off the GUI thread, one job at a time; `abandon()` the returned job to drop its result."""

        def finish(job: IoJob, ok: bool, value: Any) -> None:
            if not job.abandoned:
                self._deliver(ok, value, on_done, on_error, owner, job)

        job = IoJob(self._compute, fn, finish)
        self._compute.submit(job)
        return job

    def shutdown(self) -> None:
        """Stop at once: the DB worker finishes its current job, the I/O pool is not waited for."""
        self._deadline_timer.stop()
        self._deadlines.clear()
        self._db_jobs.put(None)
        self._db_thread.join(timeout=5)
        self._io.shutdown()
        self._compute.shutdown()

    # delivery ------------------------------------------------------------------------------------------
    def _deliver(self, ok: bool, value: Any, on_done: Callable[[Any], object] | None, on_error: ErrorCallback | None,
                 owner: QObject | None, job: IoJob | None = None) -> None:
        """On a worker thread: hand the outcome to the GUI thread (where an abandoned job is dropped)."""
        if not ok:
            log.error("background task failed", exc_info=value)

        def on_gui_thread() -> None:
            if job is not None:
                self._aim_deadline_timer()  # its deadline, if it had one, is moot now
                if job.abandoned:
                    return
            if ok:
                if on_done is not None and _alive(owner):
                    on_done(value)
            else:
                self._fail(value, on_error, owner)

        self._delivery.delivered.emit(on_gui_thread)

    def _fail(self, error: BaseException, on_error: ErrorCallback | None, owner: QObject | None) -> None:
        if on_error is None:
            self.report_failure(error)  # the agent hears of it even when the owner is gone
        elif _alive(owner):
            on_error(error)

    # timeouts ------------------------------------------------------------------------------------------
    def _add_deadline(self, job: IoJob, timeout_ms: int, expire: Callable[[], None]) -> None:
        heapq.heappush(self._deadlines, (time.monotonic() + timeout_ms / 1000, next(self._order), job, expire))
        self._aim_deadline_timer()

    def _aim_deadline_timer(self) -> None:
        while self._deadlines and (self._deadlines[0][2].done or self._deadlines[0][2].abandoned):
            heapq.heappop(self._deadlines)
        if not self._deadlines:
            self._deadline_timer.stop()
            return
        remaining = max(0.0, self._deadlines[0][0] - time.monotonic())
        self._deadline_timer.start(int(remaining * 1000) + 1)

    def _on_deadline_timer_timeout(self) -> None:
        now = time.monotonic()
        while self._deadlines and self._deadlines[0][0] <= now:
            _deadline, _order, job, expire = heapq.heappop(self._deadlines)
            if not job.done and not job.abandoned:
                log.warning("an I/O job passed its timeout; abandoning it")
                job.abandon()
                expire()
        self._aim_deadline_timer()

    # the DB worker ---------------------------------------------------------------------------------------
    def _opened_db_context(self) -> Services:
        if self._db_open_error is not None:
            raise self._db_open_error
        if self._db_context is None:
            raise NoStoreError()
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
        close = getattr(self._db_context, "close", None)  # tests may hand in a context without one
        if callable(close):
            close()
