"""The daily numbers (日报): what an agent reviews at the start of a shift, for themselves or for the team.

Per day: replies pasted from Kuaida and messages nothing fitted, 催付 sent / orders reminded / paid after
it, promises kept and missed, buyers lost and why, feedback per department. An agent's report is built from
the local store; the lead's from the counts in the team's stats files (no buyer, no text, only numbers).
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop.core.customers import Promise
from desktop.core.ui_text import QT_TRANSLATE_NOOP

FIGURES: tuple[str, ...] = ("messages", "shown", "adopted", "replies", "unanswered", "reminders_sent",
                            "reminders_orders", "reminders_paid", "promises_kept", "promises_missed")
FIGURE_LABELS = {
    "messages": QT_TRANSLATE_NOOP("Labels", "买家消息"),  # the adoption counts (desktop/core/adoption.py)
    "shown": QT_TRANSLATE_NOOP("Labels", "有推荐（生成）"),
    "adopted": QT_TRANSLATE_NOOP("Labels", "采纳（直接或改后粘贴）"),
    "replies": QT_TRANSLATE_NOOP("Labels", "用快答回复"),
    "unanswered": QT_TRANSLATE_NOOP("Labels", "没有合适短语"),
    "reminders_sent": QT_TRANSLATE_NOOP("Labels", "催付次数"),
    "reminders_orders": QT_TRANSLATE_NOOP("Labels", "催付订单"),
    "reminders_paid": QT_TRANSLATE_NOOP("Labels", "催付后付款"),
    "promises_kept": QT_TRANSLATE_NOOP("Labels", "承诺按时完成"),
    "promises_missed": QT_TRANSLATE_NOOP("Labels", "承诺超时"),
}
CONVERSION_LABEL = QT_TRANSLATE_NOOP("Labels", "催付转化")  # paid after 催付 / orders reminded


@dataclass
class DayFigures:
    counts: Counter[str] = field(default_factory=Counter)  # FIGURES → number
    lost: Counter[str] = field(default_factory=Counter)  # 未成交 reason → buyers
    feedback: Counter[str] = field(default_factory=Counter)  # department → items filed

    def add(self, other: DayFigures) -> None:
        self.counts.update(other.counts)
        self.lost.update(other.lost)
        self.feedback.update(other.feedback)

    @property
    def conversion(self) -> float | None:
        orders = self.counts["reminders_orders"]
        return self.counts["reminders_paid"] / orders if orders else None


Days = dict[dt.date, DayFigures]


def add_rows(days: Days, part: str, rows: Iterable[tuple[str, str | dt.date, int]]) -> Days:
    """Fold (key, day, count) rows into `days`; `part` is "counts", "lost" or "feedback"."""
    for key, day, count in rows:
        date = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
        getattr(days.setdefault(date, DayFigures()), part)[key] += count
    return days


def promise_outcomes(promises: Iterable[Promise], now: dt.datetime, zone: dt.tzinfo) -> list[tuple[str, dt.date, int]]:
    """Kept: done by its due time (or done, with none), on the day it was done. Missed: its due time passed
    before it was done, on the day it fell due."""
    rows: list[tuple[str, dt.date, int]] = []
    for promise in promises:
        if promise.due is not None and (promise.done_at or now) > promise.due:
            if promise.due <= now:
                rows.append(("promises_missed", promise.due.astimezone(zone).date(), 1))
        elif promise.done_at is not None:
            rows.append(("promises_kept", promise.done_at.astimezone(zone).date(), 1))
    return rows


@dataclass(frozen=True)
class DailyReport:
    """`days` holds whatever days are known; the views below pick yesterday, this week and the last n days."""

    title: str
    today: dt.date
    days: Mapping[dt.date, DayFigures]
    agents: int | None = None  # the lead's report: how many agents' files were counted

    @property
    def yesterday(self) -> DayFigures:
        return self.days.get(self.today - dt.timedelta(days=1), DayFigures())

    @property
    def week(self) -> DayFigures:
        """Monday up to today."""
        total = DayFigures()
        monday = self.today - dt.timedelta(days=self.today.weekday())
        for day, figures in self.days.items():
            if monday <= day <= self.today:
                total.add(figures)
        return total

    def last_days(self, n: int = 7) -> list[tuple[dt.date, DayFigures]]:
        """The n days up to yesterday, oldest first, empty days included (a chart needs every day)."""
        first = self.today - dt.timedelta(days=n)
        return [(day, self.days.get(day, DayFigures())) for day in (first + dt.timedelta(days=i) for i in range(n))]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _svg_bars(values: list[tuple[str, float]], colour: str, width: int = 560, bar_height: int = 18) -> str:
    """A horizontal bar chart as inline SVG: opens in any browser and prints, no script, no dependency."""
    if not values:
        return "<p class='muted'>没有数据</p>"
    peak = max(value for _label, value in values) or 1
    label_width, rows = 120, []
    for i, (label, value) in enumerate(values):
        y = i * (bar_height + 6)
        length = (width - label_width - 60) * value / peak
        rows.append(f"<text x='0' y='{y + 13}'>{html.escape(label)}</text>"
                    f"<rect x='{label_width}' y='{y}' width='{length:.1f}' height='{bar_height}' fill='{colour}'/>"
                    f"<text x='{label_width + length + 6:.1f}' y='{y + 13}'>{value:g}</text>")
    height = len(values) * (bar_height + 6)
    return f"<svg width='{width}' height='{height}' font-size='12' font-family='sans-serif'>{''.join(rows)}</svg>"


def report_html(report: DailyReport) -> str:
    """The report as one page to keep or send on; every text escaped."""
    e = html.escape
    yesterday, week = report.yesterday, report.week
    scope = f"{report.agents} 位客服" if report.agents is not None else ""
    table = ["<table><tr><th></th><th>昨天</th><th>本周</th></tr>"]
    for figure in FIGURES:
        table.append(f"<tr><td>{FIGURE_LABELS[figure]}</td><td>{yesterday.counts[figure]}</td>"
                     f"<td>{week.counts[figure]}</td></tr>")
    table.append(f"<tr><td>{CONVERSION_LABEL}</td><td>{percent(yesterday.conversion)}</td><td>{percent(week.conversion)}</td>"
                 "</tr></table>")
    trend = [(f"{day:%m-%d}", float(figures.counts["replies"])) for day, figures in report.last_days(7)]
    lost = [(reason, float(n)) for reason, n in week.lost.most_common()]
    feedback = [(dept, float(n)) for dept, n in week.feedback.most_common()]
    return "\n".join([
        f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>{e(report.title)}</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:48em}table{border-collapse:collapse}"
        "td,th{border:1px solid #bbb;padding:4px 10px;text-align:right}td:first-child{text-align:left}"
        ".muted{color:#777}</style>",
        f"<h1>{e(report.title)}</h1><p class='muted'>{report.today.isoformat()} · {e(scope)}</p>",
        "<h2>昨天与本周</h2>", "".join(table),
        "<h2>最近 7 天用快答回复</h2>", _svg_bars(trend, "#e8703a"),
        "<h2>本周未成交原因</h2>", _svg_bars(lost, "#6a7fdb"),
        "<h2>本周意见反馈（按部门）</h2>", _svg_bars(feedback, "#3aa776"),
        "</html>",
    ])
