"""A horizontal bar chart painted with QPainter: label, bar, value. Small, themed, no chart library."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_GAP = 6


class BarChart(QWidget):
    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.values: list[tuple[str, float]] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: list[tuple[str, float]], empty_text: str = "") -> None:
        self.values = values
        self.empty_text = empty_text
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:
        rows = max(1, len(self.values))
        return QSize(320, rows * (self._row_height() + ROW_GAP))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().windowText().color()
        if not self.values:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            return
        metrics = self.fontMetrics()
        label_width = max(metrics.horizontalAdvance(label) for label, _value in self.values) + 10
        value_width = max(metrics.horizontalAdvance(f"{value:g}") for _label, value in self.values) + 10
        peak = max(value for _label, value in self.values) or 1.0
        room = max(10, self.width() - label_width - value_width)
        row = self._row_height()
        for i, (label, value) in enumerate(self.values):
            top = i * (row + ROW_GAP)
            painter.setPen(text_colour)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(0, top, label_width - 6, row), right, label)
            length = room * value / peak
            painter.fillRect(QRectF(label_width, top + 2, length, row - 4), self.colour)
            painter.drawText(QRectF(label_width + length + 4, top, value_width, row), Qt.AlignmentFlag.AlignVCenter,
                             f"{value:g}")
        painter.end()
