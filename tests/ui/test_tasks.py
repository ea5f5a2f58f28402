"""The task runner delivers results and errors on the GUI thread, and a store that fails to open fails jobs."""

from __future__ import annotations

import threading

from desktop.ui.tasks import TaskRunner


def test_db_jobs_run_on_one_worker_thread_and_deliver_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner(db_factory=lambda: "context")
    try:
        with qtbot.waitCallback() as done:
            runner.db(lambda ctx: (ctx, threading.current_thread().name), on_done=done)
        context, worker = done.args[0]
        assert context == "context"
        assert worker == "kuaida-db"
    finally:
        runner.shutdown()


def test_a_failing_db_factory_fails_every_job_instead_of_hanging(qtbot) -> None:
    def broken() -> None:
        raise RuntimeError("damaged")

    runner = TaskRunner(db_factory=broken)
    try:
        with qtbot.waitCallback() as failed:
            runner.db(lambda ctx: ctx, on_done=lambda _: None, on_error=failed)
        assert str(failed.args[0]) == "damaged"
    finally:
        runner.shutdown()


def test_io_errors_reach_on_error(qtbot) -> None:
    runner = TaskRunner()
    try:
        with qtbot.waitCallback() as failed:
            runner.io(lambda: 1 / 0, on_error=failed)
        assert isinstance(failed.args[0], ZeroDivisionError)
    finally:
        runner.shutdown()
