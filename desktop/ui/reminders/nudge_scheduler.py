"""Tray notifications when a 催付 nudge falls due: one single-shot timer set for the next due time.

The single-shot timer counts on Qt's monotonic clock, the nudges are wall-clock times: after the PC slept
(Linux's monotonic clock stops during suspend) or its clock was set, the two disagree and the timer would
fire late. Qt has no portable wake or time-change signal, so while a nudge is planned a coarse watch timer
(once a minute) compares how far each clock moved since the plan and re-plans when they part by more than
DRIFT_TOLERANCE, or when the wall clock has already reached the planned time.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.core.orders import format_amount
from desktop.core.reminders import Reminder, ReminderPolicy
from desktop.platform.interfaces import Notifier
from desktop.ui.widgets.language import friendly_time_label

Clock = Callable[[], dt.datetime]
NOTIFICATION_PREFIX = "reminder:"
SUMMARY_KEY = "reminders"
# QTimer takes a 32-bit millisecond count; waking once a day and re-planning is harmless.
MAX_WAIT_MS = 24 * 3600 * 1000
WATCH_MS = 60 * 1000
DRIFT_TOLERANCE = dt.timedelta(seconds=30)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class NudgeScheduler(QObject):
    """Given the open reminders, notifies each nudge once when it falls due; several at once become one summary.

    `nudges_due(order_ids)` tells the panel to refresh (its due marks); clicking a notification comes back
    through the Notifier's `activated` signal, which the panel handles.
    """

    nudges_due = Signal(list)
    deadlines_passed = Signal(list)  # order ids whose auto-close time has come: the list should reload

    def __init__(self, notifier: Notifier, policy: ReminderPolicy, clock: Clock = utc_now,
                 parent: QObject | None = None, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.policy = policy
        self.clock = clock
        self._reminders: list[Reminder] = []
        self._notified: set[tuple[str, dt.datetime]] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # A coarse timer may fire up to 5 % early or late: a minute on a 20-minute wait.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.next_at: dt.datetime | None = None
        self.monotonic = monotonic
        self._planned: tuple[dt.datetime, float] | None = None  # (wall, monotonic) when the timer was set
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MS)
        self.watch_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.watch_timer.timeout.connect(self._on_watch_timer_timeout)

    def set_reminders(self, reminders: Sequence[Reminder], policy: ReminderPolicy | None = None,
                      *, notify_already_due: bool = False) -> None:
        """Replace the watched reminders. Nudges already due when the app opens are marked in the list,
        not announced, unless `notify_already_due` (the agent sees the list anyway)."""
        if policy is not None:
            self.policy = policy
        self._reminders = list(reminders)
        if not notify_already_due:
            now = self.clock()
            for reminder in self._reminders:
                nudge = self.policy.next_nudge(reminder)
                if nudge is not None and nudge <= now:
                    self._notified.add((reminder.order_id, nudge))
        self._plan()

    def stop(self) -> None:
        self.timer.stop()
        self.watch_timer.stop()
        self.next_at = None

    def check(self) -> list[str]:
        """Notify every nudge due now and not yet notified; then plan the next wake-up. Returns the order ids."""
        now = self.clock()
        due: list[Reminder] = []
        for reminder in self._reminders:
            nudge = self.policy.next_nudge(reminder)
            if nudge is not None and nudge <= now and (reminder.order_id, nudge) not in self._notified:
                self._notified.add((reminder.order_id, nudge))
                due.append(reminder)
        if len(due) == 1:
            self._notify_one(due[0], now)
        elif due:
            self.notifier.notify(SUMMARY_KEY, self.tr("该催付了"),
                                 self.tr("%1 位买家该催付了").replace("%1", str(len(due))))
        if due:
            self.nudges_due.emit([r.order_id for r in due])
        closed = [r.order_id for r in self._reminders if r.is_open and self.policy.deadline(r) <= now]
        if closed:
            self._reminders = [r for r in self._reminders if r.order_id not in set(closed)]
            self.deadlines_passed.emit(closed)
        self._plan()
        return [r.order_id for r in due]

    def _notify_one(self, reminder: Reminder, now: dt.datetime) -> None:
        deadline = friendly_time_label(self.policy.deadline(reminder), now.astimezone(reminder.created_at.tzinfo))
        amount = f" ¥{format_amount(reminder.amount)}" if reminder.amount is not None else ""
        body = self.tr("%1%2，%3 自动关闭").replace("%1", reminder.buyer).replace("%2", amount)
        body = body.replace("%3", deadline)
        self.notifier.notify(NOTIFICATION_PREFIX + reminder.order_id, self.tr("该催付了"), body)

    def _plan(self) -> None:
        now = self.clock()
        upcoming = [
            nudge for r in self._reminders
            if (nudge := self.policy.next_nudge(r)) is not None and (r.order_id, nudge) not in self._notified
        ]
        # Wake at a deadline too, so an order that closes unpaid leaves the list without a manual refresh.
        upcoming += [deadline for r in self._reminders if (deadline := self.policy.deadline(r)) > now]
        self.next_at = min(upcoming, default=None)
        if self.next_at is None:
            self.timer.stop()
            self.watch_timer.stop()
            return
        wait_ms = math.ceil((self.next_at - now).total_seconds() * 1000)  # never wake a moment too early
        self.timer.start(max(0, min(wait_ms, MAX_WAIT_MS)))
        self._planned = (now, self.monotonic())
        if not self.watch_timer.isActive():
            self.watch_timer.start()

    def _on_timer_timeout(self) -> None:
        self.check()

    def _on_watch_timer_timeout(self) -> None:
        """Re-plan after a sleep or a clock change (see the module docstring); otherwise do nothing."""
        if self._planned is None or self.next_at is None:
            return
        planned_wall, planned_monotonic = self._planned
        now = self.clock()
        expected = planned_wall + dt.timedelta(seconds=self.monotonic() - planned_monotonic)
        if now >= self.next_at or abs(now - expected) > DRIFT_TOLERANCE:
            self.check()


def order_id_of(notification_key: str) -> str | None:
    """The order number a notification was about, or None for the summary."""
    if not notification_key.startswith(NOTIFICATION_PREFIX):
        return None
    return notification_key.removeprefix(NOTIFICATION_PREFIX)
