"""Every test runs with its own data folder, must leave no thread, running QTimer or top-level widget behind,
and fails on a Qt warning in its teardown too.

The leak check follows napari: what a test starts, it stops before it ends. Anything left over would run, or
be destroyed by the garbage collector, in the middle of some later test, where it crashes at random.
"""

from __future__ import annotations

import gc
import itertools
import os
import re
import sys
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests are deterministic like every other test: the same examples on every run (a failure found
# while exploring is a new fixed example, not a red CI for someone else), and no per-example deadline,
# which is a timed assertion that a loaded CI machine fails at random.
hypothesis_settings.register_profile("kuaida", derandomize=True, deadline=None, database=None)
hypothesis_settings.load_profile("kuaida")
# The fuzz harness (tests/test_fuzz_outside_input.py, tests/core/test_sync_properties.py): examples per test,
# bounded so the whole harness stays well under a minute in CI; raise it locally for a longer hunt.
FUZZ_EXAMPLES = int(os.environ.get("KUAIDA_FUZZ_EXAMPLES", "40"))
hypothesis_settings.register_profile(
    "kuaida-fuzz", parent=hypothesis_settings.get_profile("kuaida"), max_examples=FUZZ_EXAMPLES,
    derandomize=not os.environ.get("KUAIDA_FUZZ_RANDOM"),  # a hunt may explore; pytest --hypothesis-seed replays
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# A thread that is merely finishing (a pool worker told to stop) gets this long to end before it counts as
# leaked. A bound on a join, not a timed assertion: a healthy thread ends in microseconds.
THREAD_EXIT_SECONDS = 10.0
# pytest-timeout's per-test limit (pyproject) is a safety net against a hung test. Its clock includes fixture
# set-up, so tests that may build a session fixture get more: the installer tests build the bundle and two
# MSIs (each build.sh run allows itself 20 minutes), the end-to-end tests start X, a window manager, an
# editor and Kuaida (each step allows itself a minute).
SLOW_MARKER_TIMEOUTS = {"installer": 3000, "e2e": 300}
_CALL_FAILED = pytest.StashKey[bool]()


@pytest.fixture(autouse=True)
def kuaida_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "kuaida-home"
    monkeypatch.setenv("KUAIDA_HOME", str(home))
    monkeypatch.delenv("KUAIDA_POLICY_FILE", raising=False)
    monkeypatch.delenv("KUAIDA_INSTALLER_FILE", raising=False)
    return home


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("timeout") is not None:
            continue
        for marker, seconds in SLOW_MARKER_TIMEOUTS.items():
            if item.get_closest_marker(marker) is not None:
                item.add_marker(pytest.mark.timeout(seconds))
                break


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    """Remember whether the test body failed: its traceback keeps its objects alive, which is no leak."""
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Qt warnings while fixtures tear down fail the test too: pytest-qt only watches set-up and the call.

    Outermost, so it also hears what pytest-qt's closing of the test's widgets and our leak check provoke.
    """
    if "PySide6.QtCore" not in sys.modules or item.get_closest_marker("no_qt_log") is not None:
        return (yield)
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    ignored = [re.compile(pattern) for pattern in item.config.getini("qt_log_ignore")]
    heard: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or any(p.search(message) for p in ignored):
            return
        heard.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(handler)
    try:
        result = yield
    finally:
        qInstallMessageHandler(previous)
    if heard and not item.stash.get(_CALL_FAILED, False):
        pytest.fail("Qt warned during teardown:\n  " + "\n  ".join(heard), pytrace=False)
    return result


@dataclass
class _TimerLedger:
    """QTimers started and single shots queued from Python since the ledger was installed."""

    started: list[tuple[weakref.ref[Any], str]] = field(default_factory=list)
    pending_shots: dict[int, tuple[Callable[[], bool], str]] = field(default_factory=dict)
    shot_numbers: Iterator[int] = field(default_factory=itertools.count)

    def reset(self) -> None:
        self.started.clear()
        self.pending_shots.clear()


_ledger: _TimerLedger | None = None


def _caller() -> str:
    """file:line of the first frame outside this conftest: where the timer was started."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame is not None else "?"


def _install_timer_ledger() -> _TimerLedger | None:
    """Wrap QTimer.start and QTimer.singleShot once, as soon as a test has loaded Qt (never import it here)."""
    global _ledger
    if _ledger is not None or "PySide6.QtCore" not in sys.modules:
        return _ledger
    import shiboken6
    from PySide6.QtCore import QObject, QTimer

    ledger = _TimerLedger()
    original_start = QTimer.start
    original_single_shot = QTimer.singleShot

    def start(self: QTimer, *args: Any) -> None:
        ledger.started.append((weakref.ref(self), _caller()))
        original_start(self, *args)

    def single_shot(*args: Any) -> None:
        functor = args[-1]
        # singleShot(ms[, type], context, functor): a destroyed context cancels the shot.
        context = args[-2] if len(args) >= 3 and isinstance(args[-2], QObject) else None
        if not callable(functor) or type(functor).__name__ == "SignalInstance":
            original_single_shot(*args)
            return
        key = next(ledger.shot_numbers)
        context_ref = weakref.ref(context) if context is not None else None

        def still_pending() -> bool:
            if context_ref is None:
                return True
            alive = context_ref()
            return alive is not None and shiboken6.isValid(alive)

        def fire() -> None:
            ledger.pending_shots.pop(key, None)
            functor()

        ledger.pending_shots[key] = (still_pending, _caller())
        original_single_shot(*args[:-1], fire)

    QTimer.start = start  # type: ignore[method-assign]
    QTimer.singleShot = staticmethod(single_shot)  # type: ignore[method-assign]
    _ledger = ledger
    return ledger


def _flush_qt_deletions() -> None:
    """Run pending deleteLater()s and collect garbage now, inside the test that caused them.

    pytest-qt closes the widgets of qtbot.addWidget and calls deleteLater(), but processEvents() never runs
    deferred deletes: they waited for the next nested event loop (a waitSignal in a later test) and the
    garbage collector then met half-destroyed wrappers there.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # ~50 ms in a full session, hence only for tests that use Qt
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the collected objects posted


def _clear_clipboard() -> None:
    """Without a windowing system, Qt keeps clipboard data in a C++ global that is destroyed after Python has
    finalized; a QMimeData set from Python then crashes the interpreter at exit (SIGSEGV after '… passed').
    Clearing it also keeps one test's clipboard from being read by the next."""
    from PySide6.QtGui import QGuiApplication

    if isinstance(QGuiApplication.instance(), QGuiApplication):
        clipboard = QGuiApplication.clipboard()
        if clipboard.mimeData() is not None and clipboard.mimeData().formats():
            clipboard.clear()


def _describe_widget(widget: Any) -> str:
    title = widget.windowTitle() or widget.objectName()
    return f"{type(widget).__module__}.{type(widget).__qualname__}" + (f" {title!r}" if title else "")


def _wait_for_finishing_threads(threads: list[threading.Thread]) -> list[threading.Thread]:
    for thread in threads:
        thread.join(THREAD_EXIT_SECONDS)
    return [thread for thread in threads if thread.is_alive()]


@pytest.fixture(autouse=True)
def no_leaks(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a Python thread, a running QTimer, a pending single shot, a top-level widget or
    the garbage collector switched off.

    Runs after every other fixture of the test has been torn down (it is set up first), so objects the
    test's fixtures clean up are gone by then.
    """
    threads_before = set(threading.enumerate())
    collector_was_on = gc.isenabled()
    ledger = _install_timer_ledger()
    if ledger is not None:
        ledger.reset()
    widgets_before = _top_level_widgets()
    yield

    problems: list[str] = []
    failed = request.node.stash.get(_CALL_FAILED, False)
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication

        if QCoreApplication.instance() is not None and "qapp" in request.fixturenames:  # qtbot needs it too
            QCoreApplication.processEvents()
            _flush_qt_deletions()
            _clear_clipboard()
        problems += _leaked_widgets(widgets_before)
        problems += _running_timers(ledger or _ledger)
    if collector_was_on and not gc.isenabled():  # a CollectorPause never ended, an app never closed
        problems.append("the garbage collector is still switched off")
        gc.enable()
    threads = [t for t in threading.enumerate() if t not in threads_before
               and not isinstance(t, threading._DummyThread)]  # Qt's own threads calling into Python
    problems += [f"thread {t.name!r} ({type(t).__qualname__}, target {_thread_target(t)}) is still running"
                 for t in _wait_for_finishing_threads(threads)]
    if problems and not failed:
        pytest.fail("the test left behind:\n  " + "\n  ".join(problems)
                    + "\nStop timers and threads, close and delete widgets (qtbot.addWidget) before the test ends.",
                    pytrace=False)


def _thread_target(thread: threading.Thread) -> str:
    target = getattr(thread, "_target", None)
    return getattr(target, "__qualname__", repr(target))


def _top_level_widgets() -> set[int]:
    if "PySide6.QtWidgets" not in sys.modules:
        return set()
    from PySide6.QtWidgets import QApplication

    if not isinstance(QApplication.instance(), QApplication):
        return set()
    return {id(w) for w in QApplication.topLevelWidgets()}


def _leaked_widgets(before: set[int]) -> list[str]:
    """Top-level widgets created by the test and still alive; closed and deleted so later tests start clean."""
    if "PySide6.QtWidgets" not in sys.modules:
        return []
    from PySide6.QtWidgets import QApplication

    if not isinstance(QApplication.instance(), QApplication):
        return []
    leaked = [w for w in QApplication.topLevelWidgets() if id(w) not in before
              and type(w).__name__ not in _QT_INTERNAL_TOP_LEVELS]
    problems = [f"top-level widget {_describe_widget(w)} (visible={w.isVisible()}) is still alive" for w in leaked]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    if leaked:
        _flush_qt_deletions()
    return problems


# Top-level widgets Qt creates for itself and keeps for the application's lifetime: the tooltip label is
# made on the first tooltip shown and then reused, hidden on Qt's own timer.
_QT_INTERNAL_TOP_LEVELS = frozenset({"QTipLabel"})


def _running_timers(ledger: _TimerLedger | None) -> list[str]:
    if ledger is None:
        return []
    import shiboken6

    problems = []
    for ref, where in ledger.started:
        timer = ref()
        if timer is not None and shiboken6.isValid(timer) and timer.isActive():
            parent = timer.parent()
            owner = type(parent).__qualname__ if parent is not None else "no parent"
            problems.append(f"QTimer started at {where} is still running ({timer.interval()} ms, owner {owner})")
            timer.stop()
    for still_pending, where in ledger.pending_shots.values():
        if still_pending():
            problems.append(f"QTimer.singleShot queued at {where} has not fired and would fire in a later test")
    ledger.reset()
    return problems


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The clipboard once more at the very end (see _clear_clipboard): pytest must exit 0, not SIGSEGV."""
    if "PySide6.QtGui" in sys.modules:
        _clear_clipboard()
