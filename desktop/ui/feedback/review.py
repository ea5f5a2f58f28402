"""意见反馈汇总 for the lead: the team's shared feedback by department and week, marked 已转交/已答复 and
exported per department as a spreadsheet or a printable page. Share reads and file writes run on the
I/O pool (the share can hang), the marks on the DB worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.feedback import FeedbackState
from desktop.core.feedback_report import STATE_LABELS, FeedbackRow, grouped, summary_html, write_summary_xlsx
from desktop.core.library_io import atomic_write
from desktop.services.context import Services
from desktop.services.feedback import lead_rows
from desktop.store.feedback import FeedbackRepository
from desktop.sync.feedback import SharedFeedback, list_shared_feedback
from desktop.ui.runtime.tasks import SHARE_TIMEOUT_MS, Runner
from desktop.ui.widgets.language import LiveText, label
from desktop.ui.widgets.plain_text import plain_label
from desktop.ui.widgets.trees import tree_items

RowRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2  # (department, count) on a department's line, the Monday on a week's
STATE_COLUMN = 4


class FeedbackReview(QWidget):
    def __init__(self, runner: Runner, folder: Callable[[], Path | None], parent: QWidget | None = None,
                 ask_save_path: Callable[[QWidget, str, str], str] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.runner = runner
        self.folder = folder
        self.rows: list[FeedbackRow] = []
        self._ask_save_path = ask_save_path or (lambda parent, title, filters:
                                                QFileDialog.getSaveFileName(parent, title, "", filters)[0])
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.summary = plain_label(parent=self)
        self.summary.setProperty("role", "muted")
        self._summary = LiveText(self.summary, self.summary.setText)
        self.handed_over_button = QPushButton(self)  # the texts are set in retranslate()
        self.answered_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.export_xlsx_button = QPushButton(self)
        self.export_html_button = QPushButton(self)
        self.handed_over_button.clicked.connect(lambda: self.mark_selected(FeedbackState.HANDED_OVER))
        self.answered_button.clicked.connect(lambda: self.mark_selected(FeedbackState.ANSWERED))
        self.reset_button.clicked.connect(lambda: self.mark_selected(FeedbackState.NEW))
        self.refresh_button.clicked.connect(self.load)
        self.export_xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        self.export_html_button.clicked.connect(lambda: self.export(".html"))
        buttons = QHBoxLayout()
        for button in (self.handed_over_button, self.answered_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.refresh_button, self.export_xlsx_button, self.export_html_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.resize(900, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("意见反馈汇总"))
        self.handed_over_button.setText(self.tr("已转交"))
        self.answered_button.setText(self.tr("已答复"))
        self.reset_button.setText(self.tr("待处理"))
        self.refresh_button.setText(self.tr("刷新"))
        self.export_xlsx_button.setText(self.tr("导出 Excel…"))
        self.export_html_button.setText(self.tr("导出打印页…"))
        self.tree.setHeaderLabels([self.tr("部门 / 周 / 日期"), self.tr("买家的话"), self.tr("备注"), self.tr("客服"),
                                   self.tr("状态")])
        states = {row.id: row.state for row in self.rows}
        for item in tree_items(self.tree):  # departments, weeks and items
            self._name_group(item)
            if (state := states.get(str(item.data(0, RowRole)))) is not None:
                item.setText(STATE_COLUMN, label(STATE_LABELS[state]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _name_group(self, item: QTreeWidgetItem) -> None:
        """A department's line (仓储（3）) or a week's (11-16 这一周)."""
        group = item.data(0, GroupRole)
        if isinstance(group, tuple):
            department, total = group
            item.setText(0, self.tr("%1（%2）").replace("%1", department).replace("%2", str(total)))
        elif isinstance(group, dt.date):
            item.setText(0, self.tr("%1 这一周").replace("%1", f"{group:%m-%d}"))


    def load(self) -> None:
        folder = self.folder()
        if folder is None:
            self._summary.say(lambda: self.tr("没有设置团队共享文件夹"))
            return
        self._summary.say(lambda: self.tr("正在读取团队文件夹…"))

        def with_marks(read: tuple[list[SharedFeedback], int]) -> None:
            shared, skipped = read
            self.runner.db(lambda services: lead_rows(services, shared), lambda rows: self.show_rows(rows, skipped),
                           owner=self)

        self.runner.io(lambda: list_shared_feedback(folder), with_marks, self._failed, owner=self,
                       timeout_ms=SHARE_TIMEOUT_MS)

    def show_rows(self, rows: list[FeedbackRow], skipped: int = 0) -> None:
        self.rows = rows
        self.tree.clear()
        for department, weeks in grouped(rows).items():
            total = sum(len(items) for items in weeks.values())
            top = QTreeWidgetItem()
            top.setData(0, GroupRole, (department, total))
            self._name_group(top)
            self.tree.addTopLevelItem(top)
            for week, items in weeks.items():
                week_item = QTreeWidgetItem()
                week_item.setData(0, GroupRole, week)
                self._name_group(week_item)
                top.addChild(week_item)
                for row in items:
                    item = QTreeWidgetItem([f"{row.day:%m-%d}", row.text, row.note, row.agent,
                                            label(STATE_LABELS[row.state])])
                    item.setData(0, RowRole, row.id)
                    item.setToolTip(1, row.text)
                    week_item.addChild(item)
            top.setExpanded(True)
            for index in range(top.childCount()):
                if (child := top.child(index)) is not None:
                    child.setExpanded(index == 0)  # this week open, older weeks folded
        self._summary.say(lambda: self._summary_text(rows, skipped))
        self.tree.resizeColumnToContents(0)

    def _summary_text(self, rows: list[FeedbackRow], skipped: int) -> str:
        new = sum(row.state is FeedbackState.NEW for row in rows)
        text = self.tr("共 %1 条，待处理 %2 条").replace("%1", str(len(rows))).replace("%2", str(new))
        if skipped:
            text += self.tr("（%1 个文件没有显示：无法读取，或不在每位客服最新的 30 条内）").replace("%1", str(skipped))
        return text

    def mark_selected(self, state: FeedbackState) -> None:
        items = [item for item in self.tree.selectedItems() if item.data(0, RowRole)]
        ids = [str(item.data(0, RowRole)) for item in items]
        if not ids:
            return
        now = dt.datetime.now(dt.UTC)

        def job(services: Services) -> None:
            repo = FeedbackRepository(services.store.db)
            for shared_id in ids:
                repo.set_review_state(shared_id, state, now)

        def done(_none: None) -> None:
            self.rows = [FeedbackRow(r.id, r.department, r.day, r.text, r.note, r.agent,
                                     state if r.id in ids else r.state) for r in self.rows]
            for item in items:
                item.setText(STATE_COLUMN, label(STATE_LABELS[state]))

        self.runner.db(job, done, self._failed, owner=self)

    def export(self, suffix: str) -> None:
        filters = self.tr("Excel 表格 (*.xlsx)") if suffix == ".xlsx" else self.tr("网页 (*.html)")
        chosen = self._ask_save_path(self, self.tr("导出意见反馈汇总"), filters)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        groups = grouped(self.rows)
        if suffix == ".xlsx":
            def write() -> None:
                write_summary_xlsx(path, groups)
        else:
            page = summary_html(groups, self.tr("意见反馈汇总"), dt.date.today()).encode("utf-8")

            def write() -> None:
                atomic_write(path, lambda partial: partial.write_bytes(page))

        self.runner.io(write, lambda _none: self._summary.say(lambda: self.tr("已导出：%1").replace("%1", str(path))),
                       self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self._summary.say(lambda: self.tr("没有完成：%1").replace("%1", str(error)))
