"""A page that scrolls instead of squeezing its fields when a large font meets a 768-pixel screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`widget` in a frameless scroll area that sizes it to the area's width."""
    area = QScrollArea(parent if parent is not None else widget.parentWidget())
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
