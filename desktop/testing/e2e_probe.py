"""A state file for the end-to-end tests, written only when KUAIDA_E2E_PROBE names it.

One JSON object: whether the window is visible and where, how many suggestions it lists and the centres
of the first nine rows and of the search field (relative to the window, as `xdotool mousemove --window`
takes them), and counters
of copies seen, hotkeys pressed, pastes done and times any Kuaida window took the focus. Never any text.
It looks at the widget tree rather than asking the overlay, so the overlay needs no test hooks; it polls
(only in this test mode) because no single signal says "painted".
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

if TYPE_CHECKING:
    from desktop.platform.factory import PlatformServices

log = logging.getLogger(__name__)

WINDOW_TITLE = "快答 Kuaida"
POLL_MS = 100
MAX_ROWS = 9


class E2EProbe(QObject):
    def __init__(self, path: str, services: PlatformServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = Path(path)
        self._counts = {"copied": 0, "hotkeys": 0, "pasted": 0, "focused": 0}
        self._last_outcome = ""
        self._written: dict[str, Any] | None = None
        services.clipboard.message_copied.connect(self._on_clipboard_message_copied)
        services.hotkeys.hotkey_pressed.connect(self._on_hotkeys_hotkey_pressed)
        services.paster.pasted.connect(self._on_paster_pasted)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusWindowChanged.connect(self._on_app_focus_window_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        log.info("end-to-end probe writing to %s", self._path)

    def _on_clipboard_message_copied(self, _text: str) -> None:
        self._counts["copied"] += 1

    def _on_hotkeys_hotkey_pressed(self, _action: object, _number: int) -> None:
        self._counts["hotkeys"] += 1

    def _on_paster_pasted(self, outcome: object) -> None:
        self._counts["pasted"] += 1
        self._last_outcome = str(getattr(outcome, "value", outcome))

    def _on_app_focus_window_changed(self, window: object) -> None:
        if window is not None:  # a Kuaida window became the focus window: the agent's chat client lost it
            self._counts["focused"] += 1

    def _on_timer_timeout(self) -> None:
        state = {**self._counts, "outcome": self._last_outcome, **_window_state()}
        if state != self._written:
            partial = self._path.with_name(self._path.name + ".partial")
            partial.write_text(json.dumps(state), encoding="utf-8")
            partial.replace(self._path)
            self._written = state


def _window_state() -> dict[str, Any]:
    window = next(
        (w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == WINDOW_TITLE), None
    )
    if window is None:
        return {"visible": False, "suggestions": 0, "rows": []}
    geometry = window.frameGeometry()
    view = _suggestion_view(window)
    rows: list[list[int]] = []
    count = 0
    if view is not None and view.model() is not None:
        model = view.model()
        count = model.rowCount()
        for row in range(min(count, MAX_ROWS)):
            rect = view.visualRect(model.index(row, 0))
            if rect.isValid() and view.viewport().rect().contains(rect.center()):
                centre = view.viewport().mapTo(window, rect.center())
                rows.append([centre.x(), centre.y()])
    return {
        "visible": True,
        "window": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
        "suggestions": count,
        "rows": rows,
        "search": _search_centre(window),
    }


def _search_centre(window: QWidget) -> list[int] | None:
    """The centre of the visible search field (object name "search"), relative to the window, to click it."""
    field = next((f for f in window.findChildren(QLineEdit, "search") if f.isVisible()), None)
    if field is None:
        return None
    centre = field.mapTo(window, field.rect().center())
    return [centre.x(), centre.y()]


def _suggestion_view(window: QWidget) -> QAbstractItemView | None:
    """The visible list whose name mentions suggestions, else the first visible list with rows."""
    views = [v for v in window.findChildren(QAbstractItemView) if v.isVisible()]
    named = [v for v in views if "suggest" in v.objectName().lower()]
    with_rows = [v for v in views if v.model() is not None and v.model().rowCount() > 0]
    return next(iter(named or with_rows), None)
