"""The 催付 ladder and fatigue caps, as trainers teach them, with the numbers as shop settings.

The ladder (defaults): a first nudge ~10 min after the order (ask what is holding the buyer back), a second
~30 min after it, then stock or deadline arguments within 1–24 h (6 h by default), and a last one 1–2 h
before the order closes. `ReminderPolicy.ladder` lays the steps out for one order; a middle step that would
fall at or after the last one is left out (a 3-hour order keeps 10 min, 30 min and the last at 1 h; a 24-hour
PDD order keeps all four).

The caps: at most one reminder per buyer per 24 h, and a buyer reminded more than 3 times in 3 days is left
alone. The sources give both the ladder (10 and 30 minutes apart) and the daily cap, so the ladder's own
steps for one order are the exception to the 24-hour cap: what it stops is a buyer with several unpaid
orders, or one who ordered again, being chased once per order. The 3-in-3-days cap counts every reminder.

Conversion per step and per phrase credits a payment to the last reminder sent before it (last touch).
Pure and clock-free, like `desktop.core.reminders`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from desktop.core.phrases import Phrase
from desktop.core.reminders import BUILTIN_VARIABLES, REMINDER_GROUP, Reminder, ReminderPolicy
from desktop.core.templates import variables_in
from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText

_CONTEXT = "ReminderLadder"


class Step(IntEnum):
    FIRST = 1  # ask what is holding them back
    SECOND = 2  # a friendly reminder: reserved for you, ships today
    ARGUMENT = 3  # stock or the deadline
    LAST = 4  # the order closes soon


STEP_LABELS = {
    # The window shows them translated (desktop.ui.widgets.language.label); the CLI prints them as they are.
    Step.FIRST: QT_TRANSLATE_NOOP("Labels", "第1步 问顾虑"),
    Step.SECOND: QT_TRANSLATE_NOOP("Labels", "第2步 再提醒"),
    Step.ARGUMENT: QT_TRANSLATE_NOOP("Labels", "第3步 库存/截止"),
    Step.LAST: QT_TRANSLATE_NOOP("Labels", "最后提醒"),
}
# What a step's phrase talks about, read from the phrase text (a shop's own 催付 phrases carry no step). A
# phrase may name its step outright with a keyword (关键词) such as 催付第1步 … 催付最后.
_STEP_CUES: dict[Step, tuple[str, ...]] = {
    Step.LAST: ("自动关闭", "关闭"),
    Step.FIRST: ("问题", "疑问", "顾虑", "犹豫", "比较", "想好", "参谋"),
    Step.ARGUMENT: ("库存", "只剩", "仅剩", "优惠", "活动", "结束", "截止", "错过", "涨价", "原价"),
}
_STEP_KEYWORDS = {"催付第1步": Step.FIRST, "催付第2步": Step.SECOND, "催付第3步": Step.ARGUMENT, "催付最后": Step.LAST}
# A step without a phrase of its own borrows from the nearest one.
_FALLBACK = {Step.FIRST: (Step.FIRST, Step.SECOND), Step.SECOND: (Step.SECOND, Step.FIRST),
             Step.ARGUMENT: (Step.ARGUMENT, Step.LAST), Step.LAST: (Step.LAST, Step.ARGUMENT)}


def phrase_step(phrase: Phrase) -> Step:
    for keyword in phrase.keywords:
        if keyword in _STEP_KEYWORDS:
            return _STEP_KEYWORDS[keyword]
    for step, cues in _STEP_CUES.items():
        if any(cue in phrase.text for cue in cues):
            return step
    return Step.SECOND


def choose_step_phrase(phrases: Sequence[Phrase], step: Step, reminder: Reminder,
                       values: Mapping[str, str] | None = None) -> Phrase | None:
    """A 催付 phrase for `step`: its own phrases first (those whose variables all have values first), else the
    nearest step's; rotating with the reminder count so one order never reads the same line twice."""
    candidates = [p for p in phrases if p.enabled and p.group == REMINDER_GROUP]
    if values is not None:
        known = {k for k, v in values.items() if v} | set(BUILTIN_VARIABLES)
        candidates = [p for p in candidates if set(variables_in(p.text)) <= known] or candidates
    for wanted in _FALLBACK[step]:
        fitting = [p for p in candidates if phrase_step(p) is wanted]
        if fitting:
            return fitting[reminder.remind_count % len(fitting)]
    return candidates[reminder.remind_count % len(candidates)] if candidates else None


# --- caps ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FatigueCaps:
    gap_hours: int = 24  # one reminder per buyer per this many hours (the ladder of one order excepted)
    max_reminders: int = 3  # a buyer reminded more than this …
    window_days: int = 3  # … within this many days is left alone


@dataclass(frozen=True)
class CapCheck:
    left_alone: bool = False  # reminded too often lately: no more reminders for now
    wait_until: dt.datetime | None = None  # reminded about another order lately: not before this
    gap_hours: int = FatigueCaps.gap_hours

    def blocks(self, now: dt.datetime) -> bool:
        return self.left_alone or (self.wait_until is not None and self.wait_until > now)

    def text(self) -> UiText | None:
        """Why the caps hold the buyer back, for the window to translate; None when they do not."""
        if self.left_alone:
            return UiText(_CONTEXT, QT_TRANSLATE_NOOP("ReminderLadder", "近期催付过多，不再打扰"))
        if self.wait_until is not None:
            source = QT_TRANSLATE_NOOP("ReminderLadder", "%1小时内已催过该买家的其他订单（%2 后可再催）")
            return UiText(_CONTEXT, source, (str(self.gap_hours), f"{self.wait_until:%m-%d %H:%M}"))
        return None

    def describe(self) -> str:
        """`text` in Chinese (the CLI), "" when nothing holds the buyer back."""
        found = self.text()
        return str(found) if found is not None else ""


