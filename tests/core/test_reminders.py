"""The 催付 state machine, deadlines and nudges across midnight and DST, urgency, wording and conversion."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest

from desktop.core.phrases import Phrase
from desktop.core.reminders import (
    InvalidTransitionError,
    Reminder,
    ReminderPolicy,
    ReminderState,
    choose_phrase,
    conversion_by_day,
    conversion_rows,
    expire,
    friendly_time,
    mark_reminded,
    parse_platform_hours,
    resolve_zone,
    settle_closed,
    settle_paid,
    snooze,
    template_values,
)

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
POLICY = ReminderPolicy(close_hours=72, first_nudge_minutes=30, last_nudge_minutes=120)


def reminder(created: dt.datetime, **changes: object) -> Reminder:
    return Reminder("3561234567890123456", "小猪佩奇2019", created, Decimal("128.00"), "秋冬加厚羊毛围巾女", **changes)


def test_state_machine_happy_path() -> None:
    t = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
    r = reminder(t)
    assert r.state is ReminderState.PENDING and r.is_open
    r = mark_reminded(r, t + dt.timedelta(hours=1))
    r = mark_reminded(r, t + dt.timedelta(hours=5))
    assert r.state is ReminderState.REMINDED and r.remind_count == 2
    assert r.last_reminded_at == t + dt.timedelta(hours=5)
    r = settle_paid(r, t + dt.timedelta(hours=6))
    assert r.state is ReminderState.PAID and not r.is_open
    with pytest.raises(InvalidTransitionError):
        mark_reminded(r, t)
    with pytest.raises(InvalidTransitionError):
        settle_closed(r, t)


def test_expired_can_still_be_paid_or_closed_but_not_reminded() -> None:
    t = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
    expired = expire(reminder(t), t + dt.timedelta(hours=72))
    assert expired.state is ReminderState.EXPIRED
    assert settle_paid(expired, t + dt.timedelta(hours=73)).state is ReminderState.PAID
    assert settle_closed(expired, t + dt.timedelta(hours=73)).state is ReminderState.CLOSED
    with pytest.raises(InvalidTransitionError):
        mark_reminded(expired, t)
    with pytest.raises(InvalidTransitionError):
        snooze(expired, t)


def test_deadline_and_nudges_across_midnight() -> None:
    created = dt.datetime(2024, 11, 23, 23, 50, tzinfo=SHANGHAI)
    r = reminder(created)
    assert POLICY.deadline(r) == dt.datetime(2024, 11, 26, 23, 50, tzinfo=SHANGHAI)
    first = POLICY.next_nudge(r)
    assert first == dt.datetime(2024, 11, 24, 0, 20, tzinfo=SHANGHAI)
    assert not POLICY.is_due(r, dt.datetime(2024, 11, 24, 0, 19, tzinfo=SHANGHAI))
    assert POLICY.is_due(r, dt.datetime(2024, 11, 24, 0, 20, tzinfo=SHANGHAI))
    r = mark_reminded(r, dt.datetime(2024, 11, 24, 9, 0, tzinfo=SHANGHAI))
    assert POLICY.next_nudge(r) == dt.datetime(2024, 11, 26, 21, 50, tzinfo=SHANGHAI)
    r = mark_reminded(r, dt.datetime(2024, 11, 26, 22, 0, tzinfo=SHANGHAI))
    assert POLICY.next_nudge(r) is None


def test_deadline_is_elapsed_time_across_spring_forward_in_berlin() -> None:
    created = dt.datetime(2024, 3, 30, 10, 0, tzinfo=BERLIN)  # CET; clocks jump on 31 March 02:00
    deadline = POLICY.deadline(reminder(created))
    assert deadline.astimezone(dt.UTC) - created.astimezone(dt.UTC) == dt.timedelta(hours=72)
    assert (deadline.hour, deadline.utcoffset()) == (11, dt.timedelta(hours=2))  # wall clock moved an hour
    # Same-zone aware arithmetic is wall-clock arithmetic: it would close the order an hour early.
    assert (created + dt.timedelta(hours=72)).hour == 10


def test_nudge_across_fall_back_in_new_york() -> None:
    created = dt.datetime(2024, 11, 3, 0, 45, tzinfo=NEW_YORK)  # EDT; 02:00 EDT becomes 01:00 EST
    policy = ReminderPolicy(close_hours=24, first_nudge_minutes=90, last_nudge_minutes=60)
    r = reminder(created)
    first = policy.next_nudge(r)
    assert first is not None
    assert first.astimezone(dt.UTC) - created.astimezone(dt.UTC) == dt.timedelta(minutes=90)
    assert (first.hour, first.minute, first.utcoffset()) == (1, 15, dt.timedelta(hours=-5))
    assert policy.deadline(r).hour == 23  # 24 real hours after 00:45 EDT is 23:45 EST the same day


def test_short_window_has_one_nudge_and_snooze_moves_it() -> None:
    created = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
    policy = ReminderPolicy(close_hours=2, first_nudge_minutes=30, last_nudge_minutes=120)
    r = reminder(created)
    assert len(policy.nudges(r)) == 1
    snoozed = snooze(r, created + dt.timedelta(minutes=50))
    assert policy.next_nudge(snoozed) == created + dt.timedelta(minutes=50)
    too_late = snooze(r, created + dt.timedelta(hours=3))
    assert policy.next_nudge(too_late) is None  # never nudge after the order closed
    assert mark_reminded(snoozed, created + dt.timedelta(hours=1)).snoozed_until is None


def test_platform_deadlines() -> None:
    created = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
    policy = ReminderPolicy(close_hours_by_platform=parse_platform_hours("pdd=24，jd = 48, bad=x"))
    assert policy.deadline(reminder(created, platform="pdd")) == created + dt.timedelta(hours=24)
    assert policy.deadline(reminder(created, platform="jd")) == created + dt.timedelta(hours=48)
    assert policy.deadline(reminder(created, platform="taobao")) == created + dt.timedelta(hours=72)


def test_urgency_puts_due_nudges_first_then_upcoming_then_closed() -> None:
    now = dt.datetime(2024, 11, 23, 12, 0, tzinfo=SHANGHAI)
    due_late = Reminder("a", "x", now - dt.timedelta(hours=2))
    due_soon = Reminder("b", "x", now - dt.timedelta(hours=70))
    upcoming = Reminder("c", "x", now - dt.timedelta(minutes=10))
    done = mark_reminded(Reminder("d", "x", now - dt.timedelta(hours=20)), now - dt.timedelta(hours=19))
    paid = settle_paid(Reminder("e", "x", now - dt.timedelta(hours=71)), now)
    ordered = POLICY.by_urgency([paid, upcoming, done, due_late, due_soon], now)
    assert [r.order_id for r in ordered] == ["b", "a", "c", "d", "e"]
    assert POLICY.next_due_time([paid, upcoming, done, due_late, due_soon], now) == now + dt.timedelta(minutes=20)
    assert [r.order_id for r in POLICY.by_deadline([due_late, due_soon])] == ["b", "a"]


def test_template_values_and_phrase_rotation() -> None:
    now = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)
    r = reminder(now - dt.timedelta(hours=60))
    values = template_values(r, POLICY.deadline(r), now, campaign="双11返场")
    assert values == {"买家": "小猪佩奇2019", "商品": "秋冬加厚羊毛围巾女", "金额": "128.00",
                      "截止时间": "今天 20:00", "活动": "双11返场"}
    phrases = [Phrase("p1", "a", group="催付"), Phrase("x", "b", group="欢迎语"), Phrase("p2", "c", group="催付")]
    assert choose_phrase(phrases, r).id == "p1"
    assert choose_phrase(phrases, mark_reminded(r, now)).id == "p2"
    assert choose_phrase(phrases[1:2], r) is None
    campaign = Phrase("p3", "{活动}开始啦", group="催付")
    without_campaign = {**values, "活动": ""}
    assert [choose_phrase([campaign, *phrases], r, without_campaign).id] == ["p1"]
    assert choose_phrase([campaign, *phrases], r, values).id == "p3"
    assert choose_phrase([campaign], r, without_campaign).id == "p3"  # nothing better: still a phrase


def test_friendly_time_across_midnight() -> None:
    now = dt.datetime(2024, 11, 23, 23, 30, tzinfo=SHANGHAI)
    assert friendly_time(dt.datetime(2024, 11, 24, 0, 10, tzinfo=SHANGHAI), now) == "明天 00:10"
    assert friendly_time(dt.datetime(2024, 11, 28, 9, 5, tzinfo=SHANGHAI), now) == "11月28日 09:05"


def test_conversion_by_shop_local_day() -> None:
    utc = dt.UTC
    sent = [
        ("a", dt.datetime(2024, 11, 23, 15, 30, tzinfo=utc)),  # 23:30 in Shanghai
        ("b", dt.datetime(2024, 11, 23, 16, 30, tzinfo=utc)),  # 00:30 next day in Shanghai
        ("b", dt.datetime(2024, 11, 23, 18, 0, tzinfo=utc)),
        ("c", dt.datetime(2024, 11, 23, 17, 0, tzinfo=utc)),
    ]
    paid = {"a": dt.datetime(2024, 11, 23, 16, 0, tzinfo=utc), "b": dt.datetime(2024, 11, 24, 1, 0, tzinfo=utc),
            "c": dt.datetime(2024, 11, 23, 16, 0, tzinfo=utc)}  # c paid before it was chased: no credit
    days = conversion_by_day(sent, paid, SHANGHAI)
    assert [(d.day.isoformat(), d.sent, d.orders, d.paid) for d in days] == [
        ("2024-11-23", 1, 1, 1), ("2024-11-24", 3, 2, 1)]
    assert conversion_rows(days)[1] == ("2024-11-24", "3", "2", "1", "50.0%")


def test_resolve_zone() -> None:
    assert resolve_zone("Europe/Berlin") == BERLIN
    assert resolve_zone("Not/AZone").utcoffset(dt.datetime(2024, 1, 1)) is not None


def test_a_far_future_order_does_not_break_deadlines_or_the_list() -> None:
    """Issue 11 #15: one reminder dated 9999-12-31 (stored before imports checked the year) made deadline
    arithmetic raise OverflowError and the whole 催付 list fail; now it saturates and sorts last."""
    now = dt.datetime(2024, 11, 23, 9, tzinfo=SHANGHAI)
    far = reminder(dt.datetime(9999, 12, 31, 23, 59, tzinfo=SHANGHAI))
    usual = Reminder("1", "b", now - dt.timedelta(hours=1))
    huge = ReminderPolicy(close_hours=10**9)
    for policy in (POLICY, huge):
        assert policy.deadline(far).year == 9999
        ordered = policy.by_urgency([far, usual], now)
        assert ordered[0] is usual
        policy.by_deadline([far, usual])
        policy.next_due_time([far, usual], now)
    assert huge.deadline(usual).year == 9999
