"""The 客户 tab, the customer model and proxy, the overlay's customer card, and the customer dialog."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.core.customers import REMINDED_TAG, Customer, Promise, StarColour
from desktop.core.orders import Order, OrderStatus
from desktop.services.context import Services
from desktop.store.customers import CustomerRepository
from desktop.store.orders import OrderRepository
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.customers.card import CustomerCard
from desktop.ui.customers.dialog import CustomerDialog, CustomerEdit
from desktop.ui.customers.model import CustomerFilterProxy, CustomerListModel, NicknameRole, StarRole
from desktop.ui.customers.panel import CustomersPanel
from desktop.ui.reminders.order_dialog import OrderDialog
from desktop.ui.runtime.qsettings_bridge import SettingsBridge

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
ORDER = Order("3561234567890123456", "小猪佩奇2019", OrderStatus.AWAITING_PAYMENT, T0, Decimal("59.00"), "保温杯")
PEOPLE = [
    Customer("小猪佩奇2019", StarColour.RED, (REMINDED_TAG,), "喜欢粉色"),
    Customer("tb_vip_88", StarColour.PURPLE, ("VIP",), "老客户，每月回购"),
    Customer("plain_buyer"),
]


@pytest.fixture
def seeded(services: Services, settings: SettingsBridge) -> Services:
    settings.set("shop_timezone", "Asia/Shanghai")
    people = CustomerRepository(services.store.db, SHANGHAI)
    for customer in PEOPLE:
        people.save(customer, T0)
    people.add_promise("小猪佩奇2019", "周五前发货", T0 + dt.timedelta(days=1), T0)
    OrderRepository(services.store.db, SHANGHAI).apply_import([ORDER], T0)
    return services


def test_customer_model_and_proxy_pass_the_model_tester(qapp, qtmodeltester) -> None:
    model = CustomerListModel()
    model.set_customers(PEOPLE)
    qtmodeltester.check(model)
    proxy = CustomerFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_starred_only(True)
    assert [proxy.index(r, 0).data(NicknameRole) for r in range(proxy.rowCount())] == ["小猪佩奇2019", "tb_vip_88"]
    proxy.set_query("vip 回购")
    assert [proxy.index(r, 0).data(NicknameRole) for r in range(proxy.rowCount())] == ["tb_vip_88"]
    model.update_customer(Customer("tb_vip_88", StarColour.GREEN, ("VIP",), "老客户，每月回购"))
    assert proxy.index(0, 0).data(StarRole) == "green"
    model.update_customer(Customer("new_one", StarColour.BLUE, ("VIP",)))
    assert model.rowCount() == 4 and model.index(0).data(NicknameRole) == "new_one"
    qtmodeltester.check(proxy)


def test_panel_lists_searches_and_shows_details(qtbot, seeded: Services, settings: SettingsBridge) -> None:
    panel = CustomersPanel(ImmediateTaskRunner(seeded), settings, clock=lambda: T0)
    qtbot.addWidget(panel)
    panel.refresh()
    assert {c.nickname for c in panel.customers()} == {c.nickname for c in PEOPLE}
    panel.search_box.setText("粉色")
    assert [c.nickname for c in panel.customers()] == ["小猪佩奇2019"]
    panel.search_box.clear()
    panel.show_customer("小猪佩奇2019")
    text = panel.details_view.toPlainText()
    assert "周五前发货" in text and ORDER.order_id in text and "红星" in text


def test_editing_a_customer_saves_star_tags_note_and_promises(qtbot, seeded: Services,
                                                               settings: SettingsBridge) -> None:
    panel = CustomersPanel(ImmediateTaskRunner(seeded), settings, clock=lambda: T0)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.show_customer("plain_buyer")
    edited = Customer("plain_buyer", StarColour.YELLOW, ("退换货",), "换大一码")
    panel.edit_customer = lambda details: CustomerEdit(edited, [("明天回电", T0 + dt.timedelta(hours=3))], {})
    panel.edit_current()
    people = CustomerRepository(seeded.store.db, SHANGHAI)
    saved = people.get("plain_buyer")
    assert (saved.star, saved.tags, saved.note) == (StarColour.YELLOW, ("退换货",), "换大一码")
    assert [p.text for p in people.promises(nickname="plain_buyer")] == ["明天回电"]
    assert "明天回电" in panel.details_view.toPlainText()


def test_customer_dialog_collects_changes(qtbot) -> None:
    promise = Promise(7, "a", "加赠品", T0)
    dialog = CustomerDialog(Customer("a", None, ("VIP",)), [promise], SHANGHAI, T0)
    qtbot.addWidget(dialog)
    dialog.star_group.button(2).setChecked(True)  # 黄星
    dialog.add_tag("中差评风险")
    dialog.note_edit.setPlainText(" 要发顺丰 ")
    dialog.add_promise("周五前发货", None)
    dialog.promise_list.item(0).setCheckState(Qt.CheckState.Checked)
    edit = dialog.result_edit()
    assert edit.customer == Customer("a", StarColour.YELLOW, ("VIP", "中差评风险"), "要发顺丰")
    assert edit.new_promises == [("周五前发货", None)]
    assert edit.done == {7: True}


def test_card_shows_for_a_nickname_or_an_order_number(qtbot, seeded: Services, settings: SettingsBridge) -> None:
    card = CustomerCard(ImmediateTaskRunner(seeded), settings)
    qtbot.addWidget(card)
    requests: list[tuple[str, str]] = []
    card.remind_requested.connect(lambda o: requests.append(("remind", o)))
    card.customer_requested.connect(lambda n: requests.append(("view", n)))

    card.show_for_text("亲，订单3561234567890123456怎么还没发")
    assert not card.isHidden() and card.name_label.text() == "小猪佩奇2019"
    assert "周五前发货" in card.details_label.text()
    assert card.remind_button.isHidden()  # this order already has an open reminder
    card.view_button.click()

    card.show_for_text("3561234567890999999")  # an order number the store does not know
    assert not card.isHidden() and not card.remind_button.isHidden() and card.view_button.isHidden()
    card.remind_button.click()

    card.show_for_text("tb_vip_88")
    assert card.name_label.text() == "tb_vip_88" and "老客户" in card.details_label.text()

    card.show_for_text("亲，什么时候发货")
    assert card.isHidden()
    assert requests == [("view", "小猪佩奇2019"), ("remind", "3561234567890999999")]


def test_card_offers_paid_for_the_buyers_pending_orders(qtbot, seeded: Services, settings: SettingsBridge) -> None:
    card = CustomerCard(ImmediateTaskRunner(seeded), settings)
    qtbot.addWidget(card)
    paid: list[str] = []
    card.paid_requested.connect(paid.append)

    card.show_for_text("tb_vip_88")  # a known buyer without pending orders: nothing to mark
    assert card.paid_button.isHidden()

    card.show_for_text("小猪佩奇2019 在吗")  # one pending order: the button marks it
    assert not card.paid_button.isHidden() and card.paid_button.menu() is None
    assert ORDER.order_id in card.paid_button.toolTip()
    card.paid_button.click()
    assert paid == [ORDER.order_id]

    second = Order("3561234567890777777", "小猪佩奇2019", OrderStatus.AWAITING_PAYMENT, T0, Decimal("19.90"), "杯套")
    OrderRepository(seeded.store.db, SHANGHAI).apply_import([second], T0)
    card.show_for_text(f"订单 {second.order_id}")  # several: a menu, the copied order first
    menu = card.paid_button.menu()
    assert menu is not None
    actions = menu.actions()
    assert [second.order_id in a.text() for a in actions] == [True, False]
    assert "¥19.90" in actions[0].text() and "杯套" in actions[0].text()
    actions[1].trigger()
    assert paid == [ORDER.order_id, ORDER.order_id]


def test_order_dialog_builds_an_exact_order_or_says_what_is_wrong(qtbot) -> None:
    dialog = OrderDialog(SHANGHAI, T0, "3561234567890123456")
    qtbot.addWidget(dialog)
    dialog.buyer_edit.setText(" tb_new ")
    dialog.amount_edit.setText("¥59.9")
    order = dialog.build_order()
    assert (order.order_id, order.buyer, order.amount, order.platform) == (
        "3561234567890123456", "tb_new", Decimal("59.90"), "taobao")
    assert order.created_at == T0 and order.status is OrderStatus.AWAITING_PAYMENT
    dialog.order_id_edit.setText("3.56E+18")
    dialog.buttons.accepted.emit()
    assert "科学计数法" in dialog.error_label.text() and dialog.order() is None
