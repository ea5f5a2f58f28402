"""desktop/services/reminders.py and customers.py: the 催付 and 客户 use cases the window and the CLI share."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.orders import Order, OrderStatus
from desktop.core.phrases import Phrase
from desktop.core.reminders import Reminder, ReminderPolicy
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import Promotion, TeamLibrary
from desktop.core.templates import render
from desktop.services import customers, reminders
from desktop.services.context import Services, open_services
from desktop.services.values import agent_values
from desktop.store.team import TeamRepository

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
SALE = "亲，{商品}还没付款哦[，{活动}期间下单更划算]～"


@pytest.fixture
def services(kuaida_home: Path) -> Iterator[Services]:
    opened = open_services(kuaida_home)
    yield opened
    opened.close()


def unpaid(number: int, minutes_ago: int) -> Order:
    return Order(f"35612345678901{number:05d}", f"买家{number}", OrderStatus.AWAITING_PAYMENT,
                 T0 - dt.timedelta(minutes=minutes_ago), Decimal("59.00"), "保温杯")


def test_the_reminder_snapshot_carries_the_teams_campaign_of_the_shops_day(services: Services) -> None:
    day = T0.date()
    team = TeamLibrary(phrases=(Phrase("t-sale", SALE, "催付", source="team"),),
                       promotions=(Promotion("双12", day, day),))
    TeamRepository(services.store.db).apply(team, 2, "0" * 64, SigningKey.generate().public)
    reminders.add_order(services, SHANGHAI, unpaid(1, 30), T0)
    snapshot = reminders.load_reminders(services, ReminderPolicy(), SHANGHAI, T0)
    assert snapshot.campaign == "双12" and [p.id for p in snapshot.phrases] == ["t-sale"]
    later = reminders.load_reminders(services, ReminderPolicy(), SHANGHAI, T0 + dt.timedelta(days=1))
    assert later.campaign == ""


def test_reminder_text_fills_what_every_renderer_fills_and_the_orders_values_on_top(services: Services) -> None:
    reminder = Reminder("3561234567890100001", "买家1", T0, Decimal("59.00"), "保温杯")
    sale = Phrase("t-sale", SALE + "{客服}", "催付", source="team")
    deadline = T0 + dt.timedelta(days=1)
    services.settings.set("agent_name", "小美")
    text = reminders.reminder_text(reminder, [sale], deadline, T0, services.settings, "双12")
    assert text == "亲，保温杯还没付款哦，双12期间下单更划算～小美"
    # 建议 renders the same phrase with the same values (agent_values), so the two tabs agree on {活动}.
    assert render("[{活动}期间]", agent_values(services.settings, "双12"), T0) in text
    services.settings.set("campaign", "年货节")
    assert "年货节期间" in reminders.reminder_text(reminder, [sale], deadline, T0, services.settings, "双12")


def test_conversion_export_and_table_agree(services: Services, tmp_path: Path) -> None:
    reminders.add_order(services, SHANGHAI, unpaid(1, 30), T0)
    reminders.remind(services, SHANGHAI, unpaid(1, 30).order_id, T0, star=True)
    target = tmp_path / "conv.csv"
    assert reminders.export_conversion(services, SHANGHAI, target) == 1
    table = reminders.conversion_table(services, SHANGHAI)
    assert target.read_text(encoding="utf-8-sig").splitlines() == [",".join(row) for row in table]


def test_close_shift_ticks_promises_and_leaves_the_note_in_one_go(services: Services) -> None:
    from desktop.store.customers import CustomerRepository

    people = CustomerRepository(services.store.db, SHANGHAI)
    kept = people.add_promise("买家1", "明天补发赠品", None, T0).id
    people.add_promise("买家2", "周一回电", None, T0)
    reminders.close_shift(services, SHANGHAI, [kept], "买家2 周一回电", T0)
    assert [p.nickname for p in reminders.load_shift(services, SHANGHAI, T0).promises] == ["买家2"]
    note_id, text, _at = reminders.unread_handover(services, SHANGHAI)
    assert text == "买家2 周一回电"
    reminders.mark_handover_read(services, SHANGHAI, note_id, T0)
    assert reminders.unread_handover(services, SHANGHAI) is None


def test_list_customers_counts_open_promises_and_searches_like_the_tab(services: Services) -> None:
    from desktop.core.customers import Customer, StarColour
    from desktop.store.customers import CustomerRepository

    people = CustomerRepository(services.store.db, SHANGHAI)
    people.save(Customer("买家1", StarColour.RED, ("老客",)), T0)
    people.save(Customer("买家2"), T0)
    people.add_promise("买家1", "补发赠品", None, T0)
    listing = customers.list_customers(services, SHANGHAI, search="老客")
    assert [(row.customer.nickname, row.open_promises) for row in listing] == [("买家1", 1)]
    assert len(customers.list_customers(services, SHANGHAI)) == 2
