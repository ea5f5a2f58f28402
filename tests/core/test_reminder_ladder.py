"""The 催付 ladder (10 min, 30 min, 1–24 h, 1–2 h before closing), the phrase for each step, the fatigue caps,
and conversion per step and per phrase."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from desktop.core.default_library import load_default_library
from desktop.core.phrases import Phrase
from desktop.core.reminder_ladder import (
    FatigueCaps,
    SentReminder,
    Step,
    advise,
    check_caps,
    choose_step_phrase,
    conversion_by,
    phrase_step,
    step_conversion_rows,
)
from desktop.core.reminders import Reminder, ReminderPolicy, mark_reminded, policy_from
from desktop.settings import BY_KEY

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2026, 12, 4, 9, 0, tzinfo=SHANGHAI)
LADDER = policy_from(lambda key: BY_KEY[key].default)  # the settings' defaults: the trainers' ladder


def order(minutes_ago: float = 0, **changes: object) -> Reminder:
    return Reminder("o-1", "小猪佩奇", T0 - dt.timedelta(minutes=minutes_ago), **changes)


def test_the_default_schedule_follows_the_ladder() -> None:
    ladder = LADDER.ladder(order())
    assert [(moment - T0, step) for moment, step in ladder] == [
        (dt.timedelta(minutes=10), 1), (dt.timedelta(minutes=30), 2), (dt.timedelta(hours=6), 3),
        (dt.timedelta(hours=70), 4)]


def test_each_reminder_moves_the_order_one_step_on() -> None:
    reminder = order()
    steps = []
    for moment, _step in LADDER.ladder(reminder):
        steps.append(LADDER.next_step(reminder))
        reminder = mark_reminded(reminder, moment)
    assert steps == [1, 2, 3, 4] and LADDER.next_step(reminder) is None


def test_a_short_order_keeps_the_steps_that_fit_before_the_last() -> None:
    three_hours = ReminderPolicy(close_hours=3, first_nudge_minutes=10, last_nudge_minutes=120,
                                 middle_nudge_minutes=(30, 360))
    assert [step for _m, step in three_hours.ladder(order())] == [1, 2, 4]  # the last at 1 h: no room for 6 h
    two_hours = ReminderPolicy(close_hours=2, first_nudge_minutes=10, last_nudge_minutes=120,
                               middle_nudge_minutes=(30, 360))
    assert [step for _m, step in two_hours.ladder(order())] == [1]  # "2 h before closing" is the order time
    assert [step for _m, step in ReminderPolicy(close_hours=24, first_nudge_minutes=10,
                                                middle_nudge_minutes=(30, 360)).ladder(order())] == [1, 2, 3, 4]


def test_an_order_seen_late_is_at_the_step_its_time_says() -> None:
    late = order(minutes_ago=45)  # imported 45 min after it was placed, never reminded
    assert LADDER.next_step(late) == 1  # the first nudge is still owed (due now)
    assert LADDER.is_due(late, T0)


def test_each_step_gets_a_phrase_about_what_it_is_for() -> None:
    phrases = load_default_library()
    reminder = order()
    first = choose_step_phrase(phrases, Step.FIRST, reminder)
    argument = choose_step_phrase(phrases, Step.ARGUMENT, reminder)
    last = choose_step_phrase(phrases, Step.LAST, reminder)
    assert first is not None and ("问题" in first.text or "疑问" in first.text)
    assert argument is not None and any(cue in argument.text for cue in ("库存", "优惠", "活动"))
    assert last is not None and "关闭" in last.text
    tagged = Phrase("mine", "亲，记得付款哦", "催付", keywords=("催付最后",), source="personal")
    assert phrase_step(tagged) is Step.LAST
    assert choose_step_phrase([tagged], Step.FIRST, reminder) is tagged  # a step without its own borrows


def test_caps_one_reminder_a_day_per_buyer_across_orders_and_quiet_after_three_in_three_days() -> None:
    caps = FatigueCaps()
    yesterday_evening = T0 - dt.timedelta(hours=15)
    assert not check_caps("o-1", [("o-1", T0 - dt.timedelta(minutes=20))], T0, caps).blocks(T0)  # the ladder
    other = check_caps("o-1", [("o-2", yesterday_evening)], T0, caps)
    assert other.blocks(T0) and other.wait_until == yesterday_evening + dt.timedelta(hours=24)
    assert "24小时内已催过" in other.describe()
    assert not other.blocks(yesterday_evening + dt.timedelta(hours=25))
    four = [("o-1", T0 - dt.timedelta(hours=h)) for h in (1, 20, 40, 60)]
    assert check_caps("o-1", four, T0, caps).left_alone
    assert not check_caps("o-1", four[:3], T0, caps).left_alone  # three is not more than three
    assert not check_caps("o-1", four, T0 + dt.timedelta(days=2), caps).left_alone  # they age out


def test_advice_names_the_step_the_phrase_and_what_holds_it_back() -> None:
    reminder = order(minutes_ago=15)
    advice = advise(reminder, LADDER, [("o-2", T0 - dt.timedelta(hours=2))], T0, FatigueCaps(),
                    load_default_library())
    assert (advice.step, advice.label) == (Step.FIRST, "第1步 问顾虑")
    assert advice.phrase is not None and advice.phrase.group == "催付"
    assert not advice.due(LADDER, reminder, T0)  # due by the ladder, held back by the cap
    assert advise(reminder, LADDER, [], T0).due(LADDER, reminder, T0)


def test_conversion_credits_the_last_reminder_before_the_payment() -> None:
    sent = [SentReminder("a", T0, 1, "p-ask"), SentReminder("a", T0 + dt.timedelta(hours=1), 2, "p-stock"),
            SentReminder("b", T0, 1, "p-ask"), SentReminder("c", T0, None, ""),
            SentReminder("c", T0 + dt.timedelta(hours=2), None, "")]
    paid = {"a": T0 + dt.timedelta(hours=3), "b": T0 + dt.timedelta(minutes=5), "c": T0 + dt.timedelta(hours=1)}
    by_step = conversion_by(sent, paid, "step")
    assert step_conversion_rows(by_step) == [
        ("第1步 问顾虑", "3", "2", "66.7%"), ("第2步 再提醒", "2", "1", "50.0%")]  # c: the 1st, then a 2nd
    by_phrase = {row.key: (row.sent, row.paid) for row in conversion_by(sent, paid, "phrase")}
    assert by_phrase == {"p-ask": (2, 1), "p-stock": (1, 1), "未记录": (2, 1)}
