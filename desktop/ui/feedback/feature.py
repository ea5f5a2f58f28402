"""The 反馈 button on the status line: the last copied buyer message, filed under a department in two clicks.

The message is kept in memory only while it is the latest copy; it reaches the store only when the agent
files it, and the share only when the agent ticks 发给组长 (redacted first, see desktop/core/feedback.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop.core.chat_block import read_copied, split_speaker
from desktop.core.feedback import Feedback, FeedbackError, shop_departments
from desktop.core.reminders import zone_from
from desktop.services.context import Services
from desktop.services.feedback import file_feedback, mark_shared, share_request, write_shared
from desktop.services.library import seller_names
from desktop.ui.feedback.dialog import FeedbackDialog
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets import modal

SHARE_TIMEOUT_MS = 20_000  # as the team sync: a share that does not answer by then is offline for now


class FeedbackButton(QToolButton):
    """The status line's 反馈: never takes the focus, follows a language switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("反馈"))
        self.setToolTip(self.tr("把刚复制的买家消息反馈给仓储、运营、财务等部门"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FeedbackFeature(QObject):
    """`status(text)` says what happened; `keyboard_requested(bool)` borrows the focus for the dialog."""

    status = Signal(str)
    keyboard_requested = Signal(bool)
    filed = Signal(object)  # Feedback

    def __init__(self, runner: Runner, settings: SettingsBridge, folder: Callable[[], Path | None],
                 parent: QWidget | None = None,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.folder = folder
        self.clock = clock
        self.message = ""
        self.buyer = ""
        self.button = FeedbackButton(parent)
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button.setMenu(self.menu)
        self.button.setEnabled(False)

    def departments(self) -> tuple[str, ...]:
        return shop_departments(self.settings.get("feedback_departments"))

    def on_message_copied(self, text: str) -> None:
        read = read_copied(text, seller_names(self.settings.settings))
        if read.from_block:
            self.message, self.buyer = read.question, read.buyer
        else:  # "小猪佩奇2019：太贵了": who said it stays on this PC as the buyer
            self.buyer, self.message = split_speaker(text)
        self.button.setEnabled(bool(self.message))

    def _fill_menu(self) -> None:
        self.menu.clear()
        for department in self.departments():
            action = QAction(department, self.menu)
            action.triggered.connect(lambda _checked=False, d=department: self.ask(d))
            self.menu.addAction(action)

    def ask(self, department: str) -> None:
        dialog = FeedbackDialog(self.departments(), department, self.message, self.folder() is not None,
                                self.button.window())
        if (choice := modal.ask(dialog, self.keyboard_requested.emit, FeedbackDialog.choice)) is not None:
            self.file(*choice)

    def file(self, department: str, text: str, note: str, share: bool) -> None:
        buyer, now = self.buyer, self.clock()

        def job(services: Services) -> Feedback | str:
            try:
                return file_feedback(services, department, text, note, buyer, now)
            except FeedbackError as error:
                return str(error)

        def done(result: Feedback | str) -> None:
            if isinstance(result, str):
                self.status.emit(self.tr("反馈没有记下：%1").replace("%1", result))
                return
            self.filed.emit(result)
            self.status.emit(self.tr("已记下反馈（%1）").replace("%1", result.department))
            if share:
                self.share(result.id)

        self.runner.db(job, done, self._failed, owner=self)

    def share(self, feedback_id: int) -> None:
        """Three hops: what to send (DB worker), the write (I/O pool, bounded), then mark it sent (DB worker)."""
        folder, zone = self.folder(), zone_from(self.settings.get)
        if folder is None:
            return

        def write(request: tuple[str, str, Feedback]) -> None:
            agent_id, agent_name, item = request
            self.runner.io(lambda: write_shared(folder, agent_id, agent_name, item, zone), lambda _id: sent(),
                           self._share_failed, owner=self, timeout_ms=SHARE_TIMEOUT_MS)

        def sent() -> None:
            now = self.clock()
            self.runner.db(lambda services: mark_shared(services, feedback_id, now),
                           lambda _none: self.status.emit(self.tr("反馈已发给组长")), self._failed, owner=self)

        self.runner.db(lambda services: share_request(services, feedback_id), write, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.status.emit(self.tr("反馈没有记下：%1").replace("%1", str(error)))

    def _share_failed(self, _error: BaseException) -> None:
        self.status.emit(self.tr("团队文件夹不可用：反馈已保存在本机（kuaida feedback share 可补发）"))
