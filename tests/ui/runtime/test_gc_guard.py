"""The cyclic collector runs on the GUI thread only: garbage widgets are freed there, never by a worker."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.sync.gc_pause import CollectorPause
from desktop.ui.runtime.gc_guard import GuiThreadCollector


@pytest.fixture
def guard(qapp) -> Iterator[GuiThreadCollector]:
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector(check_ms=10)
    try:
        yield collector
    finally:
        collector.stop()
        shiboken6.delete(collector)
        if was_enabled:
            gc.enable()


def widget_cycle() -> weakref.ref[QWidget]:
    """A widget only the cyclic collector can free, as a dialog holding a bound method of itself is."""
    widget = QWidget()
    widget.myself = widget  # type: ignore[attr-defined]
    return weakref.ref(widget)


def test_automatic_collection_is_off_and_the_timer_frees_cycles_on_the_gui_thread(qtbot, guard) -> None:
    assert not gc.isenabled()
    garbage = widget_cycle()
    young = [[] for _ in range(gc.get_threshold()[0] + 1)]  # enough new objects for a young collection
    assert garbage() is not None  # nothing collected it behind the guard's back
    qtbot.waitUntil(lambda: garbage() is None)
    del young


def test_due_generations_are_collected_and_a_collector_pause_is_respected(guard) -> None:
    garbage = widget_cycle()
    young = [[] for _ in range(gc.get_threshold()[0] + 1)]
    with CollectorPause():
        assert guard.collect_due() is None
        assert garbage() is not None
    assert guard.collect_due() is not None
    assert garbage() is None
    del young


def test_stop_hands_collection_back_to_the_interpreter(qapp) -> None:
    assert gc.isenabled()
    collector = GuiThreadCollector()
    collector.stop()
    shiboken6.delete(collector)
    assert gc.isenabled()


CHURN = """
import gc, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from desktop.ui.runtime.gc_guard import GuiThreadCollector

app = QApplication([])
guard = GuiThreadCollector(check_ms=5)
stop = threading.Event()


def churn():  # a worker building things, as the DB worker does when it builds an engine
    while not stop.is_set():
        [[] for _ in range(1000)]


threading.Thread(target=churn, daemon=True).start()
rounds = 0


def drop_widget_cycles():
    global rounds
    for _ in range(50):
        widget = QWidget()
        QLabel("x", widget)
        QTimer(widget).start(1000)
        widget.myself = widget
    rounds += 1
    if rounds == ROUNDS:
        stop.set()
        app.quit()


timer = QTimer()
timer.timeout.connect(drop_widget_cycles)
timer.start(0)
app.exec()
guard.stop()
print("rounds", rounds)
"""
# Without the guard the crash came within the first few dozen rounds; more only made a loaded CI slow.
CHURN_ROUNDS = 80


@pytest.mark.timeout(360)
def test_a_busy_worker_never_destroys_garbage_widgets(tmp_path) -> None:
    # Without the guard this segfaulted in two runs of three: the worker's allocations triggered the
    # collector, which destroyed the widgets on the worker thread.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = CHURN.replace("ROUNDS", str(CHURN_ROUNDS))
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300,
                            check=False, cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"rounds {CHURN_ROUNDS}"), result.stderr[-2000:]
