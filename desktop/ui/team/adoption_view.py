"""The lead's adoption figures beside usage: a stacked bar per day (how each message with suggestions ended),
a row per agent with 生成率 and 采纳率, and a CSV export. Counts only, from the agents' stats files."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.adoption import AGENT_EXPORT_HEADER, Figures, Outcome, agent_day_rows, total
from desktop.core.formula_guard import neutralised_rows
from desktop.ui.widgets.plain_text import plain_label

# The parts of a bar, bottom up: the unchanged pastes by how far down the list, search, edited, no pick.
STACK = (Outcome.TOP1, Outcome.TOP3, Outcome.LOWER, Outcome.SEARCH, Outcome.EDITED, Outcome.NO_PICK)
COLOURS = {Outcome.TOP1: "#389e0d", Outcome.TOP3: "#7cb305", Outcome.LOWER: "#d4b106", Outcome.SEARCH: "#1677ff",
           Outcome.EDITED: "#722ed1", Outcome.NO_PICK: "#bfbfbf"}
MAX_DAYS = 14
AgentRows = Sequence[tuple[str, str, str, int]]


class AdoptionChart(QWidget):
    """One stacked bar per day (the last `MAX_DAYS`), its 采纳率 above it; a legend on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[Figures] = []
        self.setMinimumHeight(160)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # the legend is painted in the interface language
        super().changeEvent(event)

    def set_days(self, days: list[Figures]) -> None:
        self.days = days[-MAX_DAYS:]
        self.update()

    def legend(self) -> list[tuple[str, str]]:
        labels = {Outcome.TOP1: self.tr("首条"), Outcome.TOP3: self.tr("第2-3条"),
                  Outcome.LOWER: self.tr("更靠后"), Outcome.SEARCH: self.tr("搜索"),
                  Outcome.EDITED: self.tr("改后发送"), Outcome.NO_PICK: self.tr("未采纳")}
        return [(labels[o], COLOURS[o]) for o in STACK]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_colour)
        metrics = painter.fontMetrics()
        line = metrics.height()
        x = 4.0
        for label, colour in self.legend():
            painter.fillRect(QRectF(x, 4, line * 0.8, line * 0.8), QColor(colour))
            x += line
            painter.drawText(QRectF(x, 0, metrics.horizontalAdvance(label) + 4, line + 4),
                             Qt.AlignmentFlag.AlignVCenter, label)
            x += metrics.horizontalAdvance(label) + line
        if not self.days:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("还没有采纳数据"))
            painter.end()
            return
        top, bottom = line * 2.5, self.height() - line * 1.5
        tallest = max((f[Outcome.SHOWN] or sum(f[o] for o in STACK)) for f in self.days) or 1
        slot = (self.width() - 8) / len(self.days)
        width = max(slot * 0.6, 2.0)
        for index, figures in enumerate(self.days):
            left = 4 + index * slot + (slot - width) / 2
            y = bottom
            for outcome in STACK:
                height = (bottom - top) * figures[outcome] / tallest
                painter.fillRect(QRectF(left, y - height, width, height), QColor(COLOURS[outcome]))
                y -= height
            painter.drawText(QRectF(left - slot / 2, y - line, width + slot, line), Qt.AlignmentFlag.AlignCenter,
                             f"{figures.adoption_rate:.0%}")
            painter.drawText(QRectF(left - slot / 2, bottom, width + slot, line), Qt.AlignmentFlag.AlignCenter,
                             figures.key[5:])  # MM-DD
        painter.end()


class AdoptionView(QWidget):
    """The chart, the per-agent table and 导出 CSV. `save` writes the file off the UI thread (the editor's
    I/O runner); `pick_file` asks where (replaced in tests)."""

    def __init__(self, save: Callable[[Callable[[], Any]], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.pick_file: Callable[[], str] = self._pick_file_with_dialog
        self.rows: list[tuple[str, str, str, int]] = []
        self.chart = AdoptionChart(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = plain_label(parent=self)
        self.summary.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_csv)
        row = QHBoxLayout()
        row.addWidget(self.chart, 3)
        row.addWidget(self.table, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(bottom)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        headers = [self.tr("客服"), self.tr("买家消息"), self.tr("生成率"), self.tr("采纳率")]
        self.table.setHorizontalHeaderLabels(headers)
        self.export_button.setText(self.tr("导出 CSV…"))
        self.set_rows(self.rows)

    def set_rows(self, rows: AgentRows) -> None:
        """The team's (day, agent, outcome, count) rows (`TeamUsage.adoption_by_agent`)."""
        self.rows = list(rows)
        self.chart.set_days(total(self.rows, "day"))
        per_agent: dict[str, Counter[str]] = {}
        for _day, agent, outcome, count in self.rows:
            per_agent.setdefault(agent, Counter())[outcome] += count
        self.table.setRowCount(len(per_agent))
        for row, (agent, counts) in enumerate(sorted(per_agent.items())):
            figures = Figures(agent, counts)
            cells = (agent[:8], str(figures[Outcome.MESSAGE]), f"{figures.generation_rate:.0%}",
                     f"{figures.adoption_rate:.0%}")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        (team,) = total(self.rows, "all") or [Figures("")]
        text = self.tr("全组：买家消息 {0}，生成率 {1}，采纳率 {2}（首条 {3}，前三条 {4}，搜索 {5}，改后发送 {6}）")
        self.summary.setText(text.format(
            team[Outcome.MESSAGE], f"{team.generation_rate:.0%}", f"{team.adoption_rate:.0%}",
            team[Outcome.TOP1], team.top3, team[Outcome.SEARCH], team[Outcome.EDITED]))
        self.export_button.setEnabled(bool(self.rows))

    def export_csv(self) -> None:
        target = self.pick_file()
        if not target:
            return
        rows = [AGENT_EXPORT_HEADER, *agent_day_rows(self.rows)]
        self._save(lambda: write_csv(Path(target), rows))

    def _pick_file_with_dialog(self) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("导出采纳率"), "采纳率.csv", self.tr("CSV (*.csv)"))[0]


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """UTF-8 with BOM (Excel on Chinese Windows), formulas neutralised, written beside and renamed at the end."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(neutralised_rows(rows))
    partial.replace(path)
