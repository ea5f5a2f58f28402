"""The 催付 tab: the list model, one-action reminders through a synchronous runner, import, snooze, nudges."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zoneinfo
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.customers import REMINDED_TAG, StarColour
from desktop.core.orders import Order, OrderStatus
from desktop.core.phrases import Phrase
from desktop.core.reminders import Reminder, ReminderPolicy, ReminderState, mark_reminded
from desktop.services.context import Services
from desktop.store.customers import CustomerRepository
from desktop.store.orders import OrderRepository
from desktop.testing.fakes import FakeNotifier
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.reminders.controller import RemindersController
from desktop.ui.reminders.model import DueRole, OrderIdRole, ReminderListModel, StateRole
from desktop.ui.reminders.nudge_scheduler import NudgeScheduler
from desktop.ui.reminders.panel import RemindersPanel
from desktop.ui.runtime.qsettings_bridge import SettingsBridge

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
CHASE = Phrase("t-chase-1", "亲，{买家}，您拍的{商品}还没付款哦，{截止时间}前付款{活动}～", "催付", source="team")
CHASE_2 = Phrase("t-chase-2", "亲，{商品}共{金额}元，库存不多啦～", "催付", source="team")


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def unpaid(number: int, minutes_ago: int, now: dt.datetime = T0) -> Order:
    return Order(f"35612345678901{number:05d}", f"买家{number}", OrderStatus.AWAITING_PAYMENT,
                 now - dt.timedelta(minutes=minutes_ago), Decimal("128.00"), "秋冬加厚羊毛围巾女")


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def panel(qtbot, services: Services, settings: SettingsBridge,
          clock: Clock) -> tuple[RemindersController, FakeNotifier]:
    settings.set("shop_timezone", "Asia/Shanghai")
    settings.set("campaign", "，今晚满199减20")
    services.phrases.save_all([CHASE, CHASE_2])
    notifier = FakeNotifier()
    view = RemindersPanel()
    qtbot.addWidget(view)
    controller = RemindersController(view, ImmediateTaskRunner(services), settings, notifier, clock=clock, parent=view)
    return controller, notifier


def test_model_passes_the_model_tester(qapp, qtmodeltester) -> None:
    model = ReminderListModel(ReminderPolicy())
    reminders = [Reminder(o.order_id, o.buyer, o.created_at, o.amount, o.title) for o in (unpaid(1, 60), unpaid(2, 5))]
    model.set_reminders(reminders, T0)
    qtmodeltester.check(model)
    assert [model.index(r).data(OrderIdRole) for r in range(2)] == [unpaid(1, 60).order_id, unpaid(2, 5).order_id]
    assert model.index(0).data(DueRole) is True and model.index(1).data(DueRole) is False
    assert "买家1" in model.index(0).data() and "¥128.00" in model.index(0).data()
    model.set_now(T0 + dt.timedelta(hours=1))
    assert model.index(1).data(DueRole) is True
    model.set_reminders([], T0)
    qtmodeltester.check(model)


def test_one_action_pastes_a_personalised_phrase_counts_and_stars(panel, services: Services) -> None:
    widget, _ = panel
    OrderRepository(services.store.db, SHANGHAI).apply_import([unpaid(1, 60), unpaid(2, 5)], T0)
    widget.refresh()
    assert widget.model.rowCount() == 2
    assert widget.selected_reminder().order_id == unpaid(1, 60).order_id  # due first
    pasted: list[str] = []
    widget.reply_requested.connect(pasted.append)
    widget.remind_selected()
    assert pasted == ["亲，买家1，您拍的秋冬加厚羊毛围巾女还没付款哦，11月26日 07:00前付款，今晚满199减20～"]
    reminded = OrderRepository(services.store.db, SHANGHAI).reminder(unpaid(1, 60).order_id)
    assert (reminded.state, reminded.remind_count) == (ReminderState.REMINDED, 1)
    customer = CustomerRepository(services.store.db, SHANGHAI).get("买家1")
    assert customer.star is StarColour.RED and REMINDED_TAG in customer.tags
    # The next nudge of the same order uses the next phrase of the group.
    widget.select_order(unpaid(1, 60).order_id)
    widget.remind_selected()
    assert pasted[-1] == "亲，秋冬加厚羊毛围巾女共128.00元，库存不多啦～"
    assert "今日催付 2 次 / 1 单" in widget.view.stats_label.text()


def test_star_on_remind_can_be_turned_off(panel, services: Services, settings: SettingsBridge) -> None:
    widget, _ = panel
    settings.set("star_on_remind", False)
    OrderRepository(services.store.db, SHANGHAI).apply_import([unpaid(1, 60)], T0)
    widget.refresh()
    widget.remind_selected()
    assert CustomerRepository(services.store.db, SHANGHAI).get("买家1") is None


def test_snooze_paid_and_closed(panel, services: Services, clock: Clock) -> None:
    widget, _ = panel
    repo = OrderRepository(services.store.db, SHANGHAI)
    repo.apply_import([unpaid(1, 60), unpaid(2, 50), unpaid(3, 40)], T0)
    widget.refresh()
    widget.select_order(unpaid(1, 60).order_id)
    widget.snooze_selected()
    assert repo.reminder(unpaid(1, 60).order_id).snoozed_until == T0 + dt.timedelta(minutes=30)
    widget.select_order(unpaid(2, 50).order_id)
    widget.settle_selected(ReminderState.PAID)
    widget.select_order(unpaid(3, 40).order_id)
    widget.settle_selected(ReminderState.CLOSED)
    assert [widget.model.index(r).data(StateRole) for r in range(widget.model.rowCount())] == ["pending"]
    assert repo.reminder(unpaid(2, 50).order_id).state is ReminderState.PAID


def test_import_through_the_panel_reports_skipped_rows(panel, tmp_path: Path) -> None:
    widget, _ = panel
    buffer = io.StringIO()
    csv.writer(buffer).writerows([
        ["订单编号", "买家会员名", "总金额", "订单状态", "订单创建时间", "宝贝标题"],
        ['="3561234567890123456"', "tb_a", "59.00", "等待买家付款", "2024-11-23 07:00:00", "保温杯"],
        ['="3561234567890123457"', "tb_b", "不详", "等待买家付款", "2024-11-23 07:10:00", "保温杯"],
    ])
    path = tmp_path / "export.csv"
    path.write_bytes(buffer.getvalue().encode("gbk"))
    messages: list[tuple[str, str]] = []
    widget.view.show_message = lambda title, text: messages.append((title, text))
    widget.view.choose_open_file = lambda: str(path)
    widget.import_orders()
    assert widget.model.rowCount() == 1
    assert "新增 1 单" in widget.view.status_label.text()
    assert "第 3 行" in messages[0][1]
    widget.view.choose_open_file = lambda: str(tmp_path / "missing.csv")
    widget.import_orders()
    assert "无法导入" in widget.view.status_label.text()


def test_add_from_clipboard_known_and_unknown_orders(panel, services: Services) -> None:
    widget, _ = panel
    repo = OrderRepository(services.store.db, SHANGHAI)
    paid = unpaid(1, 60)
    repo.apply_import([Order(paid.order_id, paid.buyer, OrderStatus.PAID, paid.created_at)], T0)
    widget.refresh()
    asked: list[str] = []
    widget.view.ask_order = lambda order_id, _zone, _now: asked.append(order_id) or None
    widget.add_from_clipboard(paid.order_id)
    assert asked == [] and widget.selected_reminder().order_id == paid.order_id
    widget.view.ask_order = lambda order_id, _zone, _now: asked.append(order_id) or unpaid(7, 3)
    widget.add_from_clipboard("3561234567890100007")
    assert asked == ["3561234567890100007"]
    assert widget.model.row_of(unpaid(7, 3).order_id) >= 0


def test_export_conversion_csv(panel, services: Services, tmp_path: Path) -> None:
    widget, _ = panel
    OrderRepository(services.store.db, SHANGHAI).apply_import([unpaid(1, 60)], T0)
    widget.refresh()
    widget.remind_selected()
    target = tmp_path / "conv.csv"
    widget.view.choose_save_file = lambda _now: str(target)
    widget.export_conversion()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["日期,催付次数,催付订单数,付款订单数,催付转化率", "2024-11-23,1,1,0,0.0%"]


def test_nudge_notification_is_timed_and_clicking_selects_the_order(panel, services: Services, clock: Clock,
                                                                    qtbot) -> None:
    widget, notifier = panel
    OrderRepository(services.store.db, SHANGHAI).apply_import([unpaid(1, 60), unpaid(2, 10)], T0)
    widget.refresh()
    scheduler = widget.scheduler
    assert notifier.notifications == []  # already due at start: marked in the list, not announced
    assert scheduler.next_at == T0 + dt.timedelta(minutes=20)
    assert scheduler.timer.isActive() and scheduler.timer.interval() == 20 * 60 * 1000
    clock.now = T0 + dt.timedelta(minutes=20)
    with qtbot.waitSignal(widget.attention_requested):
        assert scheduler.check() == [unpaid(2, 10).order_id]
        (note,) = notifier.notifications
        assert note.key == "reminder:" + unpaid(2, 10).order_id and "买家2" in note.body
        notifier.click(note.key)
    assert widget.selected_reminder().order_id == unpaid(2, 10).order_id
    assert scheduler.check() == []  # each nudge is announced once


def test_scheduler_summarises_several_due_nudges_and_plans_after_snooze(qtbot, clock: Clock) -> None:
    notifier = FakeNotifier()
    scheduler = NudgeScheduler(notifier, ReminderPolicy(), clock)
    reminders = [Reminder(f"o{n}", f"b{n}", T0 - dt.timedelta(minutes=25)) for n in range(3)]
    scheduler.set_reminders(reminders)
    assert scheduler.next_at == T0 + dt.timedelta(minutes=5)
    clock.now = T0 + dt.timedelta(minutes=6)
    assert len(scheduler.check()) == 3
    assert [n.key for n in notifier.notifications] == ["reminders"]
    reminded = [mark_reminded(r, clock.now) for r in reminders]
    scheduler.set_reminders(reminded)
    assert scheduler.next_at == ReminderPolicy().nudges(reminders[0])[1]  # the last nudge before closing
    clock.now = T0 + dt.timedelta(hours=71, minutes=36)
    with qtbot.waitSignal(scheduler.deadlines_passed) as passed:
        scheduler.check()
    assert passed.args == [["o0", "o1", "o2"]]
    scheduler.set_reminders([])
    assert not scheduler.timer.isActive()


def test_reminder_settings_store_at_once_and_reject_unknown_zones(qtbot, settings: SettingsBridge) -> None:
    from desktop.ui.reminders.settings_dialog import ReminderSettingsDialog

    dialog = ReminderSettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.campaign.setText("双12")
    dialog.campaign.textEdited.emit("双12")  # QtTest's key clicks cannot type Chinese
    assert settings.get("campaign") == "双12"
    dialog.editors["order_close_hours"].setValue(24)
    assert settings.get("order_close_hours") == 24
    dialog.zone.setText("Mars/Olympus")
    dialog.zone.editingFinished.emit()
    assert settings.get("shop_timezone") == ""
    dialog.zone.setText("Europe/Berlin")
    dialog.zone.editingFinished.emit()
    assert settings.get("shop_timezone") == "Europe/Berlin"


def test_policy_follows_settings_changes(panel, services: Services, settings: SettingsBridge) -> None:
    widget, _ = panel
    OrderRepository(services.store.db, SHANGHAI).apply_import([unpaid(1, 60)], T0)
    settings.set("order_close_hours", 24)
    reminder = widget.model.reminder(0)
    assert widget.policy.deadline(reminder) == reminder.created_at + dt.timedelta(hours=24)


def test_import_with_the_real_task_runner_reads_on_io_and_stores_on_the_db_worker(
        qtbot, settings: SettingsBridge, kuaida_home: Path, tmp_path: Path) -> None:
    from desktop.services.context import open_services
    from desktop.ui.runtime.tasks import TaskRunner

    path = tmp_path / "export.csv"
    path.write_text("订单编号,买家会员名,订单状态,订单创建时间\n"
                    f"3561234567890123456,tb_a,等待买家付款,{dt.datetime.now():%Y-%m-%d %H:%M:%S}\n", encoding="utf-8")
    runner = TaskRunner(db_factory=lambda: open_services(kuaida_home))
    try:
        view = RemindersPanel()
        qtbot.addWidget(view)
        widget = RemindersController(view, runner, settings, FakeNotifier(), parent=view)
        with qtbot.waitSignal(widget.reminders_changed):
            widget.import_file(path)
        assert widget.model.rowCount() == 1 and "新增 1 单" in widget.view.status_label.text()
    finally:
        runner.shutdown()


def test_a_chase_phrase_fills_the_teams_campaign_as_the_suggestions_do(panel, services: Services,
                                                                       settings: SettingsBridge) -> None:
    """The 催付 tab used to leave {活动} empty when only the team ran a campaign; 建议 filled it."""
    from desktop.core.sync.keys import SigningKey
    from desktop.core.sync.pack import Promotion, TeamLibrary
    from desktop.store.team import TeamRepository

    widget, _ = panel
    settings.set("campaign", "")  # the agent set none: the team's running campaign fills {活动}
    chase = Phrase("t-chase-sale", "亲，{商品}还没付款哦[，{活动}期间下单更划算]～", "催付", source="team")
    day = T0.date()
    team = TeamLibrary(phrases=(chase,), promotions=(Promotion("双12", day, day + dt.timedelta(days=1)),))
    TeamRepository(services.store.db).apply(team, 2, "0" * 64, SigningKey.generate().public)
    OrderRepository(services.store.db, SHANGHAI).apply_import([unpaid(1, 60)], T0)
    widget.refresh()
    pasted: list[str] = []
    widget.reply_requested.connect(pasted.append)
    widget.remind_selected()
    assert pasted == ["亲，秋冬加厚羊毛围巾女还没付款哦，双12期间下单更划算～"]
    settings.set("campaign", "年货节")  # the agent's own setting wins, as in 建议
    widget.remind_selected()
    assert pasted[-1] == "亲，秋冬加厚羊毛围巾女还没付款哦，年货节期间下单更划算～"


def test_closing_an_unpaid_order_can_say_why_the_buyer_did_not_buy(panel, services: Services) -> None:
    from desktop.store.lost_sales import LostSaleRepository

    widget, _ = panel
    repo = OrderRepository(services.store.db, SHANGHAI)
    repo.apply_import([unpaid(1, 60), unpaid(2, 50)], T0)
    widget.refresh()
    widget.view.close_menu.aboutToShow.emit()  # the first click on 关闭 opens the choice
    entries = [action.text() for action in widget.view.close_menu.actions() if not action.isSeparator()]
    assert entries[0] == "关闭（不记原因）" and "价格太贵" in entries and entries[-1] == "其他"

    widget.select_order(unpaid(1, 60).order_id)
    next(a for a in widget.view.close_menu.actions() if a.text() == "价格太贵").trigger()
    widget.select_order(unpaid(2, 50).order_id)
    widget.view.close_menu.actions()[0].trigger()  # closed, no reason recorded
    assert repo.reminder(unpaid(1, 60).order_id).state is ReminderState.CLOSED
    assert repo.reminder(unpaid(2, 50).order_id).state is ReminderState.CLOSED
    lost = LostSaleRepository(services.store.db).since(T0.date() - dt.timedelta(days=1))
    assert [(sale.buyer, sale.reason) for sale in lost] == [(unpaid(1, 60).buyer, "价格太贵")]
