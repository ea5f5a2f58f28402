"""The 催付 tab: who to chase now (by urgency), one action that pastes a personalised reminder, snooze,
orders in (import, by hand, from a copied order number), and the day's 催付转化.

The panel does not paste: it emits `reply_requested(text)`, which the composition root connects to the same
paste path the overlay uses. All store access goes through the task runner's DB worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.orders import Order, OrderFile, OrderImportError, read_order_file
from desktop.core.reminders import (
    FALLBACK_TEXT,
    Reminder,
    ReminderPolicy,
    ReminderState,
    choose_phrase,
    policy_from,
    template_values,
    zone_from,
)
from desktop.core.tabular import TabularError
from desktop.core.templates import render
from desktop.platform.interfaces import Notifier
from desktop.ui.reminders import jobs as jobs
from desktop.ui.reminders.model import ReminderListModel
from desktop.ui.reminders.nudge_scheduler import Clock, NudgeScheduler, order_id_of, utc_now
from desktop.ui.reminders.order_dialog import OrderDialog
from desktop.ui.reminders.settings_dialog import ReminderSettingsDialog
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.plain_text import collapsing_label, inform, plain_label

POLICY_KEYS = frozenset({"order_close_hours", "first_nudge_minutes", "last_nudge_minutes",
                         "order_close_hours_by_platform", "shop_timezone"})
MAX_PROBLEMS_SHOWN = 20


class RemindersPanel(QWidget):
    reply_requested = Signal(str)  # a rendered 催付 text to paste like any reply
    customer_requested = Signal(str)  # 查看客户: show this buyer's record
    attention_requested = Signal()  # a nudge notification was clicked: show the window
    end_of_shift_requested = Signal()  # 日清
    reminders_changed = Signal()  # the list or the numbers changed (after a load)
    keyboard_requested = Signal(bool)  # a dialog is about to need the keyboard (True) / is done (False)

    def __init__(self, runner: Any, settings: SettingsBridge, notifier: Notifier | None = None, *,
                 clock: Clock = utc_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.clock = clock
        self.zone = zone_from(settings.get)
        self.policy: ReminderPolicy = policy_from(settings.get)
        self.snapshot: jobs.ReminderSnapshot | None = None
        self._select_after_load = ""
        # Replaceable in tests: the questions the panel asks.
        self.choose_open_file: Callable[[], str] = self._ask_open_file
        self.choose_save_file: Callable[[], str] = self._ask_save_file
        self.ask_order: Callable[[str], Order | None] = self._ask_order
        self.show_message: Callable[[str, str], None] = self._show_message

        self.model = ReminderListModel(self.policy, self)
        self.scheduler: NudgeScheduler | None = None
        if notifier is not None:
            self.scheduler = NudgeScheduler(notifier, self.policy, clock, self)
            self.scheduler.nudges_due.connect(self._on_scheduler_nudges_due)
            self.scheduler.deadlines_passed.connect(lambda _ids: self.refresh())
            notifier.activated.connect(self._on_notifier_activated)

        self.stats_label = plain_label(parent=self)
        self.stats_label.setProperty("role", "muted")
        self.stats_label.setWordWrap(True)  # a second line at a large font, never cut
        self.more_button = QToolButton(self)
        self.more_button.setText("⋯")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.more_button)
        self.import_action = menu.addAction("", self.import_orders)
        self.add_action = menu.addAction("", lambda: self.add_order_by_hand())
        self.export_action = menu.addAction("", self.export_conversion)
        self.shift_action = menu.addAction("", self.end_of_shift_requested.emit)
        menu.addSeparator()
        self.settings_action = menu.addAction("", self.show_settings)
        self.more_button.setMenu(menu)

        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list_view.setWordWrap(True)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.doubleClicked.connect(self._on_list_view_double_clicked)
        self.empty_label = plain_label(parent=self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = collapsing_label(self)  # no empty line under the buttons: the list keeps the room
        self.status_label.setWordWrap(True)
        self.status_label.setProperty("role", "hint")

        self.remind_button = self._button(self.remind_selected)
        self.remind_button.setProperty("role", "primary")
        self.snooze_button = self._button(self.snooze_selected)
        self.paid_button = self._button(lambda: self.settle_selected(ReminderState.PAID))
        self.close_button = self._button(lambda: self.settle_selected(ReminderState.CLOSED))
        self.customer_button = self._button(self._on_customer_button_clicked)

        top = QHBoxLayout()
        top.addWidget(self.stats_label, 1)
        top.addWidget(self.more_button)
        actions = FlowLayout()  # wraps to a second row at a large font instead of clipping 已付款
        for button in (self.remind_button, self.snooze_button, self.paid_button, self.close_button,
                       self.customer_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)  # the 建议 tab's margins
        layout.addLayout(top)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        self.list_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        settings.changed.connect(self._on_settings_changed)
        self.retranslate()
        self._update_buttons()

    def _button(self, on_click: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(on_click)
        return button

    def retranslate(self) -> None:
        self.more_button.setToolTip(self.tr("更多"))
        self.import_action.setText(self.tr("导入订单表…"))
        self.add_action.setText(self.tr("手动添加订单…"))
        self.export_action.setText(self.tr("导出催付转化（CSV）…"))
        self.shift_action.setText(self.tr("日清…"))
        self.settings_action.setText(self.tr("催付设置…"))
        self.remind_button.setText(self.tr("催付"))
        self.remind_button.setToolTip(self.tr("粘贴一条催付话术，并记为已催付"))
        self.snooze_button.setText(self.tr("稍后"))
        minutes = str(self.settings.get("snooze_minutes"))
        self.snooze_button.setToolTip(self.tr("推迟 %1 分钟再提醒").replace("%1", minutes))
        self.paid_button.setText(self.tr("已付款"))
        self.close_button.setText(self.tr("关闭"))
        self.customer_button.setText(self.tr("客户"))
        self.empty_label.setText(self.tr("没有待催付的订单。\n点右上角 ⋯ 导入今天的订单表，或复制订单号加入催付。"))
        self._show_stats()

    # time and settings -----------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self.clock().astimezone(self.zone)

    def _on_settings_changed(self, key: str, _value: object) -> None:
        if key in POLICY_KEYS:
            self.zone = zone_from(self.settings.get)
            self.policy = policy_from(self.settings.get)
            self.refresh()
        elif key == "snooze_minutes":
            self.retranslate()

    # loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the open reminders, the 催付 phrases and the numbers from the store."""
        policy, zone, now = self.policy, self.zone, self.now()
        self.runner.db(lambda services: jobs.load_reminders(services, policy, zone, now), self._on_loaded,
                       self._on_job_failed, owner=self)

    def _on_loaded(self, snapshot: jobs.ReminderSnapshot) -> None:
        self.snapshot = snapshot
        current = self.selected_reminder()
        keep = self._select_after_load or (current.order_id if current else "")
        self._select_after_load = ""
        self.model.set_reminders(snapshot.reminders, self.now(), self.policy)
        if self.scheduler is not None:
            self.scheduler.set_reminders(snapshot.reminders, self.policy)
        if keep:
            self.select_order(keep)
        else:
            self._select_row(0)
        empty = self.model.rowCount() == 0
        self.list_view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self._show_stats()
        self.reminders_changed.emit()

    def _on_job_failed(self, error: BaseException) -> None:
        self.status_label.setText(self.tr("操作失败：%1").replace("%1", str(error)))

    def _show_stats(self) -> None:
        if self.snapshot is None:
            self.stats_label.setText(self.tr("正在加载…"))
            return
        today = self.snapshot.day(self.now().date())
        sent, orders, paid = (today.sent, today.orders, today.paid) if today else (0, 0, 0)
        text = self.tr("待催付 %1 · 今日催付 %2 次 / %3 单 · 已付款 %4").replace("%1", str(self.model.rowCount()))
        text = text.replace("%2", str(sent)).replace("%3", str(orders)).replace("%4", str(paid))
        if orders:
            text += self.tr(" · 转化 %1").replace("%1", f"{paid / orders:.0%}")
        self.stats_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.set_now(self.now())  # countdowns and due marks are as fresh as the moment it is looked at

    # selection -------------------------------------------------------------------------------------
    def selected_reminder(self) -> Reminder | None:
        index = self.list_view.currentIndex()
        return self.model.reminder(index.row()) if index.isValid() else None

    def select_order(self, order_id: str) -> bool:
        row = self.model.row_of(order_id)
        self._select_row(max(row, 0))
        return row >= 0

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list_view.setCurrentIndex(self.model.index(row))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        has = self.selected_reminder() is not None
        for button in (self.remind_button, self.snooze_button, self.paid_button, self.close_button,
                       self.customer_button):
            button.setEnabled(has)

    # actions ---------------------------------------------------------------------------------------
    def reminder_text(self, reminder: Reminder) -> str:
        """The 催付 phrase for this nudge, with 买家, 商品, 金额, 截止时间 and 活动 filled."""
        phrases = self.snapshot.phrases if self.snapshot else []
        now = self.now()
        values = template_values(reminder, self.policy.deadline(reminder), now, str(self.settings.get("campaign")))
        values |= {"客服": str(self.settings.get("agent_name")), "店铺": str(self.settings.get("shop_name"))}
        phrase = choose_phrase(phrases, reminder, values)
        return render(phrase.text if phrase else FALLBACK_TEXT, values, now)

    def remind_selected(self) -> None:
        if (reminder := self.selected_reminder()) is not None:
            self.remind(reminder)

    def remind(self, reminder: Reminder) -> None:
        """Paste a personalised reminder, then count it (and star and tag the buyer, by default)."""
        self.reply_requested.emit(self.reminder_text(reminder))
        zone, now, star = self.zone, self.now(), bool(self.settings.get("star_on_remind"))
        self._select_after_load = reminder.order_id
        self.runner.db(lambda services: jobs.remind(services, zone, reminder.order_id, now, star),
                       self._on_changed, self._on_job_failed, owner=self)

    def snooze_selected(self, minutes: int | None = None) -> None:
        reminder = self.selected_reminder()
        if reminder is None:
            return
        now = self.now()
        until = now + dt.timedelta(minutes=minutes or int(self.settings.get("snooze_minutes")))
        zone = self.zone
        self.runner.db(lambda services: jobs.snooze(services, zone, reminder.order_id, until, now),
                       self._on_changed, self._on_job_failed, owner=self)

    def settle_selected(self, state: ReminderState) -> None:
        if (reminder := self.selected_reminder()) is not None:
            self.settle(reminder.order_id, state)

    def settle(self, order_id: str, state: ReminderState,
               on_failed: Callable[[BaseException], None] | None = None) -> None:
        """已付款 / 关闭 for one order, from this tab or from the customer card: the store records it, the list
        and the numbers reload (`reminders_changed`). A failure shows in this tab, and goes to `on_failed` too."""
        zone, now = self.zone, self.now()

        def failed(error: BaseException) -> None:
            self._on_job_failed(error)
            if on_failed is not None:
                on_failed(error)

        self.runner.db(lambda services: jobs.settle(services, zone, order_id, state, now),
                       self._on_changed, failed, owner=self)

    def _on_changed(self, _result: object = None) -> None:
        self.status_label.clear()
        self.refresh()

    def _on_list_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.remind(self.model.reminder(index.row()))

    def _on_customer_button_clicked(self) -> None:
        if (reminder := self.selected_reminder()) is not None:
            self.customer_requested.emit(reminder.buyer)

    # orders in -------------------------------------------------------------------------------------
    def import_orders(self) -> None:
        if path := self.choose_open_file():
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        zone, now = self.zone, self.now()
        self.status_label.setText(self.tr("正在导入 %1 …").replace("%1", path.name))

        def store(parsed: OrderFile) -> None:
            self.runner.db(lambda services: jobs.store_orders(services, zone, parsed, now), self._on_imported,
                           self._on_import_failed, owner=self)

        self.runner.io(lambda: read_order_file(path, zone), store, self._on_import_failed, owner=self)

    def _on_imported(self, outcome: jobs.ImportOutcome) -> None:
        text = self.tr("导入完成：%1").replace("%1", outcome.summary.describe())
        if outcome.file.problems:
            text += self.tr("；%1 行有问题已跳过").replace("%1", str(len(outcome.file.problems)))
            lines = [self.tr("第 %1 行：%2").replace("%1", str(p.row)).replace("%2", p.message)
                     for p in outcome.file.problems[:MAX_PROBLEMS_SHOWN]]
            if (more := len(outcome.file.problems) - MAX_PROBLEMS_SHOWN) > 0:
                lines.append(self.tr("……另有 %1 行").replace("%1", str(more)))
            self.show_message(self.tr("部分行未导入"), "\n".join(lines))
        self.status_label.setText(text)
        self.refresh()

    def _on_import_failed(self, error: BaseException) -> None:
        if isinstance(error, OrderImportError | TabularError):
            self.status_label.setText(self.tr("无法导入：%1").replace("%1", str(error)))
            self.show_message(self.tr("无法导入订单表"), str(error))
        else:
            self._on_job_failed(error)

    def add_order_by_hand(self, order_id: str = "") -> None:
        order = self.ask_order(order_id)
        if order is None:
            return
        zone, now = self.zone, self.now()
        self._select_after_load = order.order_id
        self.runner.db(lambda services: jobs.add_order(services, zone, order, now), self._on_changed,
                       self._on_job_failed, owner=self)

    def add_from_clipboard(self, order_id: str) -> None:
        """加入催付 for a copied order number: straight in when the store knows the order, else the form."""
        zone = self.zone
        self._select_after_load = order_id

        def on_done(reminder: Reminder | None) -> None:
            if reminder is None:
                self._select_after_load = ""
                self.add_order_by_hand(order_id)
            else:
                self._on_changed()

        self.runner.db(lambda services: jobs.open_reminder_for(services, zone, order_id), on_done,
                       self._on_job_failed, owner=self)

    # numbers out -----------------------------------------------------------------------------------
    def export_conversion(self) -> None:
        if not (path := self.choose_save_file()):
            return
        zone, target = self.zone, Path(path)
        self.runner.db(lambda services: jobs.export_conversion(services, zone, target),
                       lambda days: self.status_label.setText(
                           self.tr("已导出 %1 天的催付转化到 %2").replace("%1", str(days)).replace("%2", target.name)),
                       self._on_job_failed, owner=self)

    # notifications ---------------------------------------------------------------------------------
    def _on_scheduler_nudges_due(self, order_ids: list[str]) -> None:
        self.model.set_now(self.now())
        if order_ids and self.selected_reminder() is None:
            self.select_order(order_ids[0])

    def _on_notifier_activated(self, key: str) -> None:
        order_id = order_id_of(key)
        if order_id is None and not key.startswith("reminders"):
            return  # another feature's notification
        self.model.set_now(self.now())
        if order_id:
            self.select_order(order_id)
        self.attention_requested.emit()

    # questions (replaced in tests) -----------------------------------------------------------------
    @contextmanager
    def _keyboard(self) -> Iterator[None]:
        """A dialog takes the keyboard from the chat client; the composition root hands it back after."""
        self.keyboard_requested.emit(True)
        try:
            yield
        finally:
            self.keyboard_requested.emit(False)

    def show_settings(self) -> None:
        dialog = ReminderSettingsDialog(self.settings, self)
        try:
            with self._keyboard():
                dialog.exec()
        finally:
            dialog.deleteLater()

    def _ask_open_file(self) -> str:
        with self._keyboard():
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入订单表"), "",
                                                  self.tr("订单表 (*.csv *.xlsx *.txt);;所有文件 (*)"))
        return path

    def _ask_save_file(self) -> str:
        name = f"催付转化-{self.now():%Y%m%d}.csv"
        with self._keyboard():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出催付转化"), name, self.tr("CSV 文件 (*.csv)"))
        return path

    def _ask_order(self, order_id: str) -> Order | None:
        dialog = OrderDialog(self.zone, self.now(), order_id, parent=self)
        try:
            with self._keyboard():
                return dialog.order() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def _show_message(self, title: str, text: str) -> None:
        with self._keyboard():
            inform(self, title, text)
