"""The customer card the overlay shows when the copied text names a known buyer or holds an order number:
star, tags, note, open promises and reminders, with 加入催付, 已付款 (the buyer's pending orders), 未成交 (why the
buyer did not buy) and 查看客户."""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.customers import STAR_HEX, STAR_LABELS
from desktop.core.reminders import Reminder, zone_from
from desktop.services.customers import CardData, card_for_text
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.language import label
from desktop.ui.widgets.lost_sale import LostSaleButton
from desktop.ui.widgets.plain_text import as_tooltip, plain_label

NOTE_CHARS = 40


class CustomerCard(QFrame):
    """Hidden until `show_for_text` finds something; never takes the focus (it lives in the overlay)."""

    remind_requested = Signal(str)  # 加入催付: the order number
    customer_requested = Signal(str)  # 查看客户: the nickname
    paid_requested = Signal(str)  # 已付款: the order number of an open reminder
    card_changed = Signal(bool)  # shown (True) or hidden (False) after a lookup

    def __init__(self, runner: Runner, settings: SettingsBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.data: CardData | None = None
        self._lookup = 0  # a newer copy overtakes an older lookup still on the worker
        self._text = ""  # the copy the card is about, kept in memory only, to look it up again after a change
        self.setObjectName("customerCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.star_label = plain_label(parent=self)
        self.name_label = plain_label(parent=self)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.tags_label = plain_label(parent=self)
        self.tags_label.setProperty("role", "muted")
        # One line, cut with … to the card's width (all of it on hover): the card leaves the replies their room.
        self.details_label = plain_label(parent=self)
        self.details_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details_label.setProperty("role", "muted")
        self._details_text = ""
        self.remind_button = QPushButton(self)
        self.paid_button = QPushButton(self)
        self.paid_menu = QMenu(self.paid_button)  # used when the buyer has several pending orders
        self.lost_button = LostSaleButton(runner, settings, self)
        self.view_button = QPushButton(self)
        for button in (self.remind_button, self.paid_button, self.view_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remind_button.clicked.connect(self._on_remind_button_clicked)
        self.paid_button.clicked.connect(self._on_paid_button_clicked)
        self.view_button.clicked.connect(self._on_view_button_clicked)

        # The buttons sit beside the name when they fit, else on a row of their own under the details (a large
        # font, a narrow window): the details always get the card's full width, never a squeezed column.
        self.buttons = QWidget(self)
        buttons = FlowLayout(self.buttons)
        for button in (self.remind_button, self.paid_button, self.lost_button, self.view_button):
            buttons.addWidget(button)
        self.header = QHBoxLayout()
        self.header.setSpacing(6)
        self.header.addWidget(self.star_label)
        self.header.addWidget(self.name_label, 1)
        self.tags_label.hide()  # the tags lead the details line, which wraps
        self.footer = QHBoxLayout()
        self._card_layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 8)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.details_label)
        layout.addLayout(self.footer)
        self._buttons_in_header = False
        self.footer.addWidget(self.buttons)
        self.retranslate()
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_buttons()
        self._fit_details()

    def _fit_details(self) -> None:
        width = self.details_label.contentsRect().width()
        shown = self.details_label.fontMetrics().elidedText(self._details_text, Qt.TextElideMode.ElideRight, width)
        self.details_label.setText(shown if width > 0 else self._details_text)
        self.details_label.setToolTip(as_tooltip(self._details_text) if shown != self._details_text else "")
        self.details_label.setVisible(bool(self._details_text))

    def _place_buttons(self) -> None:
        margins = self._card_layout.contentsMargins()
        frame = 2 * self.frameWidth() + margins.left() + margins.right() + 24  # the style sheet's side margins
        needed = (self.star_label.sizeHint().width() + self.name_label.sizeHint().width()
                  + self.buttons.sizeHint().width() + 2 * self.header.spacing() + frame)
        in_header = needed <= self.width()
        if in_header == self._buttons_in_header:
            return
        self._buttons_in_header = in_header
        (self.footer if in_header else self.header).removeWidget(self.buttons)
        (self.header if in_header else self.footer).addWidget(self.buttons)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.remind_button.setText(self.tr("加入催付"))
        self.paid_button.setText(self.tr("已付款"))
        self.view_button.setText(self.tr("查看客户"))
        if self.data is not None:
            self.set_data(self.data)

    def show_for_text(self, text: str) -> None:
        """Look the copied text up on the DB worker (the text is never logged); show or hide the card."""
        self._lookup += 1
        self._text = text
        lookup = self._lookup
        zone = zone_from(self.settings.get)
        self.runner.db(lambda services: card_for_text(services, zone, text),
                       lambda data: self.set_data(data) if lookup == self._lookup else None, owner=self)

    def reload(self) -> None:
        """Look the same copy up again (a reminder was settled or added): only while the card is shown."""
        if self.data is not None and self._text:
            self.show_for_text(self._text)

    def clear(self) -> None:
        self._lookup += 1
        self._text = ""
        self.set_data(None)

    def payable(self) -> list[Reminder]:
        """The pending orders 已付款 offers: the copied order's first, then the buyer's other open ones."""
        data = self.data
        if data is None:
            return []
        return sorted(data.open_reminders, key=lambda r: r.order_id != data.order_id)  # stable: keeps the rest

    def set_data(self, data: CardData | None) -> None:
        self.data = data
        if data is None:
            self.hide()
            self.card_changed.emit(False)
            return
        customer = data.customer
        star = customer.star if customer else None
        self.star_label.setText("★" if star else "☆")
        self.star_label.setStyleSheet(f"color: {STAR_HEX[star]};" if star else "")
        self.star_label.setToolTip(label(STAR_LABELS[star]) if star else self.tr("未亮星"))
        if data.nickname:
            self.name_label.setText(data.nickname)
        else:
            self.name_label.setText(self.tr("订单 %1").replace("%1", data.order_id))
        self.tags_label.setText("  ".join(customer.tags) if customer else "")
        self._details_text = self._details(data)
        self._place_buttons()
        self._fit_details()
        known_reminder = any(r.order_id == data.order_id for r in data.open_reminders)
        self.remind_button.setVisible(bool(data.order_id) and not known_reminder and not data.order_settled)
        self._set_paid_choices(self.payable())
        self.view_button.setVisible(bool(data.nickname))
        self.lost_button.buyer = data.nickname or ""
        self.lost_button.setVisible(bool(data.nickname))
        self.show()
        self.card_changed.emit(True)

    def _details(self, data: CardData) -> str:
        parts = ["  ".join(data.customer.tags)] if data.customer and data.customer.tags else []
        if data.customer and data.customer.note:
            note = " ".join(data.customer.note.split())
            parts.append(note if len(note) <= NOTE_CHARS else note[:NOTE_CHARS] + "…")
        if data.open_promises:
            first = data.open_promises[0]
            promise = self.tr("承诺：%1").replace("%1", first.text)
            if first.due is not None:
                promise += f"（{first.due:%m-%d %H:%M}）"
            if len(data.open_promises) > 1:
                promise += self.tr(" 等 %1 项").replace("%1", str(len(data.open_promises)))
            parts.append(promise)
        counts = []
        if data.open_reminders:
            counts.append(self.tr("待催付 %1 单").replace("%1", str(len(data.open_reminders))))
        if data.order_count:
            counts.append(self.tr("订单 %1 笔").replace("%1", str(data.order_count)))
        if not data.nickname:
            counts.append(self.tr("未导入的订单号"))
        if counts:
            parts.append(" · ".join(counts))
        return " · ".join(parts)  # one paragraph across the card's width: fewer lines than one per part

    def _on_remind_button_clicked(self) -> None:
        if self.data is not None and self.data.order_id:
            self.remind_requested.emit(self.data.order_id)

    def _set_paid_choices(self, payable: list[Reminder]) -> None:
        """One pending order: the button marks it. Several: the button opens a menu naming each."""
        self.paid_menu.clear()
        self.paid_button.setVisible(bool(payable))
        self.paid_button.setToolTip("")
        if len(payable) == 1:
            _drop_menu(self.paid_button)
            self.paid_button.setToolTip(self._order_label(payable[0]))
            return
        for reminder in payable:
            order_id = reminder.order_id
            self.paid_menu.addAction(self._order_label(reminder), functools.partial(self.paid_requested.emit, order_id))
        if payable:
            self.paid_button.setMenu(self.paid_menu)
        else:
            _drop_menu(self.paid_button)

    def _order_label(self, reminder: Reminder) -> str:
        parts = [self.tr("订单 %1").replace("%1", reminder.order_id)]
        if reminder.amount is not None:
            parts.append(f"¥{reminder.amount}")
        if reminder.title:
            parts.append(reminder.title)
        return " · ".join(parts)

    def _on_paid_button_clicked(self) -> None:
        payable = self.payable()
        if len(payable) == 1:  # with several, the button's menu asks which
            self.paid_requested.emit(payable[0].order_id)

    def _on_view_button_clicked(self) -> None:
        if self.data is not None and self.data.nickname:
            self.customer_requested.emit(self.data.nickname)


def _drop_menu(button: QPushButton) -> None:
    # Qt takes None to remove a button's menu; PySide6's stubs type the argument as QMenu only.
    button.setMenu(None)  # type: ignore[arg-type]
