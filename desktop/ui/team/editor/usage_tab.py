"""The 使用统计 tab: how often the team used each phrase and which buyer questions found none, summed from
the agents' stats files on the share. The figures load whenever the tab is opened (on the I/O pool); 刷新
reads them again. They are shown with the draft's phrase texts, redrawn when the draft changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.core.phrases import intents
from desktop.sync.usage import TeamUsage, read_team_usage
from desktop.ui.runtime.tasks import SHARE_TIMEOUT_MS, Runner
from desktop.ui.team.editor.phrase_model import DraftPhraseModel
from desktop.ui.widgets.plain_text import plain_label


class UsageTab(QWidget):
    """Signals: `failed(BaseException)` when the share could not be read."""

    failed = Signal(object)

    def __init__(self, runner: Runner, folder: Callable[[], Path], model: DraftPhraseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._folder = folder
        self._model = model
        self.usage = TeamUsage()
        self.loaded = False  # figures have arrived at least once
        self.most_table = QTableWidget(0, 2, self)
        self.least_table = QTableWidget(0, 2, self)
        self.no_match_table = QTableWidget(0, 2, self)
        self.lost_table = QTableWidget(0, 2, self)  # why buyers did not buy, as the agents recorded it
        for table in (self.most_table, self.least_table, self.no_match_table, self.lost_table):
            table.horizontalHeader().setStretchLastSection(False)
            table.setColumnWidth(0, 260)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.usage_label = plain_label(parent=self)
        self.refresh_button = refresh = QPushButton(self)
        refresh.clicked.connect(self.load)
        tables = QHBoxLayout()
        for table in (self.most_table, self.least_table, self.no_match_table, self.lost_table):
            tables.addWidget(table)
        layout = QVBoxLayout(self)
        layout.addLayout(tables)
        row = QHBoxLayout()
        row.addWidget(self.usage_label, 1)
        row.addWidget(refresh)
        layout.addLayout(row)
        self.versions_label = plain_label(parent=self)
        self.versions_label.setWordWrap(True)
        layout.addWidget(self.versions_label)
        model.modelReset.connect(self.show_usage)  # a new draft or imported phrases
        self.retranslate()

    def retranslate(self) -> None:
        times = self.tr("次数")
        for table, headers in ((self.most_table, (self.tr("最常用"), times)),
                               (self.least_table, (self.tr("最少用"), times)),
                               (self.no_match_table, (self.tr("没有合适短语的意图"), times)),
                               (self.lost_table, (self.tr("未成交原因"), self.tr("人数")))):
            table.setHorizontalHeaderLabels(list(headers))
        self.refresh_button.setText(self.tr("刷新"))
        self.show_usage()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # the tab was opened (not the window restored from the taskbar)
            self.load()

    def load(self) -> None:
        folder = self._folder
        self._runner.io(lambda: read_team_usage(folder()), self._on_usage_loaded, self.failed.emit, owner=self,
                        timeout_ms=SHARE_TIMEOUT_MS)

    def show_usage(self) -> None:
        """Fill the tables from the last figures, named by the draft's phrases as they are now."""
        if not self.loaded:
            return
        usage = self.usage
        texts = {p.id: " ".join(p.text.split()) for p in self._model.draft.phrases}
        names = {i.id: i.name_zh for i in intents()} | {"other": self.tr("其他")}
        self._fill(self.most_table, [(texts.get(pid, pid), n) for pid, n in usage.most_used(20) if pid in texts])
        self._fill(self.least_table, [(texts[pid], n) for pid, n in usage.least_used(texts, 20)])
        self._fill(self.no_match_table, [(names.get(i, i), n) for i, n in usage.no_match.most_common(20)])
        self._fill(self.lost_table, usage.lost_reasons.most_common(20))
        text = self.tr("{0} 位客服的统计（客服各自写入，未经验证；只有次数，不含买家信息）").format(usage.agents)
        if usage.skipped_files:
            text += self.tr("；{0} 个统计文件不可信或超出上限，未计入").format(usage.skipped_files)
        self.usage_label.setText(text)
        self.versions_label.setText(self._versions_text(usage))
        # Agent ids are random (kuaida doctor shows a PC's own); the versions passed VERSION_TEXT, so no markup.
        self.versions_label.setToolTip("\n".join(
            f"{agent}: {v.kuaida or '?'} · v{v.library if v.library is not None else '?'}"
            for agent, v in sorted(usage.versions.items())))

    def _on_usage_loaded(self, usage: TeamUsage) -> None:
        self.usage = usage
        self.loaded = True
        self.show_usage()

    def _versions_text(self, usage: TeamUsage) -> str:
        unknown = self.tr("未知")
        listed = self.tr("、")  # between list items
        kuaida = listed.join(f"{version or unknown} × {n}" for version, n in usage.kuaida_versions().most_common())
        library = listed.join(f"{'v' + str(version) if version is not None else unknown} × {n}"
                           for version, n in usage.library_versions().most_common())
        if not usage.versions:
            return ""
        return self.tr("各客服自报的版本（未经验证）：快答 {0}；团队短语库 {1}").format(kuaida, library)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, int]]) -> None:
        table.setRowCount(len(rows))
        for row, (label, count) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(label))
            table.setItem(row, 1, QTableWidgetItem(str(count)))
