"""The service guard in the window: a repeat is warned once with the next variant, the 质检 timer and its
apology, a 稍等查询 follow-up in 日清 with its reminder, and the high-risk guard rails with 记承诺."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import shiboken6

from desktop.core.phrases import Phrase
from desktop.services.library import Library
from desktop.store.customers import CustomerRepository
from desktop.testing.fakes import FakeNotifier
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.suggestions.guard_hooks import GuardHooks

from ..conftest import PHRASES, Overlay, StubEngine, find_wechat

SHIP2 = Phrase("t-ship2", "亲，16点前付款当天发出哦", "发货物流", "fh2", ("ship_time",), source="team")
WAIT = Phrase("t-wait", "亲稍等，我帮您查一下", "稍等查询", "dd", flags=("wait",), source="team")
SORRY = Phrase("t-sorry", "亲，抱歉让您久等了", "致歉", "qj", flags=("apology",), source="team")
REFUND = Phrase("t-refund", "亲，退款1-3天原路到账", "售后退换", "tk", ("refund",), source="team")
CALM = Phrase("t-calm", "亲，您先别着急，一定帮您处理好", "投诉安抚", "af", flags=("calm",), source="team")
FEATURED = Phrase("t-featured", "亲，这款是本周主推哦", "主推", "zt", source="team")
LIBRARY = [*PHRASES, SHIP2, WAIT, SORRY, REFUND, CALM, FEATURED]
T0 = dt.datetime(2026, 12, 4, 2, 0, tzinfo=dt.UTC)


class PinningEngine(StubEngine):
    pinned_ids: tuple[str, ...] = ("t-featured",)  # the week's 主推, as the real engine carries it


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def guarded(overlay: Overlay) -> Iterator[tuple[Overlay, GuardHooks, Clock, FakeNotifier]]:
    engine = PinningEngine(LIBRARY, {
        "什么时候发货": ["t-ship", "t-gift"],
        "查一下物流": ["t-wait", "t-ship"],
        "我要退款": ["t-refund", "t-featured"],
    })
    overlay.controller.set_library(Library(engine, LIBRARY, find_wechat))  # type: ignore[arg-type]
    clock, notifier = Clock(), FakeNotifier()
    hooks = GuardHooks(overlay.controller, overlay.settings, ImmediateTaskRunner(overlay.services), notifier,
                       clock=clock)
    overlay.controller.guard = hooks
    yield overlay, hooks, clock, notifier
    hooks.stop()
    overlay.controller.guard = None
    shiboken6.delete(hooks)


def sent_rows(overlay: Overlay) -> int:
    return overlay.services.store.db.execute("select count(*) from sent_replies").fetchone()[0]


def test_a_repeat_to_the_same_chat_is_warned_once_with_the_next_variant_first(guarded) -> None:
    overlay, _hooks, clock, _ = guarded
    overlay.copy("什么时候发货")
    overlay.hotkeys.press("pick:1")  # nothing sent yet: pasted at once
    assert len(overlay.paster.texts) == 1 and sent_rows(overlay) == 1
    clock.now += dt.timedelta(minutes=2)
    overlay.copy("什么时候发货")  # no nick, a reply 2 minutes ago: the same chat
    overlay.hotkeys.press("pick:1")
    assert len(overlay.paster.texts) == 1  # held: warned instead
    assert "今天已向这位买家发过这句" in overlay.window.hint_label.text()
    assert overlay.shown_texts()[0] == SHIP2.text  # the next variant of the same intent is 1 now
    overlay.hotkeys.press("pick:2")  # the repeated one, again: pasted, never blocked
    assert len(overlay.paster.texts) == 2
    assert overlay.paster.texts[1] == overlay.paster.texts[0]


def test_another_chat_long_after_is_not_warned(guarded) -> None:
    overlay, _hooks, clock, _ = guarded
    overlay.copy("什么时候发货")
    overlay.hotkeys.press("pick:1")
    clock.now += dt.timedelta(hours=1)
    overlay.copy("什么时候发货")
    overlay.hotkeys.press("pick:1")
    assert len(overlay.paster.texts) == 2


def test_the_service_timer_turns_the_list_to_an_apology_and_a_wait_phrase_goes_to_the_shift(guarded, qtbot) -> None:
    overlay, hooks, clock, notifier = guarded
    overlay.settings.set("service_timers", True)
    overlay.copy("查一下物流")
    hooks.card_named("小猪")
    assert hooks.timer_label.isVisibleTo(overlay.window) and hooks.timer_label.text() == "⏱ 0:00"
    clock.now += dt.timedelta(minutes=3)
    with qtbot.waitSignal(overlay.controller.suggestion_model.modelReset, timeout=5000):
        pass  # the next tick re-arranges the list on screen
    assert overlay.shown_texts()[0] == SORRY.text
    assert "先致歉" in hooks.timer_label.text()
    overlay.hotkeys.press("pick:2")  # 稍等，我查一下
    assert overlay.paster.texts == [WAIT.text]
    assert not hooks.timer_label.isVisibleTo(overlay.window)
    promises = CustomerRepository(overlay.services.store.db).promises(open_only=True)
    assert [(p.nickname, p.due) for p in promises] == [("小猪", clock.now + dt.timedelta(minutes=15))]
    clock.now += dt.timedelta(minutes=15)
    with qtbot.waitSignal(hooks._follow_up_timer.timeout, timeout=5000):
        hooks._plan_follow_up()  # as after a wake from sleep: the fake clock has reached the time
    assert notifier.notifications and "小猪" in notifier.notifications[0].body


def test_high_risk_lists_lead_with_calming_hold_sales_back_and_one_key_records_a_promise(guarded) -> None:
    overlay, hooks, _clock, _ = guarded
    overlay.copy("我要退款")
    assert overlay.shown_texts() == [CALM.text, REFUND.text]
    assert hooks.promise_button.isVisibleTo(overlay.window)
    overlay.hotkeys.press("promise")  # no buyer known yet
    assert "不知道是哪位买家" in overlay.window.hint_label.text()
    hooks.card_named("小猪")
    overlay.hotkeys.press("promise")
    promises = CustomerRepository(overlay.services.store.db).promises(open_only=True)
    assert [(p.nickname, p.text) for p in promises] == [("小猪", "交接下一班：跟进退款")]
    overlay.copy("什么时候发货")
    assert not hooks.promise_button.isVisibleTo(overlay.window)
