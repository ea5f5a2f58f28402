"""The 客户 tab: starred and tagged buyers, searchable; a buyer's promises, orders and reminder history;
editing in a dialog (the overlay itself never takes the keyboard except while searching)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.customers import STAR_LABELS, Customer
from desktop.core.orders import OrderStatus, format_amount
from desktop.core.reminders import STATE_LABELS, zone_from
from desktop.core.ui_text import QT_TRANSLATE_NOOP
from desktop.services.customers import CustomerDetails, apply_customer_edit, customer_details, load_customers
from desktop.ui.customers.dialog import CustomerDialog, CustomerEdit
from desktop.ui.customers.model import CustomerFilterProxy, CustomerListModel
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets.language import label

ORDER_STATUS_LABELS = {
    OrderStatus.AWAITING_PAYMENT: QT_TRANSLATE_NOOP("Labels", "待付款"),
    OrderStatus.PAID: QT_TRANSLATE_NOOP("Labels", "已付款"),
    OrderStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "已关闭"),
}
EVENT_LABELS = {
    "reminded": QT_TRANSLATE_NOOP("Labels", "催付"), "snoozed": QT_TRANSLATE_NOOP("Labels", "推迟"),
    "paid": QT_TRANSLATE_NOOP("Labels", "已付款"), "closed": QT_TRANSLATE_NOOP("Labels", "已关闭"),
    "expired": QT_TRANSLATE_NOOP("Labels", "超时关闭"),
}
MAX_ORDERS_SHOWN = 10
MAX_HISTORY_SHOWN = 15


class CustomersPanel(QWidget):
    keyboard_requested = Signal(bool)  # the search box wants the keyboard (True) or is done with it (False)
    remind_requested = Signal(str)  # 加入催付 for an order of this buyer (not used by the panel itself yet)

    def __init__(self, runner: Runner, settings: SettingsBridge, *, clock: Callable[[], dt.datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.details: CustomerDetails | None = None
        self._searching = False  # the search box holds the keyboard until Esc
        self.edit_customer: Callable[[CustomerDetails], CustomerEdit | None] = self._run_dialog

        self.model = CustomerListModel(self)
        self.proxy = CustomerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.proxy.set_query)
        self.search_box.installEventFilter(self)
        self.starred_box = QCheckBox(self)
        self.starred_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.starred_box.toggled.connect(self.proxy.set_starred_only)
        self.list_view = QListView(self)
        self.list_view.setModel(self.proxy)
        self.list_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list_view.selectionModel().currentChanged.connect(self._on_list_view_current_changed)
        self.list_view.doubleClicked.connect(lambda _index: self.edit_current())
        self.details_view = QTextBrowser(self)
        self.details_view.setOpenLinks(False)  # the details are built from escaped text: no link is ours
        self.details_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button = QPushButton(self)
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(self.edit_current)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.starred_box)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list_view)
        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.details_view, 1)
        details_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter.addWidget(details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)  # the 建议 tab's margins: tabs line up when switched
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()
        self.edit_button.setEnabled(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("搜索昵称、标签、备注"))
        self.starred_box.setText(self.tr("只看亮星"))
        self.edit_button.setText(self.tr("编辑…"))
        self.details_view.setPlaceholderText(self.tr("选中一位客户查看详情"))
        if self.details is not None:
            self.details_view.setHtml(self._details_html(self.details))

    @property
    def zone(self) -> dt.tzinfo:
        return zone_from(self.settings.get)

    def now(self) -> dt.datetime:
        return self.clock().astimezone(self.zone)

    # loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        zone = self.zone
        self.runner.db(lambda services: load_customers(services, zone), self.model.set_customers, owner=self)

    def show_customer(self, nickname: str) -> None:
        """查看客户: select the buyer (a buyer without a record yet shows their orders all the same)."""
        self.search_box.clear()
        row = self.model.row_of(nickname)
        if row >= 0:
            self.list_view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row)))
        self._load_details(nickname)

    def _on_list_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._load_details(self.proxy.customer(current.row()).nickname)

    def _load_details(self, nickname: str) -> None:
        zone = self.zone
        self.runner.db(lambda services: customer_details(services, zone, nickname), self.set_details,
                       owner=self)

    def set_details(self, details: CustomerDetails) -> None:
        self.details = details
        self.edit_button.setEnabled(True)
        self.details_view.setHtml(self._details_html(details))

    def _details_html(self, d: CustomerDetails) -> str:
        esc = html.escape  # every value below came from a buyer, an order export or an agent

        c = d.customer
        star = label(STAR_LABELS[c.star]) if c.star else self.tr("未亮星")
        parts = [f"<b>{esc(c.nickname)}</b> · {star}"]
        if c.tags:
            parts.append(self.tr("标签：") + esc("、".join(c.tags)))
        if c.note:
            parts.append(self.tr("备注：") + esc(c.note).replace("\n", "<br>"))
        open_promises = [p for p in d.promises if not p.done]
        if open_promises:
            items = "".join(f"<br>· {esc(p.text)}{f'（{p.due:%m-%d %H:%M}）' if p.due else ''}"
                            for p in open_promises)
            parts.append(self.tr("待办承诺：") + items)
        if d.orders:
            rows = "".join(
                f"<br>· {esc(o.order_id)} · {label(ORDER_STATUS_LABELS[o.status])}"
                f"{' · ¥' + format_amount(o.amount) if o.amount is not None else ''} · {o.created_at:%m-%d %H:%M}"
                for o in d.orders[:MAX_ORDERS_SHOWN])
            parts.append(self.tr("订单：") + rows)
        if d.history:
            rows = "".join(f"<br>· {at:%m-%d %H:%M} {esc(label(EVENT_LABELS.get(kind, kind)))} · {esc(order_id)}"
                           for order_id, kind, at in d.history[:MAX_HISTORY_SHOWN])
            parts.append(self.tr("催付记录：") + rows)
        open_reminders = [r for r in d.reminders if r.is_open]
        if open_reminders:
            parts.append(self.tr("当前催付：") + "、".join(label(STATE_LABELS[r.state]) for r in open_reminders))
        return "<br>".join(parts)

    # editing ---------------------------------------------------------------------------------------
    def edit_current(self) -> None:
        if self.details is None:
            return
        edit = self.edit_customer(self.details)
        if edit is None:
            return
        zone, now = self.zone, self.now()
        self.runner.db(
            lambda services: apply_customer_edit(services, zone, edit.customer, edit.new_promises, edit.done, now),
            self._on_saved, owner=self)

    def _on_saved(self, details: CustomerDetails) -> None:
        self.model.update_customer(details.customer)
        self.set_details(details)

    def _run_dialog(self, details: CustomerDetails) -> CustomerEdit | None:
        self.keyboard_requested.emit(True)
        dialog = CustomerDialog(details.customer, details.promises, self.zone, self.now(), self)
        try:
            return dialog.result_edit() if dialog.exec() else None
        finally:
            dialog.deleteLater()
            self.keyboard_requested.emit(False)

    def customers(self) -> list[Customer]:
        return [self.proxy.customer(row) for row in range(self.proxy.rowCount())]

    # the search box borrows the keyboard ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box:
            if event.type() == QEvent.Type.MouseButtonPress and not self._searching:
                self._searching = True
                self.keyboard_requested.emit(True)
            elif (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                  and event.key() == Qt.Key.Key_Escape):
                self.search_box.clear()
                if self._searching:
                    self._searching = False
                    self.keyboard_requested.emit(False)
                return True
        return super().eventFilter(watched, event)
