"""Guards against Qt-binding bugs that would crash a long-running Kuaida (a shift is thousands of signals)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    happened = Signal(str)


def test_signal_emit_keeps_the_reference_count_of_its_result(qapp):
    # PySide6 6.12.0 returned True from emit() without a new reference: on Python 3.11 (True not immortal)
    # the interpreter aborted after a few hundred emits. pyproject.toml excludes that version.
    emitter = Emitter()
    emitter.happened.connect(lambda _text: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.happened.emit("x")
    assert sys.getrefcount(True) - before > -50
    emitter.deleteLater()
