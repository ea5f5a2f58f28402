"""Runs Python's cyclic garbage collector on the GUI thread only, so Qt objects are never destroyed off it.

The collector normally runs in whichever thread happens to allocate. When that is the DB worker or the I/O
pool (building an engine, parsing a pack) and the garbage holds a widget caught in a reference cycle, the
widget is destroyed on the worker thread and PySide crashes (reproduced: a worker allocating while the GUI
thread drops widget cycles segfaults within seconds; with collection on the GUI thread it never did).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Qt, QTimer

from desktop.sync import gc_pause

# Young garbage waits at most this long. A check without work costs microseconds, but every wake-up of an
# idle app counts against the idle-CPU budget (bench/README.md), so the timer is coarse and not too frequent.
CHECK_MS = 1000


class GuiThreadCollector(QObject):
    """Switches automatic collection off and collects from a GUI-thread timer, generation by generation
    with CPython's own thresholds. A `gc_pause.CollectorPause` (a big sync in flight) is respected."""

    def __init__(self, parent: QObject | None = None, check_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose count passed its threshold; the generation collected, if any."""
        if gc_pause.paused():
            return None
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return generation
        return None

    def stop(self) -> None:
        """Hand collection back to the interpreter (at quit: no worker is left to trigger it)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def _on_timer_timeout(self) -> None:
        self.collect_due()
