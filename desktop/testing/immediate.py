"""A `Runner` that runs every job at once on the calling thread, for tests that want UI flows synchronous."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject

from desktop.services.context import Services
from desktop.ui.runtime.tasks import ErrorCallback, FailureReport, NoStoreError, Runner, log_failure

T = TypeVar("T")


class DoneJob:
    """What `ImmediateTaskRunner.io` returns: the call has already finished, there is nothing to abandon."""

    @property
    def done(self) -> bool:
        return True

    @property
    def abandoned(self) -> bool:
        return False

    def abandon(self) -> None:
        pass


class ImmediateTaskRunner:
    """Satisfies `desktop.ui.runtime.tasks.Runner`; DB jobs receive `db_context` (a runner made without one
    fails them with `NoStoreError`). A failure without `on_error` takes the same default path as in the app
    (`report_failure`)."""

    def __init__(self, db_context: Services | None = None, *, report_failure: FailureReport = log_failure) -> None:
        self.db_context = db_context
        self.report_failure = report_failure

    def db(self, fn: Callable[[Services], T], on_done: Callable[[T], object] | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None) -> None:
        self._run(lambda: fn(self._services()), on_done, on_error)

    def io(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None, *,
           timeout_ms: int | None = None) -> DoneJob:
        self._run(fn, on_done, on_error)
        return DoneJob()

    def compute(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
                on_error: ErrorCallback | None = None, owner: QObject | None = None) -> DoneJob:
        self._run(fn, on_done, on_error)
        return DoneJob()

    def shutdown(self) -> None:
        pass

    def _services(self) -> Services:
        if self.db_context is None:
            raise NoStoreError()
        return self.db_context

    def _run(self, fn: Callable[[], T], on_done: Callable[[T], object] | None, on_error: ErrorCallback | None) -> None:
        try:
            result = fn()
        except Exception as error:
            (on_error or self.report_failure)(error)
            return
        if on_done is not None:
            on_done(result)


# Checked by mypy, free at run time: the immediate runner stands in wherever a `Runner` is expected.
_SATISFIES_RUNNER: Callable[[], Runner] = ImmediateTaskRunner
