"""日清: open promises and reminders on one screen, ticking promises off, and the handover note next shift: with
the promises still open, on this PC and, with a team folder, on the next agent's PC, each shown once."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core.handover import handover_file_name
from desktop.core.orders import Order, OrderStatus
from desktop.services.context import Services
from desktop.store.customers import CustomerRepository
from desktop.store.database import open_memory_store
from desktop.store.orders import OrderRepository
from desktop.store.phrases import PhraseRepository
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.reminders.end_of_shift import EndOfShiftDialog
from desktop.ui.reminders.handover import HandoverNotice
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
    # The note comes with the promises still open (the ticked one is gone), due times as the agent says them.
    expected = "23:30 c 的订单明早再催一次\n\n未完成的承诺（1）：\n· a：周五前发货（今天 23:30 到期）"
    assert shown == [expected]
    notice.check()  # read once: the next start shows nothing
    assert shown == [expected]


def test_a_handover_travels_through_the_team_folder_to_the_next_agent_once(
        qtbot, services: Services, settings: SettingsBridge, tmp_path: Path) -> None:
    settings.set("shop_timezone", "Asia/Shanghai")
    settings.set("shop_name", "快答小店")
    share = tmp_path / "share"
    share.mkdir()
    people = CustomerRepository(services.store.db, SHANGHAI)
    people.add_promise("小猪佩奇", "周五前发货", T0 + dt.timedelta(days=1), T0)
    day_shift = ImmediateTaskRunner(services)
    writer = HandoverNotice(day_shift, settings, clock=lambda: T0, shared_folder=lambda: share)
    dialog = EndOfShiftDialog(day_shift, settings, clock=lambda: T0)
    qtbot.addWidget(dialog)
    dialog.handover_written.connect(writer.share)
    dialog.load()
    dialog.note_edit.setPlainText("3 单待付款，明早再催")
    dialog.save()
    (written,) = (share / "handover").iterdir()
    assert "小猪佩奇" in written.read_text("utf-8") and "3 单待付款" in written.read_text("utf-8")

    night_store = open_memory_store()
    night = Services(services.paths, services.settings, night_store, PhraseRepository(night_store.db))
    shown: list[str] = []
    reader = HandoverNotice(ImmediateTaskRunner(night), settings, clock=lambda: T0 + dt.timedelta(hours=9),
                            shared_folder=lambda: share)
    reader.show_note = lambda text, at: shown.append(f"{at:%H:%M} {text}")
    reader.check()
    reader.check()  # once per agent
    assert shown == ["23:30 3 单待付款，明早再催\n\n未完成的承诺（1）：\n· 小猪佩奇：周五前发货（今天 23:30 到期）"]

    # The writer's own PC shows its note once, from its store, not a second time from the share.
    own: list[str] = []
    writer.show_note = lambda text, at: own.append(text)
    writer.check()
    writer.check()
    assert len(own) == 1
    night_store.close()


def test_a_damaged_or_unreachable_share_shows_nothing_and_says_so_when_writing(
        qtbot, services: Services, settings: SettingsBridge, tmp_path: Path) -> None:
    share = tmp_path / "share"
    (share / "handover").mkdir(parents=True)
    (share / "handover" / handover_file_name("")).write_bytes(b'{"kind": "kuaida-handover", "format": 1, "id": 5}')
    shown: list[str] = []
    reader = HandoverNotice(ImmediateTaskRunner(services), settings, shared_folder=lambda: share)
    reader.show_note = lambda text, at: shown.append(text)
    reader.check()
    assert shown == []

    unplugged = HandoverNotice(ImmediateTaskRunner(services), settings, shared_folder=lambda: tmp_path / "gone")
    with qtbot.waitSignal(unplugged.share_failed) as failed:
        unplugged.share("明早再催")
    assert "只在本机显示" in failed.args[0]