def caps_from(get: Callable[[str], Any]) -> FatigueCaps:
    """The caps from settings (`get` is `Settings.get`)."""
    return FatigueCaps(int(get("remind_gap_hours")), int(get("remind_cap_count")), int(get("remind_cap_days")))


def check_caps(order_id: str, buyer_reminders: Iterable[tuple[str, dt.datetime]], now: dt.datetime,
               caps: FatigueCaps = FatigueCaps()) -> CapCheck:
    """Whether the caps hold back a reminder for `order_id`, given the buyer's reminders as (order, time)."""
    since = now - dt.timedelta(days=caps.window_days)
    recent = [(order, at) for order, at in buyer_reminders if since < at <= now]
    if len(recent) > caps.max_reminders:
        return CapCheck(left_alone=True)
    others = [at for order, at in recent if order != order_id]
    if others:
        wait_until = max(others) + dt.timedelta(hours=caps.gap_hours)
        if wait_until > now:
            return CapCheck(wait_until=wait_until, gap_hours=caps.gap_hours)
    return CapCheck()


# --- what the 催付 list shows per order ---------------------------------------------------------------------

@dataclass(frozen=True)
class Advice:
    step: Step | None  # the step of the next nudge; None once nothing is left to do
    caps: CapCheck
    phrase: Phrase | None  # the phrase suggested for that step

    @property
    def label(self) -> str:
        return STEP_LABELS[self.step] if self.step is not None else ""

    def due(self, policy: ReminderPolicy, reminder: Reminder, now: dt.datetime) -> bool:
        """Due by the ladder and not held back by the caps."""
        return policy.is_due(reminder, now) and not self.caps.blocks(now)


def advise(reminder: Reminder, policy: ReminderPolicy, buyer_reminders: Iterable[tuple[str, dt.datetime]],
           now: dt.datetime, caps: FatigueCaps = FatigueCaps(), phrases: Sequence[Phrase] = (),
           values: Mapping[str, str] | None = None) -> Advice:
    step_number = policy.next_step(reminder)
    step = Step(step_number) if step_number is not None else None
    check = check_caps(reminder.order_id, buyer_reminders, now, caps) if reminder.is_open else CapCheck()
    phrase = choose_step_phrase(phrases, step, reminder, values) if step is not None else None
    return Advice(step, check, phrase)


# --- conversion per step and per phrase --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SentReminder:
    order_id: str
    at: dt.datetime
    step: int | None  # None for reminders recorded before the ladder: counted as the nth of the order
    phrase_id: str = ""


@dataclass(frozen=True, slots=True)
class StepConversion:
    key: str  # a step label or a phrase id
    sent: int
    paid: int  # payments this reminder was the last one before

    @property
    def rate(self) -> float:
        return self.paid / self.sent if self.sent else 0.0


def conversion_by(sent: Iterable[SentReminder], paid_at: Mapping[str, dt.datetime], by: str = "step"
                  ) -> list[StepConversion]:
    """Reminders sent and the payments each one was the last touch before, per ladder step (`by="step"`) or per
    phrase (`by="phrase"`; reminders sent without a phrase are counted under 未记录)."""
    per_order: dict[str, list[SentReminder]] = {}
    for reminder in sent:
        per_order.setdefault(reminder.order_id, []).append(reminder)
    sent_count: dict[str, int] = {}
    paid_count: dict[str, int] = {}
    for order_id, reminders in per_order.items():
        reminders.sort(key=lambda r: r.at)
        keys = [_key(r, index, by) for index, r in enumerate(reminders)]
        for key in keys:
            sent_count[key] = sent_count.get(key, 0) + 1
        paid = paid_at.get(order_id)
        before = [k for r, k in zip(reminders, keys, strict=True) if paid is not None and r.at <= paid]
        if before:
            paid_count[before[-1]] = paid_count.get(before[-1], 0) + 1
    order = sorted(sent_count, key=lambda k: (by == "phrase" and -sent_count[k], k))
    return [StepConversion(key, sent_count[key], paid_count.get(key, 0)) for key in order]


def _key(reminder: SentReminder, index: int, by: str) -> str:
    if by == "phrase":
        return reminder.phrase_id or "未记录"
    step = Step(min(max(reminder.step or index + 1, Step.FIRST), Step.LAST))
    return STEP_LABELS[step]


STEP_CONVERSION_HEADER = ("步骤", "催付次数", "之后付款", "转化率")
PHRASE_CONVERSION_HEADER = ("短语", "催付次数", "之后付款", "转化率")


def step_conversion_rows(rows: Iterable[StepConversion]) -> list[tuple[str, ...]]:
    return [(r.key, str(r.sent), str(r.paid), f"{r.rate:.1%}") for r in rows]
