"""日报 as use cases: the agent's own numbers from the local store, the team's from the stats files' counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from desktop.core.adoption import PICKED, Outcome
from desktop.core.daily_report import DailyReport, DayFigures, Days, add_rows, promise_outcomes
from desktop.services.context import Services
from desktop.store.adoption import AdoptionRepository
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
    add_rows(result, "counts", _adoption_rows(AdoptionRepository(db).counts(first)))
    add_rows(result, "lost", LostSaleRepository(db).counts_by_day(first))
    filed = Counter((item.department, item.created_at.astimezone(zone).date())
                    for item in FeedbackRepository(db).all() if item.created_at.astimezone(zone).date() >= first)
    add_rows(result, "feedback", ((dept, day, n) for (dept, day), n in filed.items()))
    return result


def _adoption_rows(counts: list[tuple[str, str, str, int]]) -> Iterator[tuple[str, str, int]]:
    """生成 and 采纳 by the market's definitions: buyer messages, those with suggestions shown, those answered
    from a suggestion or search (unchanged or edited)."""
    figure_of = {Outcome.MESSAGE.value: "messages", Outcome.SHOWN.value: "shown"} | {
        outcome.value: "adopted" for outcome in PICKED}
    for day, _phrase_id, outcome, count in counts:
        if outcome in figure_of:
            yield figure_of[outcome], day, count


def agent_report(services: Services, zone: dt.tzinfo, now: dt.datetime) -> DailyReport:
    name = str(services.settings.get("agent_name")) or "我"
    return DailyReport(f"{name}的日报", now.astimezone(zone).date(), agent_days(services, zone, now))


def team_report(daily: dict[dt.date, DayFigures], agents: int, today: dt.date) -> DailyReport:
    """The lead's report from the summed counts of the team's stats files (`TeamUsage.daily`)."""
    return DailyReport("团队日报", today, daily, agents)
