"""Payment reminders (催付): the state machine, auto-close deadlines, suggested nudges, urgency and conversion.

Pure and clock-free: every function takes `now` (timezone-aware). Deadlines are elapsed time (72 h after
the order are 72 real hours, also across a daylight-saving change), computed in UTC and shown in the shop's
zone. States: pending → reminded (count, last time) → paid / closed / expired.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from desktop.core.orders import format_amount
from desktop.core.phrases import Phrase
from desktop.core.templates import variables_in
from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText

REMINDER_GROUP = "催付"
BUILTIN_VARIABLES = ("问候", "日期")  # templates.render always fills these
# Platforms close unpaid orders within days; a longer close time is a typo (and settings clamp to it).
MAX_CLOSE_HOURS = 24 * 30


class ReminderState(StrEnum):
    PENDING = "pending"
    REMINDED = "reminded"
    PAID = "paid"
    CLOSED = "closed"
    EXPIRED = "expired"


OPEN_STATES = frozenset({ReminderState.PENDING, ReminderState.REMINDED})
STATE_LABELS = {
    # The window shows them translated (desktop.ui.shell.i18n.label); the CLI prints them as they are.
    ReminderState.PENDING: QT_TRANSLATE_NOOP("Labels", "待催付"),
    ReminderState.REMINDED: QT_TRANSLATE_NOOP("Labels", "已催付"),
    ReminderState.PAID: QT_TRANSLATE_NOOP("Labels", "已付款"),
    ReminderState.CLOSED: QT_TRANSLATE_NOOP("Labels", "已关闭"),
    ReminderState.EXPIRED: QT_TRANSLATE_NOOP("Labels", "已超时"),
}
# Which states each event may leave. An order our clock expired may still be paid (the platform extended it).
_TRANSITIONS: dict[str, frozenset[ReminderState]] = {
    "remind": OPEN_STATES,
    "pay": OPEN_STATES | {ReminderState.EXPIRED},
    "close": OPEN_STATES | {ReminderState.EXPIRED},
    "expire": OPEN_STATES,
    "snooze": OPEN_STATES,
}


class InvalidTransitionError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Reminder:
    order_id: str
    buyer: str
    created_at: dt.datetime
    amount: Decimal | None = None
    title: str = ""
    platform: str = ""
    state: ReminderState = ReminderState.PENDING
    remind_count: int = 0
    last_reminded_at: dt.datetime | None = None
    snoozed_until: dt.datetime | None = None
    settled_at: dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


def _check(reminder: Reminder, event: str) -> None:
    if reminder.state not in _TRANSITIONS[event]:
        raise InvalidTransitionError(f"{STATE_LABELS[reminder.state]}的催付不能再{event}")


def mark_reminded(reminder: Reminder, at: dt.datetime) -> Reminder:
    _check(reminder, "remind")
    return replace(reminder, state=ReminderState.REMINDED, remind_count=reminder.remind_count + 1,
                   last_reminded_at=at, snoozed_until=None)


def settle_paid(reminder: Reminder, at: dt.datetime) -> Reminder:
    _check(reminder, "pay")
    return replace(reminder, state=ReminderState.PAID, settled_at=at, snoozed_until=None)


def settle_closed(reminder: Reminder, at: dt.datetime) -> Reminder:
    _check(reminder, "close")
    return replace(reminder, state=ReminderState.CLOSED, settled_at=at, snoozed_until=None)


def expire(reminder: Reminder, at: dt.datetime) -> Reminder:
    _check(reminder, "expire")
    return replace(reminder, state=ReminderState.EXPIRED, settled_at=at, snoozed_until=None)


def snooze(reminder: Reminder, until: dt.datetime) -> Reminder:
    _check(reminder, "snooze")
    return replace(reminder, snoozed_until=until)


def after(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """`moment + delta` as elapsed time, in `moment`'s zone (aware arithmetic in one zone is wall-clock).

    Saturates at the ends of the calendar instead of raising: one order stored with a far-future date (or a
    huge close time) must not take the whole 催付 list down with "date value out of range".
    """
    try:
        return (moment.astimezone(dt.UTC) + delta).astimezone(moment.tzinfo)
    except OverflowError:
        edge = _LATEST if delta >= dt.timedelta(0) else _EARLIEST
        return edge.astimezone(moment.tzinfo)


# A day inside the calendar's ends, so that converting it to any zone still fits in a datetime.
_LATEST = dt.datetime(9999, 12, 30, tzinfo=dt.UTC)
_EARLIEST = dt.datetime(1, 1, 2, tzinfo=dt.UTC)


@dataclass(frozen=True)
class ReminderPolicy:
    """The deadlines and nudges, from settings: close after N hours (per platform), nudge after/before."""

    close_hours: int = 72
    first_nudge_minutes: int = 30
    last_nudge_minutes: int = 120
    close_hours_by_platform: Mapping[str, int] = field(default_factory=dict)

    def deadline(self, reminder: Reminder) -> dt.datetime:
        hours = self.close_hours_by_platform.get(reminder.platform, self.close_hours)
        return after(reminder.created_at, dt.timedelta(hours=hours))

    def nudges(self, reminder: Reminder) -> tuple[dt.datetime, ...]:
        """The suggested nudge times: soon after the order, and once more shortly before it closes."""
        first = after(reminder.created_at, dt.timedelta(minutes=self.first_nudge_minutes))
        last = after(self.deadline(reminder), -dt.timedelta(minutes=self.last_nudge_minutes))
        return (first,) if last <= first else (first, last)

    def next_nudge(self, reminder: Reminder) -> dt.datetime | None:
        """When to chase this buyer next (may be in the past: due now); None once nothing is left to do."""
        if not reminder.is_open:
            return None
        deadline = self.deadline(reminder)
        nudges = self.nudges(reminder)
        upcoming = nudges[min(reminder.remind_count, len(nudges) - 1):]
        if reminder.last_reminded_at is not None:
            upcoming = tuple(n for n in upcoming if n > reminder.last_reminded_at)
        if not upcoming:
            return None
        nudge = upcoming[0]
        if reminder.snoozed_until is not None and reminder.snoozed_until > nudge:
            nudge = reminder.snoozed_until
        return nudge if nudge < deadline else None

    def is_due(self, reminder: Reminder, now: dt.datetime) -> bool:
        nudge = self.next_nudge(reminder)
        return nudge is not None and nudge <= now

    def is_overdue(self, reminder: Reminder, now: dt.datetime) -> bool:
        return reminder.is_open and self.deadline(reminder) <= now

    def urgency_key(self, reminder: Reminder, now: dt.datetime) -> tuple[int, dt.datetime, str]:
        """Due nudges first (soonest deadline first), then the rest by their next nudge, then closed ones."""
        deadline = self.deadline(reminder)
        if not reminder.is_open:
            return (3, deadline, reminder.order_id)
        nudge = self.next_nudge(reminder)
        if nudge is not None and nudge <= now:
            return (0, deadline, reminder.order_id)
        if nudge is not None:
            return (1, nudge, reminder.order_id)
        return (2, deadline, reminder.order_id)

    def by_urgency(self, reminders: Iterable[Reminder], now: dt.datetime) -> list[Reminder]:
        return sorted(reminders, key=lambda r: self.urgency_key(r, now))

    def by_deadline(self, reminders: Iterable[Reminder]) -> list[Reminder]:
        return sorted(reminders, key=lambda r: (self.deadline(r), r.order_id))

    def next_due_time(self, reminders: Iterable[Reminder], now: dt.datetime) -> dt.datetime | None:
        """The earliest nudge still in the future: when a timer should next fire."""
        future = [n for r in reminders if (n := self.next_nudge(r)) is not None and n > now]
        return min(future, default=None)


def parse_platform_hours(text: str) -> dict[str, int]:
    """`"pdd=24, jd=24"` → {"pdd": 24, "jd": 24}; malformed parts are ignored, hours kept within 1–MAX_CLOSE_HOURS."""
    hours: dict[str, int] = {}
    for part in text.replace("，", ",").split(","):
        name, _, value = part.partition("=")
        if name.strip() and value.strip().isdigit():
            hours[name.strip().lower()] = min(max(int(value.strip()), 1), MAX_CLOSE_HOURS)
    return hours


def resolve_zone(name: str) -> dt.tzinfo:
    """The shop's zone by IANA name; empty or unknown means this computer's local zone."""
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return dt.datetime.now().astimezone().tzinfo or dt.UTC


# --- wording ---------------------------------------------------------------------------------------------

def friendly_time(moment: dt.datetime, now: dt.datetime) -> str:
    """How a buyer would say the time: 今天 18:00 / 明天 10:15 / 11月25日 10:15 (in `moment`'s zone)."""
    return str(friendly_time_text(moment, now))


def friendly_time_text(moment: dt.datetime, now: dt.datetime) -> UiText:
    """`friendly_time` for the window, which says it in the interface language (a buyer's text stays Chinese)."""
    days = (moment.date() - now.astimezone(moment.tzinfo).date()).days
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if days == 0:
        return UiText("Time", QT_TRANSLATE_NOOP("Time", "今天 %1"), (clock,))
    if days == 1:
        return UiText("Time", QT_TRANSLATE_NOOP("Time", "明天 %1"), (clock,))
    if days == 2:
        return UiText("Time", QT_TRANSLATE_NOOP("Time", "后天 %1"), (clock,))
    return UiText("Time", QT_TRANSLATE_NOOP("Time", "%1月%2日 %3"), (str(moment.month), str(moment.day), clock))


def short_title(title: str, limit: int = 16) -> str:
    """Product titles are keyword soup; a reminder names the start of it."""
    title = " ".join(title.split())
    return title if len(title) <= limit else title[:limit] + "…"


def template_values(reminder: Reminder, deadline: dt.datetime, now: dt.datetime, campaign: str = "") -> dict[str, str]:
    return {
        "买家": reminder.buyer,
        "商品": short_title(reminder.title),
        "金额": format_amount(reminder.amount),
        "截止时间": friendly_time(deadline, now),
        "活动": campaign,
    }


def choose_phrase(phrases: Sequence[Phrase], reminder: Reminder,
                  values: Mapping[str, str] | None = None) -> Phrase | None:
    """A different 催付 phrase for each nudge of the same order, so the buyer never reads one line twice.

    With `values`, phrases whose every variable has a value come first (a line about {活动} reads hollow
    when there is no campaign); the rotation falls back to all of them when none is fully filled.
    """
    candidates = [p for p in phrases if p.enabled and p.group == REMINDER_GROUP]
    if values is not None:
        known = {k for k, v in values.items() if v} | set(BUILTIN_VARIABLES)
        filled = [p for p in candidates if set(variables_in(p.text)) <= known]
        candidates = filled or candidates
    if not candidates:
        return None
    return candidates[reminder.remind_count % len(candidates)]


FALLBACK_TEXT = "亲，您拍下的{商品}还没有付款哦，订单将在{截止时间}自动关闭，有任何问题随时找我～"


# --- conversion ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DayConversion:
    day: dt.date
    sent: int  # reminders sent that day
    orders: int  # distinct orders reminded that day
    paid: int  # of those orders, how many were paid after the reminder

    @property
    def rate(self) -> float:
        return self.paid / self.orders if self.orders else 0.0


def conversion_by_day(
    sent: Iterable[tuple[str, dt.datetime]], paid_at: Mapping[str, dt.datetime], zone: dt.tzinfo
) -> list[DayConversion]:
    """Per shop-local day: reminders sent (order_id, time) and how many of those orders then paid."""
    by_day: dict[dt.date, list[tuple[str, dt.datetime]]] = {}
    for order_id, at in sent:
        by_day.setdefault(at.astimezone(zone).date(), []).append((order_id, at))
    days = []
    for day in sorted(by_day):
        events = by_day[day]
        first_sent: dict[str, dt.datetime] = {}
        for order_id, at in events:
            first_sent[order_id] = min(at, first_sent.get(order_id, at))
        paid = sum(1 for o, at in first_sent.items() if o in paid_at and paid_at[o] >= at)
        days.append(DayConversion(day, len(events), len(first_sent), paid))
    return days


CONVERSION_HEADER = ("日期", "催付次数", "催付订单数", "付款订单数", "催付转化率")


def conversion_rows(days: Iterable[DayConversion]) -> list[tuple[str, ...]]:
    return [(d.day.isoformat(), str(d.sent), str(d.orders), str(d.paid), f"{d.rate:.1%}") for d in days]


def policy_from(get: Callable[[str], Any]) -> ReminderPolicy:
    """The policy from settings (`get` is `Settings.get`), so the CLI and the window read them the same way."""
    return ReminderPolicy(
        close_hours=int(get("order_close_hours")),
        first_nudge_minutes=int(get("first_nudge_minutes")),
        last_nudge_minutes=int(get("last_nudge_minutes")),
        close_hours_by_platform=parse_platform_hours(str(get("order_close_hours_by_platform"))),
    )


def zone_from(get: Callable[[str], Any]) -> dt.tzinfo:
    """The shop's zone from settings (`get` is `Settings.get`)."""
    return resolve_zone(str(get("shop_timezone")))
