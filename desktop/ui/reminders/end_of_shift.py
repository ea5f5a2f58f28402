"""日清 (end of shift): open promises and pending reminders on one screen, ticking promises off, and a handover
note that the next shift sees when it opens Kuaida (`desktop/ui/reminders/handover.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.orders import format_amount
from desktop.core.reminders import STATE_LABELS, ReminderPolicy, policy_from, zone_from
from desktop.services.reminders import ShiftSnapshot, close_shift, load_shift
from desktop.ui.reminders.nudge_scheduler import utc_now
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets.language import friendly_time_label, label
from desktop.ui.widgets.plain_text import plain_label

PromiseIdRole = Qt.ItemDataRole.UserRole + 1


class EndOfShiftDialog(QDialog):
    """Loads the shift's open items on the DB worker; 保存 writes the ticks and the note in the same way."""

    saved = Signal()
    handover_written = Signal(str)  # the note, after it was saved: shared through the team folder

    def __init__(self, runner: Runner, settings: SettingsBridge, *, clock: Callable[[], dt.datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.clock = clock
        self.zone = zone_from(settings.get)
        self.policy: ReminderPolicy = policy_from(settings.get)
        self.setWindowTitle(self.tr("日清：交接前检查"))
        self.summary_label = plain_label(parent=self)
        self.summary_label.setWordWrap(True)
        self.promise_list = QListWidget(self)
        self.reminder_list = QListWidget(self)
        self.reminder_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(self.tr("写给下一班的交接：没办完的事、答应买家的事、要注意的买家……"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # The two lists side by side, each as tall as the screen allows: at 1366×768 with the largest font a
        # column still shows several promises, where two lists stacked above each other showed one or two.
        lines = self.fontMetrics().lineSpacing()
        for view in (self.promise_list, self.reminder_list):
            view.setWordWrap(True)
            view.setMinimumHeight(4 * (lines + 6) + 2 * view.frameWidth())
        self.note_edit.setFixedHeight(3 * lines + 16)
        columns = QHBoxLayout()
        for title, view in ((self.tr("待办承诺（勾选表示已完成）"), self.promise_list),
                            (self.tr("待催付订单"), self.reminder_list)):
            column = QVBoxLayout()
            caption = plain_label(title, self)
            caption.setWordWrap(True)
            column.addWidget(caption)
            column.addWidget(view, 1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(columns, 1)
        layout.addWidget(plain_label(self.tr("交接备注"), self))
        layout.addWidget(self.note_edit)
        layout.addWidget(self.buttons)
        self.snapshot: ShiftSnapshot | None = None

    def preferred_size(self) -> QSize:
        """Wide enough for a promise on a line or two in each column, tall enough for many."""
        char, line = self.fontMetrics().horizontalAdvance("中"), self.fontMetrics().lineSpacing()
        return QSize(char * 56, line * 28)

    def sizeHint(self) -> QSize:
        screen = self.screen()
        wanted = self.preferred_size()
        return wanted.boundedTo(screen.availableGeometry().size()) if screen is not None else wanted

    def now(self) -> dt.datetime:
        return self.clock().astimezone(self.zone)

    def load(self) -> None:
        zone, now = self.zone, self.now()
        self.runner.db(lambda services: load_shift(services, zone, now), self.set_snapshot, owner=self)

    def set_snapshot(self, snapshot: ShiftSnapshot) -> None:
        self.snapshot = snapshot
        now = self.now()
        self.promise_list.clear()
        for promise in snapshot.promises:
            due = self.tr("（%1 到期）").replace("%1", friendly_time_label(promise.due, now)) if promise.due else ""
            late = self.tr(" · 已逾期") if promise.is_overdue(now) else ""
            item = QListWidgetItem(f"{promise.nickname}：{promise.text}{due}{late}", self.promise_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(PromiseIdRole, promise.id)
        self.reminder_list.clear()
        for reminder in self.policy.by_deadline(snapshot.reminders):
            amount = f" ¥{format_amount(reminder.amount)}" if reminder.amount is not None else ""
            closes = friendly_time_label(self.policy.deadline(reminder), now)
            state = label(STATE_LABELS[reminder.state])
            QListWidgetItem(self.tr("%1%2 · %3 · %4 关闭").replace("%1", reminder.buyer).replace("%2", amount)
                            .replace("%3", state).replace("%4", closes), self.reminder_list)
        day = snapshot.today
        sent, orders, paid = (day.sent, day.orders, day.paid) if day else (0, 0, 0)
        self.summary_label.setText(
            self.tr("今日催付 %1 次 / %2 单，其中 %3 单已付款。待办承诺 %4 项，待催付 %5 单。")
            .replace("%1", str(sent)).replace("%2", str(orders)).replace("%3", str(paid))
            .replace("%4", str(len(snapshot.promises))).replace("%5", str(len(snapshot.reminders))))

    def checked_promises(self) -> list[int]:
        return [self.promise_list.item(row).data(PromiseIdRole) for row in range(self.promise_list.count())
                if self.promise_list.item(row).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        done, note, zone, now = self.checked_promises(), self.note_edit.toPlainText().strip(), self.zone, self.now()

        self.runner.db(lambda services: close_shift(services, zone, done, note, now),
                       lambda _result: self._on_written(note), owner=self)

    def _on_written(self, note: str) -> None:
        self.saved.emit()
        if note:
            self.handover_written.emit(note)
        self.accept()
