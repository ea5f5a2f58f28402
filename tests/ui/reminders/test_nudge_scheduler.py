"""The 催付 timer after a sleep or a clock change (issue 11 #18): re-planned, not fired late."""

from __future__ import annotations

import datetime as dt

from desktop.core.reminders import Reminder, ReminderPolicy
from desktop.testing.fakes import FakeNotifier
from desktop.ui.reminders.nudge_scheduler import DRIFT_TOLERANCE, WATCH_MS, NudgeScheduler

T0 = dt.datetime(2026, 3, 8, 9, 0, tzinfo=dt.UTC)


class Clocks:
    """A wall clock and a monotonic clock the test moves by hand, together or apart."""

    def __init__(self) -> None:
        self.wall = T0
        self.mono = 1000.0

    def now(self) -> dt.datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance_both(self, delta: dt.timedelta) -> None:
        self.wall += delta
        self.mono += delta.total_seconds()


def make_scheduler(clocks: Clocks) -> tuple[NudgeScheduler, FakeNotifier]:
    notifier = FakeNotifier()
    scheduler = NudgeScheduler(notifier, ReminderPolicy(), clocks.now, monotonic=clocks.monotonic)
    # First nudge 30 minutes after the order: planned for T0 + 20 min.
    scheduler.set_reminders([Reminder("o1", "买家1", T0 - dt.timedelta(minutes=10))])
    assert scheduler.next_at == T0 + dt.timedelta(minutes=20)
    assert scheduler.watch_timer.isActive() and scheduler.watch_timer.interval() == WATCH_MS
    return scheduler, notifier


def test_after_a_sleep_the_watch_notices_and_the_nudge_is_announced(qtbot) -> None:
    """The PC slept 2 hours: the monotonic clock (which the single-shot timer counts on) stood still, so
    the timer would still wait its 20 minutes after waking. The next watch tick sees the wall clock ran on."""
    clocks = Clocks()
    scheduler, notifier = make_scheduler(clocks)
    clocks.wall += dt.timedelta(hours=2)
    with qtbot.waitSignal(scheduler.nudges_due) as due:
        scheduler.watch_timer.timeout.emit()
    assert due.args == [["o1"]]
    assert [n.key for n in notifier.notifications] == ["reminder:o1"]
    scheduler.stop()
    assert not scheduler.watch_timer.isActive()


def test_a_clock_set_forward_re_plans_the_wait(qtbot) -> None:
    """The clock is set 15 minutes forward: the nudge is now 5 minutes away, not 20."""
    clocks = Clocks()
    scheduler, notifier = make_scheduler(clocks)
    clocks.wall += dt.timedelta(minutes=15)
    clocks.mono += 1
    scheduler.watch_timer.timeout.emit()
    assert notifier.notifications == []
    assert scheduler.timer.isActive()
    assert scheduler.timer.interval() == 5 * 60 * 1000
    scheduler.stop()


def test_a_clock_set_back_re_plans_instead_of_waking_early(qtbot) -> None:
    clocks = Clocks()
    scheduler, notifier = make_scheduler(clocks)
    clocks.wall -= dt.timedelta(hours=1)
    scheduler.watch_timer.timeout.emit()
    assert scheduler.timer.interval() == 80 * 60 * 1000
    assert notifier.notifications == []
    scheduler.stop()


def test_ordinary_ticks_leave_the_plan_alone(qtbot) -> None:
    clocks = Clocks()
    scheduler, notifier = make_scheduler(clocks)
    clocks.advance_both(dt.timedelta(minutes=1))
    clocks.wall += DRIFT_TOLERANCE / 2  # a little jitter, within tolerance
    scheduler.watch_timer.timeout.emit()
    assert scheduler.timer.interval() == 20 * 60 * 1000  # the original plan, untouched
    assert notifier.notifications == []
    scheduler.set_reminders([])
    assert not scheduler.watch_timer.isActive() and not scheduler.timer.isActive()
