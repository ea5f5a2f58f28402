"""日报: promises kept and missed, yesterday / this week / the last days, and the page."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.core.customers import Promise
from desktop.core.daily_report import DailyReport, DayFigures, add_rows, promise_outcomes, report_html

UTC = dt.UTC
NOW = dt.datetime(2026, 12, 4, 12, tzinfo=UTC)  # a Friday


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, tzinfo=UTC)


def test_a_promise_is_kept_when_done_in_time_and_missed_once_its_due_time_passed() -> None:
    promises = [
        Promise(1, "a", "周五前发货", due=at(3, 18), done_at=at(3, 9)),  # kept on the 3rd
        Promise(2, "b", "补寄赠品", due=at(2, 18), done_at=at(3, 9)),  # done late: missed on the 2nd
        Promise(3, "c", "回电话", due=at(3, 18)),  # never done, due passed: missed on the 3rd
        Promise(4, "d", "明天回复", due=at(5, 18)),  # not due yet: nothing
        Promise(5, "e", "改地址", done_at=at(1, 9)),  # no due time, done: kept
    ]
    rows = promise_outcomes(promises, NOW, UTC)
    assert sorted(rows) == [("promises_kept", dt.date(2026, 12, 1), 1), ("promises_kept", dt.date(2026, 12, 3), 1),
                            ("promises_missed", dt.date(2026, 12, 2), 1), ("promises_missed", dt.date(2026, 12, 3), 1)]


def test_yesterday_this_week_and_the_last_days() -> None:
    days: dict[dt.date, DayFigures] = {}
    add_rows(days, "counts", [("replies", "2026-11-30", 5), ("replies", "2026-12-03", 7), ("replies", "2026-11-29", 9),
                              ("reminders_orders", "2026-12-03", 4), ("reminders_paid", "2026-12-03", 1)])
    add_rows(days, "lost", [("价格太贵", "2026-12-03", 2)])
    report = DailyReport("小美的日报", NOW.date(), days)
    assert report.yesterday.counts["replies"] == 7 and report.yesterday.conversion == 0.25
    assert report.week.counts["replies"] == 12  # Monday 30 Nov to today; Sunday the 29th is last week
    trend = report.last_days(7)
    assert trend[0][0] == dt.date(2026, 11, 27) and trend[-1][0] == dt.date(2026, 12, 3)
    page = report_html(report)
    assert "小美的日报" in page and "价格太贵" in page and "25%" in page and "<svg" in page


def test_the_page_escapes_every_text() -> None:
    days = {dt.date(2026, 12, 3): DayFigures(feedback=Counter({"<b>运营</b>": 1}))}
    page = report_html(DailyReport("<i>x</i>", NOW.date(), days))
    assert "<b>运营" not in page and "&lt;b&gt;运营" in page and "<i>x" not in page
