"""日报: yesterday and this week in numbers and charts, for the agent (this PC's store) or the team (the stats
files' counts on the share, read on the I/O pool), and as a page to keep or send on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.daily_report import CONVERSION_LABEL, FIGURE_LABELS, FIGURES, DailyReport, percent, report_html
from desktop.core.library_io import atomic_write
from desktop.core.reminders import zone_from
from desktop.services.daily_report import KEEP_DAYS, agent_report, team_report
from desktop.sync.usage import TeamUsage, read_team_usage
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets.language import LiveText, label
from desktop.ui.widgets.plain_text import plain_label

from .bar_chart import BarChart

SHARE_TIMEOUT_MS = 20_000


class ReportWindow(QWidget):
    def __init__(self, runner: Runner, settings: SettingsBridge, folder: Callable[[], Path | None],
                 parent: QWidget | None = None, clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
                 ask_save_path: Callable[[QWidget, str], str] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.runner = runner
        self.settings = settings
        self.folder = folder
        self.clock = clock
        self.report: DailyReport | None = None
        self._ask_save_path = ask_save_path or (lambda parent, title: QFileDialog.getSaveFileName(
            parent, title, "", self.tr("网页 (*.html)"))[0])
        self.mine_button = QPushButton(self)  # the texts are set in retranslate()
        self.team_button = QPushButton(self)
        self.scope = QButtonGroup(self)
        for button in (self.mine_button, self.team_button):
            button.setCheckable(True)
            self.scope.addButton(button)
        self.mine_button.setChecked(True)
        self.scope.buttonClicked.connect(lambda _button: self.load())
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.heading = plain_label(parent=self)
        self.heading.setProperty("role", "muted")
        self._heading = LiveText(self.heading, self.heading.setText)
        self.figures = QGridLayout()
        self.figure_labels: dict[str, tuple[Any, Any]] = {}
        self.yesterday_header, self.week_header = plain_label(parent=self), plain_label(parent=self)
        self.figures.addWidget(self.yesterday_header, 0, 1, Qt.AlignmentFlag.AlignRight)
        self.figures.addWidget(self.week_header, 0, 2, Qt.AlignmentFlag.AlignRight)
        self.figure_names: dict[str, Any] = {}  # the report's own labels (core/daily_report.py), shown translated
        for row, figure in enumerate((*FIGURES, "conversion"), start=1):
            yesterday, week = plain_label(parent=self), plain_label(parent=self)
            self.figure_names[figure] = plain_label(parent=self)
            self.figures.addWidget(self.figure_names[figure], row, 0)
            self.figures.addWidget(yesterday, row, 1, Qt.AlignmentFlag.AlignRight)
            self.figures.addWidget(week, row, 2, Qt.AlignmentFlag.AlignRight)
            self.figure_labels[figure] = (yesterday, week)
        self.trend_chart = BarChart("#e8703a", self)
        self.lost_chart = BarChart("#6a7fdb", self)
        self.feedback_chart = BarChart("#3aa776", self)

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self.heading)
        column.addLayout(self.figures)
        self.chart_titles = [plain_label(parent=body) for _chart in range(3)]
        for title, chart in zip(self.chart_titles, (self.trend_chart, self.lost_chart, self.feedback_chart),
                                strict=True):
            column.addWidget(title)
            column.addWidget(chart)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.mine_button)
        top.addWidget(self.team_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.resize(520, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("日报"))
        self.mine_button.setText(self.tr("我的"))
        self.team_button.setText(self.tr("团队"))
        self.export_button.setText(self.tr("导出网页…"))
        self.yesterday_header.setText(self.tr("昨天"))
        self.week_header.setText(self.tr("本周"))
        for figure, name in self.figure_names.items():
            name.setText(label(FIGURE_LABELS.get(figure, CONVERSION_LABEL)))
        titles = (self.tr("最近 7 天用快答回复"), self.tr("本周未成交原因"), self.tr("本周意见反馈（按部门）"))
        for title_label, title in zip(self.chart_titles, titles, strict=True):
            title_label.setText(title)
        if self.report is not None:
            self._show_figures(self.report)  # the charts' 没有数据

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        now = self.clock()
        zone = zone_from(self.settings.get)
        self._heading.say(lambda: self.tr("正在统计…"))
        if self.mine_button.isChecked():
            self.runner.db(lambda services: agent_report(services, zone, now), self.show_report, self._failed,
                           owner=self)
            return
        folder = self.folder()
        if folder is None:
            self._heading.say(lambda: self.tr("没有设置团队共享文件夹"))
            return
        today = now.astimezone(zone).date()

        def read() -> TeamUsage:
            return read_team_usage(folder, since=today - dt.timedelta(days=KEEP_DAYS), today=today)

        self.runner.io(read, lambda usage: self.show_report(team_report(usage.daily, usage.agents, today)),
                       self._failed, owner=self, timeout_ms=SHARE_TIMEOUT_MS)

    def show_report(self, report: DailyReport) -> None:
        self.report = report
        self._heading.say(lambda: self._report_heading(report))
        self._show_figures(report)

    def _report_heading(self, report: DailyReport) -> str:
        if report.agents is not None:
            title = self.tr("团队日报") + self.tr("（%1 位客服）").replace("%1", str(report.agents))
        else:  # as services.daily_report names it, in the interface language
            name = str(self.settings.get("agent_name"))
            title = self.tr("%1的日报").replace("%1", name) if name else self.tr("我的日报")
        return f"{title} · {report.today.isoformat()}"

    def _show_figures(self, report: DailyReport) -> None:
        yesterday, week = report.yesterday, report.week
        for figure, (yesterday_label, week_label) in self.figure_labels.items():
            if figure == "conversion":
                yesterday_label.setText(percent(yesterday.conversion))
                week_label.setText(percent(week.conversion))
            else:
                yesterday_label.setText(str(yesterday.counts[figure]))
                week_label.setText(str(week.counts[figure]))
        none = self.tr("没有数据")
        self.trend_chart.set_values([(f"{day:%m-%d}", float(f.counts["replies"])) for day, f in report.last_days(7)],
                                    none)
        self.lost_chart.set_values([(r, float(n)) for r, n in week.lost.most_common()], none)
        self.feedback_chart.set_values([(d, float(n)) for d, n in week.feedback.most_common()], none)

    def export(self) -> None:
        if self.report is None:
            return
        chosen = self._ask_save_path(self, self.tr("导出日报"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".html":
            path = path.with_name(path.name + ".html")
        page = report_html(self.report).encode("utf-8")
        self.runner.io(lambda: atomic_write(path, lambda partial: partial.write_bytes(page)),
                       lambda _none: self._heading.say(lambda: self.tr("已导出：%1").replace("%1", str(path))),
                       self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self._heading.say(lambda: self.tr("没有完成：%1").replace("%1", str(error)))
