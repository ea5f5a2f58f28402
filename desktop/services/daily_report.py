"""日报 as use cases: the agent's own numbers from the local store, the team's from the stats files' counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.core.daily_report import DailyReport, DayFigures, Days, add_rows, promise_outcomes
from desktop.services.context import Services
from desktop.store.customers import CustomerRepository
from desktop.store.feedback import FeedbackRepository
from desktop.store.lost_sales import LostSaleRepository
from desktop.store.orders import OrderRepository
from desktop.store.team import TeamRepository

KEEP_DAYS = 30  # what the agent's report looks back on and what the stats file carries


def agent_days(services: Services, zone: dt.tzinfo, now: dt.datetime, days: int = KEEP_DAYS) -> Days:
    """Per shop-local day over the last `days` days, from this PC's store."""
    db = services.store.db
    first = now.astimezone(zone).date() - dt.timedelta(days=days)
    result: Days = {}
    add_rows(result, "counts", (("replies", day, uses) for _id, day, uses in services.phrases.uses_by_day(first)))
    add_rows(result, "counts", (("unanswered", day, n) for _intent, day, n in TeamRepository(db).no_match_by_day()
                                if day >= first.isoformat()))
    since = dt.datetime.combine(first, dt.time(), zone)
    for conversion in OrderRepository(db, zone).conversion(since):
        add_rows(result, "counts", [("reminders_sent", conversion.day, conversion.sent),
                                    ("reminders_orders", conversion.day, conversion.orders),
                                    ("reminders_paid", conversion.day, conversion.paid)])
    promises = CustomerRepository(db, zone).promises()
    add_rows(result, "counts", (row for row in promise_outcomes(promises, now, zone) if row[1] >= first))
    add_rows(result, "lost", LostSaleRepository(db).counts_by_day(first))
    filed = Counter((item.department, item.created_at.astimezone(zone).date())
                    for item in FeedbackRepository(db).all() if item.created_at.astimezone(zone).date() >= first)
    add_rows(result, "feedback", ((dept, day, n) for (dept, day), n in filed.items()))
    return result


def agent_report(services: Services, zone: dt.tzinfo, now: dt.datetime) -> DailyReport:
    name = str(services.settings.get("agent_name")) or "我"
    return DailyReport(f"{name}的日报", now.astimezone(zone).date(), agent_days(services, zone, now))


def team_report(daily: dict[dt.date, DayFigures], agents: int, today: dt.date) -> DailyReport:
    """The lead's report from the summed counts of the team's stats files (`TeamUsage.daily`)."""
    return DailyReport("团队日报", today, daily, agents)
