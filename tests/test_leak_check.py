"""The suite's own guard (tests/conftest.py): leaks and Qt warnings in teardown fail the test that made them,
and pytest exits cleanly after a test put data on the clipboard.

Run in a separate pytest, in a fresh process, with a copy of the real conftest, so the leaks made on purpose
here never touch this session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")

LEAKY_TESTS = '''
import threading

import pytest
from PySide6.QtCore import QMimeData, QTimer, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

kept = []


def test_leaves_a_window(qtbot):
    window = QWidget()
    window.setWindowTitle("left open")
    window.show()
    kept.append(window)


def test_leaves_a_timer_running(qtbot):
    timer = QTimer()
    timer.start(60_000)
    kept.append(timer)


def test_leaves_a_single_shot_pending(qtbot):
    QTimer.singleShot(60_000, lambda: None)


def test_leaves_a_thread_running():
    stop = threading.Event()
    kept.append(stop)
    threading.Thread(target=stop.wait, name="stuck-worker", daemon=True).start()


def test_cleans_up_after_itself(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    QTimer(window).start(60_000)  # owned by the window, deleted with it
    QTimer.singleShot(60_000, window, lambda: None)  # cancelled when the window goes
    done = threading.Event()
    worker = threading.Thread(target=done.set)
    worker.start()


@pytest.fixture
def warns_at_teardown(qapp):
    yield
    qWarning("a warning while tearing down")


def test_warned_about_in_teardown(warns_at_teardown):
    pass


def test_sets_clipboard_data_from_python(qapp):
    mime = QMimeData()
    mime.setText("last copy of the session")
    QGuiApplication.clipboard().setMimeData(mime)
'''


def line_of(code: str) -> int:
    return next(n for n, line in enumerate(LEAKY_TESTS.splitlines(), 1) if code in line)


def run_pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    conftest = CONFTEST.read_text(encoding="utf-8")
    assert "THREAD_EXIT_SECONDS = 10.0" in conftest
    (folder / "conftest.py").write_text(conftest.replace("THREAD_EXIT_SECONDS = 10.0", "THREAD_EXIT_SECONDS = 0.2"),
                                        encoding="utf-8")
    (folder / "test_leaky.py").write_text(LEAKY_TESTS, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\nqt_api = pyside6\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rE", str(folder)],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_leaks_fail_their_own_test_with_a_message_saying_what_leaked(tmp_path: Path) -> None:
    result = run_pytest(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # test failures, not a crash (SIGSEGV would be -11)
    assert "7 passed, 5 errors" in output, output  # a teardown error is reported beside the passed call
    assert "top-level widget PySide6.QtWidgets.QWidget 'left open' (visible=True) is still alive" in output
    assert f"test_leaky.py:{line_of('timer.start(60_000)')} is still running (60000 ms, owner no parent)" in output
    assert f"test_leaky.py:{line_of('QTimer.singleShot(60_000, lambda')} has not fired" in output
    assert "thread 'stuck-worker' (Thread, target Event.wait) is still running" in output
    assert "Qt warned during teardown:\n  QtWarningMsg: a warning while tearing down" in output
    assert "ERROR test_leaky.py::test_cleans_up_after_itself" not in output
