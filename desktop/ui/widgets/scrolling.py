"""A page that scrolls instead of squeezing its fields when a large font meets a 768-pixel screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`widget` in a frameless scroll area that sizes it to the area's width."""
    area = QScrollArea(parent if parent is not None else widget.parentWidget())
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class _FittingScrollArea(QScrollArea):
    """Asks for its widget's whole size, so it scrolls only when the window cannot give that room."""

    def sizeHint(self) -> QSize:
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return widget.sizeHint() + QSize(bar + 2 * self.frameWidth(), 2 * self.frameWidth())


def fitting(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`widget` in a frameless scroll area that wants the widget's whole size (see `bounded_to_screen`)."""
    area = _FittingScrollArea(parent if parent is not None else widget.parentWidget())
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def bounded_to_screen(wanted: QSize, widget: QWidget) -> QSize:
    """A window's size hint, no larger than the work area of its screen."""
    screen = widget.screen()
    return wanted.boundedTo(screen.availableGeometry().size()) if screen is not None else wanted
