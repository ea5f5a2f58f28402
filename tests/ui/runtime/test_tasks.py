"""The task runner delivers results and errors on the GUI thread, and a store that fails to open fails jobs."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading

from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.runtime.tasks import FailureReporter, IoTimeoutError, TaskRunner


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


def _io_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("kuaida-io")]


def test_abandoned_io_jobs_free_their_place_and_stuck_threads_are_bounded(qtbot) -> None:
    """Issue 11 #9: a hung share call used to hold its worker for ever; two of them and every export, order
    import and restore waited. Abandoned calls now give their place to fresh workers, up to `max_stuck`."""
    release = threading.Event()
    runner = TaskRunner(io_workers=2, max_stuck=2)
    late: list[object] = []
    try:
        hung = [runner.io(release.wait, late.append) for _ in range(2)]
        qtbot.waitUntil(lambda: all(job.running for job in hung))
        for job in hung:
            job.abandon()
        assert runner.stuck_io_threads == 2
        with qtbot.waitCallback() as done:
            runner.io(lambda: "export written", done)
        assert done.args == ["export written"]
        more = [runner.io(release.wait, late.append) for _ in range(2)]
        qtbot.waitUntil(lambda: all(job.running for job in more))
        for job in more:
            job.abandon()
        assert runner.stuck_io_threads == 4 and len(_io_threads()) == 4  # the bound: 2 workers + 2 stuck
        queued: list[str] = []
        runner.io(lambda: "queued", queued.append)
        release.set()  # the share answers at last: the queued job runs, the late results are dropped
        qtbot.waitUntil(lambda: queued == ["queued"] and runner.stuck_io_threads == 0)
        assert late == []
    finally:
        release.set()
        runner.shutdown()


def test_an_io_timeout_abandons_the_call_and_reports_it(qtbot) -> None:
    release = threading.Event()
    runner = TaskRunner()
    late: list[object] = []
    try:
        with qtbot.waitCallback() as failed:
            runner.io(release.wait, late.append, failed, timeout_ms=50)
        assert isinstance(failed.args[0], IoTimeoutError)
        assert "无响应" in str(failed.args[0])
        assert runner.stuck_io_threads == 1
        release.set()
        qtbot.waitUntil(lambda: runner.stuck_io_threads == 0)
        assert late == []
        with qtbot.waitCallback() as done:  # a quick job with a timeout: delivered, its deadline dropped
            runner.io(lambda: 7, done, timeout_ms=60_000)
        assert done.args == [7]
    finally:
        release.set()
        runner.shutdown()


def _full_disk() -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "kuaida.sqlite3")


def test_a_failed_job_without_on_error_reaches_the_default_failure_path(qtbot) -> None:
    """Issue 11 #17: 13 of 46 jobs had no on_error, so a failed save was only logged and a dialog stayed
    open with nothing said. Both runners now hand such failures to `report_failure`, which the app wires to
    the status line and a notification."""
    reporter = FailureReporter()
    messages: list[str] = []
    reporter.failed.connect(messages.append)
    runner = TaskRunner(db_factory=object, report_failure=reporter.report)
    try:
        with qtbot.waitSignal(reporter.failed):
            runner.db(lambda _ctx: _full_disk(), on_done=lambda _: None)
        with qtbot.waitSignal(reporter.failed):
            runner.io(_full_disk)
    finally:
        runner.shutdown()
    immediate = ImmediateTaskRunner(object(), report_failure=reporter.report)  # a context the jobs ignore
    immediate.db(lambda _ctx: _full_disk())
    immediate.io(lambda: 1 / 0)
    assert messages[:3] == ["磁盘空间不足，没有保存：kuaida.sqlite3。请清理磁盘后重试。"] * 3
    assert messages[3] == "操作失败（ZeroDivisionError），详情见日志。"
    handled: list[BaseException] = []
    immediate.io(_full_disk, on_error=handled.append)  # a job's own handler still comes first
    assert len(handled) == 1 and len(messages) == 4


def test_the_process_exits_at_once_while_an_io_call_hangs(tmp_path) -> None:
    """Issue 11 #9: the I/O pool used to be joined at exit, so 退出 left the process alive (and an MSI upgrade
    waiting) until a hung read returned. The child hangs a job for ever, shuts the runner down and returns."""
    script = tmp_path / "hang.py"
    script.write_text(
        "import threading, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from desktop.ui.runtime.tasks import TaskRunner\n"
        "app = QCoreApplication([])\n"
        "runner = TaskRunner()\n"
        "started = threading.Event()\n"
        "runner.io(lambda: (started.set(), threading.Event().wait()))\n"
        "started.wait()\n"
        "runner.shutdown()\n"
        "print('closed', flush=True)\n",
        encoding="utf-8",
    )
    # The bound only stops a broken build from hanging the suite; a working one exits in well under a second.
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "closed"
