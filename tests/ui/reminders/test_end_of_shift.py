"""日清: open promises and reminders on one screen, ticking promises off, and the handover note next shift."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import Qt

from desktop.core.orders import Order, OrderStatus
from desktop.services.context import Services
from desktop.store.customers import CustomerRepository
from desktop.store.orders import OrderRepository
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.reminders.end_of_shift import EndOfShiftDialog, HandoverNotice
from desktop.ui.runtime.qsettings_bridge import SettingsBridge

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2024, 11, 23, 23, 30, tzinfo=SHANGHAI)


def test_end_of_shift_ticks_promises_and_hands_over(qtbot, services: Services, settings: SettingsBridge) -> None:
    settings.set("shop_timezone", "Asia/Shanghai")
    people = CustomerRepository(services.store.db, SHANGHAI)
    kept = people.add_promise("a", "周五前发货", T0 + dt.timedelta(days=1), T0)
    done = people.add_promise("b", "加赠品", T0 - dt.timedelta(hours=1), T0)
    orders = OrderRepository(services.store.db, SHANGHAI)
    orders.apply_import([Order("3561234567890123456", "c", OrderStatus.AWAITING_PAYMENT, T0)], T0)
    orders.mark_reminded("3561234567890123456", T0)
    runner = ImmediateTaskRunner(services)

    dialog = EndOfShiftDialog(runner, settings, clock=lambda: T0)
    qtbot.addWidget(dialog)
    dialog.load()
    assert dialog.promise_list.count() == 2 and dialog.reminder_list.count() == 1
    assert "已逾期" in dialog.promise_list.item(0).text()  # the overdue one comes first
    assert "今日催付 1 次 / 1 单" in dialog.summary_label.text()
    dialog.promise_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.note_edit.setPlainText("c 的订单明早再催一次")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert [p.id for p in people.promises(open_only=True)] == [kept.id]
    assert people.promises(nickname="b")[0].id == done.id and people.promises(nickname="b")[0].done

    shown: list[str] = []
    notice = HandoverNotice(runner, settings, clock=lambda: T0 + dt.timedelta(hours=9))
    notice.show_note = lambda text, at: shown.append(f"{at:%H:%M} {text}")
    notice.check()
    assert shown == ["23:30 c 的订单明早再催一次"]
    notice.check()  # read once: the next start shows nothing
    assert shown == ["23:30 c 的订单明早再催一次"]
