"""质检 service timers and high-risk guard rails as pure rules."""

from __future__ import annotations

import datetime as dt

from desktop.core.phrases import Phrase
from desktop.core.service_rules import (
    RiskPolicy,
    ServiceClock,
    apology_first,
    flag_index,
    guard_high_risk,
    split_list,
)

T0 = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
REFUND = Phrase("r1", "退款1-3天到账", "售后退换", intents=("refund",))
PROMO = Phrase("p1", "满300减40", "议价优惠", intents=("promotion",))
FEATURED = Phrase("f1", "这款热卖", "主推")
CALM = Phrase("d-c1", "您先别着急", "投诉安抚", flags=("calm",))
OWN_CALM = Phrase("t-c2", "我们一定处理好", "安抚", flags=("calm",), source="team")
ESCALATE = Phrase("d-e1", "已提交主管", "投诉安抚", flags=("escalate",))
SORRY = Phrase("d-a1", "抱歉久等", "致歉", flags=("apology",))
LIBRARY = [REFUND, PROMO, FEATURED, CALM, OWN_CALM, ESCALATE, SORRY]
FLAGGED = flag_index(LIBRARY)


def test_the_clock_runs_from_the_first_unanswered_copy_until_a_paste() -> None:
    clock = ServiceClock()
    assert clock.waiting(T0) is None
    clock.copied(T0)
    clock.copied(T0 + dt.timedelta(minutes=2))  # a second message: still waiting since the first
    assert clock.waiting(T0 + dt.timedelta(minutes=3)) == dt.timedelta(minutes=3)
    assert clock.overdue(T0 + dt.timedelta(minutes=3))
    assert not clock.overdue(T0 + dt.timedelta(minutes=2, seconds=59))
    clock.pasted()
    assert clock.waiting(T0 + dt.timedelta(minutes=4)) is None and not clock.overdue(T0 + dt.timedelta(hours=1))


def test_high_risk_by_intent_or_by_word() -> None:
    policy = RiskPolicy()
    assert policy.is_high_risk("什么时候退款", "refund")
    assert policy.is_high_risk("再不处理我就给差评", "logistics")
    assert policy.is_high_risk("你们泄露了我的隱私", None)  # Traditional folded
    assert not policy.is_high_risk("什么时候发货", "ship_time")
    assert RiskPolicy(frozenset(), ()).is_high_risk("差评", "refund") is False


def test_guard_rails_lead_with_calming_and_escalation_and_hold_sales_back() -> None:
    arranged = guard_high_risk([REFUND, PROMO, FEATURED], FLAGGED, RiskPolicy())
    assert arranged == [OWN_CALM, ESCALATE, REFUND]  # the shop's own calming phrase before the bundled one
    pinned = Phrase("x", "本周主推款", "商品咨询", intents=("stock",))
    assert pinned not in guard_high_risk([pinned, REFUND], FLAGGED, RiskPolicy(), pinned=["x"])


def test_a_late_reply_opens_with_an_apology() -> None:
    assert apology_first([REFUND], FLAGGED) == [SORRY, REFUND]
    assert apology_first([REFUND], flag_index([REFUND])) == [REFUND]


def test_setting_lists_split_on_any_bar_or_comma() -> None:
    assert split_list("差评|赔偿｜隐私, 12315，") == ("差评", "赔偿", "隐私", "12315")
