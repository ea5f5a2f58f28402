"""The reminders feature inside the overlay: tabs, card on copy, 加入催付, paste through the Paster, focus."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.core.orders import Order, OrderStatus
from desktop.core.phrases import Phrase
from desktop.core.reminders import ReminderState
from desktop.services.context import Services
from desktop.store.customers import CustomerRepository
from desktop.store.orders import OrderRepository
from desktop.testing.fakes import FakeClipboardWatcher, FakeNotifier, FakePaster
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.reminders.feature import RemindersFeature
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell.overlay_window import OverlayWindow

from ..conftest import RecordingFocus

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def test_copy_card_remind_and_paste(qtbot, services: Services, settings: SettingsBridge) -> None:
    settings.set("shop_timezone", "Asia/Shanghai")
    services.phrases.save_all([Phrase("t-chase", "亲，{买家}，{商品}还没付款哦～", "催付", source="team")])
    now = dt.datetime.now(SHANGHAI)
    order = Order("3561234567890123456", "小猪佩奇2019", OrderStatus.PAID, now - dt.timedelta(hours=1),
                  Decimal("59.00"), "保温杯")
    OrderRepository(services.store.db, SHANGHAI).apply_import([order], now)
    CustomerRepository(services.store.db, SHANGHAI).write_handover("记得回访", now)

    window = OverlayWindow()
    qtbot.addWidget(window)
    clipboard, paster, notifier, focus = FakeClipboardWatcher(), FakePaster(), FakeNotifier(), RecordingFocus()
    feature = RemindersFeature(window, ImmediateTaskRunner(services), settings, clipboard, paster, notifier,
                               focus=focus)
    notes: list[str] = []
    feature.handover.show_note = lambda text, _at: notes.append(text)
    feature.start()
    qtbot.waitUntil(lambda: notes == ["记得回访"])
    assert window.tabs.count() == 3

    clipboard.copy("订单号 3561234567890123456")
    assert not feature.card.isHidden() and feature.card.name_label.text() == "小猪佩奇2019"
    feature.card.remind_button.click()  # 加入催付 for an order the store knows
    assert window.tabs.currentIndex() == feature.reminders_tab
    assert feature.reminders.selected_reminder().order_id == order.order_id

    feature.reminders.remind_selected()
    assert paster.texts == ["亲，小猪佩奇2019，保温杯还没付款哦～"]
    assert focus.calls == []  # pasting from the panel never takes the chat client's focus

    feature.card.view_button.click()
    assert window.tabs.currentIndex() == feature.customers_tab
    assert "小猪佩奇2019" in feature.customers.details_view.toPlainText()

    feature.customers.keyboard_requested.emit(True)
    feature.customers.keyboard_requested.emit(False)
    assert focus.calls == ["remember", "restore"]


def test_paid_on_the_card_is_the_tabs_paid(qtbot, services: Services, settings: SettingsBridge) -> None:
    settings.set("shop_timezone", "Asia/Shanghai")
    now = dt.datetime.now(SHANGHAI)
    order = Order("3561234567890123456", "小猪佩奇2019", OrderStatus.AWAITING_PAYMENT, now - dt.timedelta(hours=1),
                  Decimal("59.00"), "保温杯")
    repo = OrderRepository(services.store.db, SHANGHAI)
    repo.apply_import([order], now)
    window = OverlayWindow()
    qtbot.addWidget(window)
    clipboard = FakeClipboardWatcher()
    feature = RemindersFeature(window, ImmediateTaskRunner(services), settings, clipboard, FakePaster(), None)
    feature.handover.show_note = lambda _text, _at: None
    feature.start()
    assert "待催付 1" in feature.reminders_view.stats_label.text()

    clipboard.copy("小猪佩奇2019：拍了，怎么付款")
    card = feature.card
    assert not card.paid_button.isHidden()
    card.paid_button.click()

    assert repo.reminder(order.order_id).state is ReminderState.PAID
    assert [kind for kind, _at in repo.history(order.order_id)][-1] == "paid"  # what the tab's 已付款 records
    assert feature.reminders_view.stats_label.text().startswith("待催付 0")
    assert window.tabs.currentIndex() == 0  # the agent stays where she was
    assert not card.isHidden() and card.paid_button.isHidden()  # the card looked again: nothing left to mark
    clipboard.copy(f"订单 {order.order_id}")
    assert card.paid_button.isHidden() and card.remind_button.isHidden()  # paid: nothing to chase either

    feature.card.paid_requested.emit(order.order_id)  # a stale card (paid meanwhile elsewhere): said, not lost
    assert "标记已付款失败" in window.status_label.text()


def test_a_reminder_text_goes_through_the_overlays_checked_paste(qtbot, services: Services,
                                                                 settings: SettingsBridge) -> None:
    window = OverlayWindow()
    qtbot.addWidget(window)
    paster, checked = FakePaster(), []
    feature = RemindersFeature(window, ImmediateTaskRunner(services), settings, FakeClipboardWatcher(), paster,
                               None, paste_text=checked.append)
    feature.reminders.reply_requested.emit("亲，加微信再付款也行")
    assert checked == ["亲，加微信再付款也行"]
    assert paster.texts == []  # the controller's paste_text decides (and asks about 微信), not the raw Paster


def test_the_tab_titles_follow_a_language_switch(qtbot, services: Services, settings: SettingsBridge) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shell.i18n import Translations

    window = OverlayWindow()
    qtbot.addWidget(window)
    feature = RemindersFeature(window, ImmediateTaskRunner(services), settings, FakeClipboardWatcher(), FakePaster(),
                               None)
    assert window.tabs.tabText(feature.reminders_tab) == "催付"
    translations = Translations(QApplication.instance())
    try:
        assert translations.apply("en")
        qtbot.waitUntil(lambda: window.tabs.tabText(feature.reminders_tab) != "催付")
        assert window.tabs.tabText(feature.customers_tab) != "客户"
    finally:
        translations.remove()
    qtbot.waitUntil(lambda: window.tabs.tabText(feature.reminders_tab) == "催付")


def test_lost_sale_from_the_card_in_two_clicks_and_with_a_note(qtbot, monkeypatch, services: Services,
                                                               settings: SettingsBridge) -> None:
    from desktop.store.lost_sales import LostSaleRepository
    from desktop.ui.widgets.lost_sale import LostSaleNoteDialog

    settings.set("shop_timezone", "Asia/Shanghai")
    now = dt.datetime.now(SHANGHAI)
    order = Order("3561234567890123456", "小猪佩奇2019", OrderStatus.AWAITING_PAYMENT, now, Decimal("59.00"), "保温杯")
    OrderRepository(services.store.db, SHANGHAI).apply_import([order], now)
    window = OverlayWindow()
    qtbot.addWidget(window)
    clipboard, focus = FakeClipboardWatcher(), RecordingFocus()
    feature = RemindersFeature(window, ImmediateTaskRunner(services), settings, clipboard, FakePaster(), None,
                               focus=focus)
    feature.handover.show_note = lambda _text, _at: None
    feature.start()

    clipboard.copy("小猪佩奇2019：太贵了，再看看")
    button = feature.card.lost_button
    assert not button.isHidden() and button.focusPolicy() == Qt.FocusPolicy.NoFocus
    button.menu().aboutToShow.emit()  # the first click opens the reasons
    actions = {action.text(): action for action in button.menu().actions()}
    assert "价格太贵" in actions and "其他" in actions
    actions["价格太贵"].trigger()  # the second records it
    repo = LostSaleRepository(services.store.db)
    assert [(s.buyer, s.reason) for s in repo.since(now.date())] == [("小猪佩奇2019", "价格太贵")]
    assert "已记录未成交原因" in window.status_label.text()
    assert focus.calls == []  # recording never took the chat client's focus

    def answer(dialog: LostSaleNoteDialog) -> int:
        dialog.reason_box.setCurrentText("款式不新")
        dialog.note_edit.setText("想要今年的新款")
        return LostSaleNoteDialog.DialogCode.Accepted

    monkeypatch.setattr(LostSaleNoteDialog, "exec", answer)  # stands in for the agent at the dialog
    button.ask_with_note()
    assert repo.for_buyer("小猪佩奇2019")[0].note == "想要今年的新款"
    assert focus.calls == ["remember", "restore"]  # the note borrowed the keyboard and gave it back
