"""日报 from the store (the agent's) and from the stats files (the team's): the same figures both ways."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.core.lost_sales import LostSale
from desktop.core.orders import Order, OrderStatus
from desktop.services.context import open_services
from desktop.services.daily_report import agent_days, agent_report, team_report
from desktop.store.customers import CustomerRepository
from desktop.store.feedback import FeedbackRepository
from desktop.store.lost_sales import LostSaleRepository
from desktop.store.orders import OrderRepository
from desktop.sync.usage import read_team_usage, write_usage

UTC = dt.UTC


def test_the_agents_day_and_the_team_sum(tmp_path) -> None:
    services = open_services(tmp_path / "home")
    try:
        now = dt.datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)  # "yesterday" whatever the hour
        yesterday = now - dt.timedelta(days=1)
        today = now.date()
        phrase = services.phrases.all()[0]
        services.phrases.record_use(phrase.id, day=yesterday.date())
        services.phrases.record_use(phrase.id, day=yesterday.date())
        orders = OrderRepository(services.store.db, UTC)
        order = Order("3561234567890123456", "小猪", OrderStatus.AWAITING_PAYMENT, yesterday - dt.timedelta(hours=1),
                      Decimal("59"), "杯")
        orders.apply_import([order], yesterday)
        orders.mark_reminded(order.order_id, yesterday)
        customers = CustomerRepository(services.store.db, UTC)
        customers.add_promise("小猪", "今天发货", yesterday - dt.timedelta(hours=2), yesterday - dt.timedelta(hours=3))
        LostSaleRepository(services.store.db).record(LostSale("小狗", yesterday.date(), "不包邮"), yesterday)
        FeedbackRepository(services.store.db).add("物流", "送不上门", "", "小猪", yesterday)

        report = agent_report(services, UTC, now)
        figures = report.yesterday
        assert figures.counts["replies"] == 2 and figures.counts["reminders_sent"] == 1
        assert figures.counts["promises_missed"] == 1
        assert figures.lost == {"不包邮": 1} and figures.feedback == {"物流": 1}

        share = tmp_path / "share"
        share.mkdir()
        days = agent_days(services, UTC, now)
        write_usage(share, "aaaaaaaaaaaaaaaa", [], [], set(), today=today, daily=days)
        write_usage(share, "bbbbbbbbbbbbbbbb", [], [], set(), today=today, daily=days)
        usage = read_team_usage(share, since=today - dt.timedelta(days=30), today=today)
        team = team_report(usage.daily, usage.agents, today)
        assert team.agents == 2 and team.yesterday.counts["replies"] == 4
        assert team.yesterday.feedback == {"物流": 2}
        raw = next((share / "stats").iterdir()).read_text(encoding="utf-8")
        assert "小猪" not in raw and "送不上门" not in raw  # counts only
    finally:
        services.close()


def test_the_report_counts_generation_and_adoption_as_the_market_defines_them(tmp_path) -> None:
    from desktop.core.adoption import Count, Outcome
    from desktop.store.adoption import AdoptionRepository

    services = open_services(tmp_path / "home")
    try:
        now = dt.datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)  # "yesterday" whatever the hour
        day = (now - dt.timedelta(days=1)).date().isoformat()
        AdoptionRepository(services.store.db).add([
            Count(day, "", Outcome.MESSAGE), Count(day, "", Outcome.MESSAGE), Count(day, "", Outcome.MESSAGE),
            Count(day, "", Outcome.SHOWN), Count(day, "", Outcome.SHOWN), Count(day, "t-1", Outcome.TOP1),
            Count(day, "", Outcome.NO_PICK),
        ])
        counts = agent_report(services, UTC, now).yesterday.counts
        assert (counts["messages"], counts["shown"], counts["adopted"]) == (3, 2, 1)
    finally:
        services.close()
