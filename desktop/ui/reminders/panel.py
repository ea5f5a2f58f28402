"""The 催付 tab on screen: the list (by urgency), the day's numbers, the action buttons, the ⋯ menu and the
questions it asks (files, an order by hand, a message). It holds no state of its own beyond what it shows
and says what the agent wants through signals; `RemindersController` (controller.py) decides and loads.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
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

from desktop.core.orders import Order, OrderFile
from desktop.core.reminders import DayConversion
from desktop.store.orders import ImportSummary
from desktop.ui.reminders.model import ReminderListModel
from desktop.ui.reminders.order_dialog import OrderDialog
from desktop.ui.reminders.settings_dialog import ReminderSettingsDialog
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.plain_text import collapsing_label, inform, plain_label

MAX_PROBLEMS_SHOWN = 20


class RemindersPanel(QWidget):
    remind_requested = Signal()  # 催付 for the selected order
    snooze_requested = Signal()  # 稍后
    paid_requested = Signal()  # 已付款
    close_requested = Signal(str)  # 关闭, with the reason the buyer gave for not paying ("" for none)
    customer_requested = Signal()  # 客户: the selected order's buyer
    row_activated = Signal(int)  # a double click: 催付 for that row
    import_requested = Signal()  # ⋯ 导入订单表
    add_requested = Signal()  # ⋯ 手动添加订单
    export_requested = Signal()  # ⋯ 导出催付转化
    end_of_shift_requested = Signal()  # ⋯ 日清
    settings_requested = Signal()  # ⋯ 催付设置
    shown = Signal()  # the tab came into view: countdowns should be fresh
    keyboard_requested = Signal(bool)  # a dialog is about to need the keyboard (True) / is done (False)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: ReminderListModel | None = None
        self._loaded = False
        self._today: DayConversion | None = None
        self._snooze_minutes = 0
        # Replaceable in tests: the questions the tab asks.
        self.choose_open_file: Callable[[], str] = self._ask_open_file
        self.choose_save_file: Callable[[dt.datetime], str] = self._ask_save_file
        self.ask_order: Callable[[str, dt.tzinfo, dt.datetime], Order | None] = self._ask_order
        self.show_message: Callable[[str, str], None] = self._show_message

        self.stats_label = plain_label(parent=self)
        self.stats_label.setProperty("role", "muted")
        self.stats_label.setWordWrap(True)  # a second line at a large font, never cut
        self.more_button = QToolButton(self)
        self.more_button.setText("⋯")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.more_button)
        self.import_action = menu.addAction("", self.import_requested.emit)
        self.add_action = menu.addAction("", self.add_requested.emit)
        self.export_action = menu.addAction("", self.export_requested.emit)
        self.shift_action = menu.addAction("", self.end_of_shift_requested.emit)
        menu.addSeparator()
        self.settings_action = menu.addAction("", self.settings_requested.emit)
        self.more_button.setMenu(menu)

        self.list_view = QListView(self)
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

        self.remind_button = self._button(self.remind_requested.emit)
        self.remind_button.setProperty("role", "primary")
        self.snooze_button = self._button(self.snooze_requested.emit)
        self.paid_button = self._button(self.paid_requested.emit)
        self.close_button = self._button(lambda: None)  # its menu asks why the buyer did not pay
        self.close_menu = QMenu(self.close_button)
        self.close_menu.aboutToShow.connect(self._fill_close_menu)
        self.close_button.setMenu(self.close_menu)
        self.lost_sale_reasons: Callable[[], tuple[str, ...]] = tuple  # the controller supplies the shop's
        self.customer_button = self._button(self.customer_requested.emit)

        top = QHBoxLayout()
        top.addWidget(self.stats_label, 1)
        top.addWidget(self.more_button)
        actions = FlowLayout()  # wraps to a second row at a large font instead of clipping 已付款
        for button in self._action_buttons():
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)  # the 建议 tab's margins
        layout.addLayout(top)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        self.retranslate()
        self._update_buttons()

    def _button(self, on_click: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(on_click)
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _action_buttons(self) -> tuple[QPushButton, ...]:
        return self.remind_button, self.snooze_button, self.paid_button, self.close_button, self.customer_button

    def set_model(self, model: ReminderListModel) -> None:
        self._model = model
        self.list_view.setModel(model)
        self.list_view.selectionModel().currentChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        self._update_buttons()

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
        self.snooze_button.setToolTip(self.tr("推迟 %1 分钟再提醒").replace("%1", str(self._snooze_minutes)))
        self.paid_button.setText(self.tr("已付款"))
        self.close_button.setText(self.tr("关闭"))
        self.customer_button.setText(self.tr("客户"))
        self.empty_label.setText(self.tr("没有待催付的订单。\n点右上角 ⋯ 导入今天的订单表，或复制订单号加入催付。"))
        self._show_stats()
        self.list_view.scheduleDelayedItemsLayout()  # the rows' state names and times are said anew

    def _fill_close_menu(self) -> None:
        """关闭 without a reason, or with why the buyer did not buy (未成交原因, counted for the lead)."""
        self.close_menu.clear()
        self.close_menu.addAction(self.tr("关闭（不记原因）"), lambda: self.close_requested.emit(""))
        self.close_menu.addSection(self.tr("买家没买的原因"))
        for reason in self.lost_sale_reasons():
            self.close_menu.addAction(reason, functools.partial(self.close_requested.emit, reason))

    def set_snooze_minutes(self, minutes: int) -> None:
        self._snooze_minutes = minutes
        self.retranslate()

    # what the controller loaded ----------------------------------------------------------------------
    def show_loaded(self, today: DayConversion | None) -> None:
        """The list was (re)loaded: the empty note instead of an empty list, and today's numbers."""
        self._loaded, self._today = True, today
        empty = self._row_count() == 0
        self.list_view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self._show_stats()

    def _row_count(self) -> int:
        return self._model.rowCount() if self._model is not None else 0

    def _show_stats(self) -> None:
        if not self._loaded:
            self.stats_label.setText(self.tr("正在加载…"))
            return
        today = self._today
        sent, orders, paid = (today.sent, today.orders, today.paid) if today else (0, 0, 0)
        text = self.tr("待催付 %1 · 今日催付 %2 次 / %3 单 · 已付款 %4").replace("%1", str(self._row_count()))
        text = text.replace("%2", str(sent)).replace("%3", str(orders)).replace("%4", str(paid))
        if orders:
            text += self.tr(" · 转化 %1").replace("%1", f"{paid / orders:.0%}")
        self.stats_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    # selection ---------------------------------------------------------------------------------------
    def selected_row(self) -> int:
        """The selected row, or -1."""
        index = self.list_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if self._model is not None and 0 <= row < self._model.rowCount():
            self.list_view.setCurrentIndex(self._model.index(row))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        has = self.selected_row() >= 0
        for button in self._action_buttons():
            button.setEnabled(has)

    def _on_list_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_activated.emit(index.row())

    # status line -------------------------------------------------------------------------------------
    def clear_status(self) -> None:
        self.status_label.clear()

    def show_failure(self, error: BaseException) -> None:
        self.status_label.setText(self.tr("操作失败：%1").replace("%1", str(error)))

    def show_importing(self, name: str) -> None:
        self.status_label.setText(self.tr("正在导入 %1 …").replace("%1", name))

    def show_imported(self, file: OrderFile, summary: ImportSummary) -> None:
        """The import's outcome in the status line; skipped rows (the first few) in a message."""
        text = self.tr("导入完成：%1").replace("%1", summary.describe())
        if file.problems:
            text += self.tr("；%1 行有问题已跳过").replace("%1", str(len(file.problems)))
            lines = [self.tr("第 %1 行：%2").replace("%1", str(p.row)).replace("%2", p.message)
                     for p in file.problems[:MAX_PROBLEMS_SHOWN]]
            if (more := len(file.problems) - MAX_PROBLEMS_SHOWN) > 0:
                lines.append(self.tr("……另有 %1 行").replace("%1", str(more)))
            self.show_message(self.tr("部分行未导入"), "\n".join(lines))
        self.status_label.setText(text)

    def show_unreadable_file(self, error: BaseException) -> None:
        self.status_label.setText(self.tr("无法导入：%1").replace("%1", str(error)))
        self.show_message(self.tr("无法导入订单表"), str(error))

    def show_exported(self, days: int, name: str) -> None:
        self.status_label.setText(self.tr("已导出 %1 天的催付转化到 %2").replace("%1", str(days)).replace("%2", name))

    # questions (replaced in tests) -------------------------------------------------------------------
    @contextmanager
    def _keyboard(self) -> Iterator[None]:
        """A dialog takes the keyboard from the chat client; the composition root hands it back after."""
        self.keyboard_requested.emit(True)
        try:
            yield
        finally:
            self.keyboard_requested.emit(False)

    def show_settings(self, settings: SettingsBridge) -> None:
        dialog = ReminderSettingsDialog(settings, self)
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

    def _ask_save_file(self, now: dt.datetime) -> str:
        name = f"催付转化-{now:%Y%m%d}.csv"
        with self._keyboard():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出催付转化"), name, self.tr("CSV 文件 (*.csv)"))
        return path

    def _ask_order(self, order_id: str, zone: dt.tzinfo, now: dt.datetime) -> Order | None:
        dialog = OrderDialog(zone, now, order_id, parent=self)
        try:
            with self._keyboard():
                return dialog.order() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def _show_message(self, title: str, text: str) -> None:
        with self._keyboard():
            inform(self, title, text)
