"""The by-hand form for an unpaid order (手动添加 / 加入催付 from a copied order number)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.core.clipboard_ids import platform_of
from desktop.core.orders import (
    FIRST_ORDER_YEAR,
    LAST_ORDER_YEAR,
    CellError,
    Order,
    OrderStatus,
    amount_from_cell,
    localize,
    order_id_from_cell,
)
from desktop.ui.widgets.plain_text import plain_label
from desktop.ui.widgets.qt_time import from_qdatetime, to_qdatetime


class OrderDialog(QDialog):
    """Asks for order number, buyer, amount, product and order time; `order()` is the result once accepted."""

    def __init__(self, zone: dt.tzinfo, now: dt.datetime, order_id: str = "", buyer: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setWindowTitle(self.tr("手动添加待付款订单"))
        self.order_id_edit = QLineEdit(order_id, self)
        self.buyer_edit = QLineEdit(buyer, self)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("例如 128.00"))
        self.title_edit = QLineEdit(self)
        self.time_edit = QDateTimeEdit(self)
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        # The years an order may carry (desktop.core.orders); Qt's default range reaches 9999.
        self.time_edit.setDateTimeRange(to_qdatetime(dt.datetime(FIRST_ORDER_YEAR, 1, 1)),
                                        to_qdatetime(dt.datetime(LAST_ORDER_YEAR, 12, 31, 23, 59)))
        self.time_edit.setDateTime(to_qdatetime(now.astimezone(zone).replace(tzinfo=None)))
        self.error_label = plain_label(parent=self)
        self.error_label.setProperty("role", "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("订单编号"), self.order_id_edit)
        form.addRow(self.tr("买家会员名"), self.buyer_edit)
        form.addRow(self.tr("金额"), self.amount_edit)
        form.addRow(self.tr("宝贝标题"), self.title_edit)
        form.addRow(self.tr("下单时间"), self.time_edit)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        (self.buyer_edit if order_id else self.order_id_edit).setFocus()
        self._order: Order | None = None

    def order(self) -> Order | None:
        return self._order

    def build_order(self) -> Order:
        """The order the form describes; CellError with a message for the agent when a field is wrong."""
        order_id = order_id_from_cell(self.order_id_edit.text())
        buyer = self.buyer_edit.text().strip()
        if not buyer:
            raise CellError(self.tr("请填写买家会员名"))
        amount = amount_from_cell(self.amount_edit.text())
        created = localize(from_qdatetime(self.time_edit.dateTime()), self.zone)
        return Order(order_id, buyer, OrderStatus.AWAITING_PAYMENT, created, amount, self.title_edit.text().strip(),
                     platform_of(order_id))

    def _on_buttons_accepted(self) -> None:
        try:
            self._order = self.build_order()
        except CellError as error:
            self.error_label.setText(str(error))
            return
        self.accept()
