"""The search field: a click on it is a request to borrow the keyboard focus, Esc gives it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    """Emits requests; the controller decides when the window may take the focus."""

    focus_requested = Signal()
    cancel_requested = Signal()
    accept_requested = Signal()
    move_requested = Signal(int)  # +1 / -1: move the current row while typing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setObjectName("search")  # the e2e probe reports where it is, for a real click
        # Only an explicit click or the search hotkey may focus it: Tab or a stray click elsewhere must not.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.hasFocus():
            self.focus_requested.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept_requested.emit()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.move_requested.emit(1 if key == Qt.Key.Key_Down else -1)
        else:
            super().keyPressEvent(event)
