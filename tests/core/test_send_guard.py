"""Duplicate-send guard: conversations, digests, variants and rotating greetings."""

from __future__ import annotations

import datetime as dt

from desktop.core.phrases import Phrase
from desktop.core.send_guard import (
    ConversationTracker,
    SentToday,
    Variants,
    comparable,
    next_variant,
    rotate_greetings,
    sent_digest,
)

KEY = b"k" * 32
T0 = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 12, 4)
G1 = Phrase("g1", "亲，在的呢", "欢迎语", intents=("greeting",))
G2 = Phrase("g2", "您好，我是客服", "欢迎语", intents=("greeting",))
G3 = Phrase("g3", "欢迎光临", "欢迎语")
S1 = Phrase("s1", "48小时发货", "发货物流", intents=("ship_time",))
S2 = Phrase("s2", "16点前付款当天发", "发货物流", intents=("ship_time",))
S3 = Phrase("s3", "已催仓库", "发货物流", intents=("ship_time",))
LIBRARY = [G1, G2, G3, S1, S2, S3]
VARIANTS = Variants(LIBRARY)


def test_near_identical_replies_compare_equal() -> None:
    assert comparable("亲，在的呢～😊") == comparable("亲 在的呢!") == comparable("親，在的呢")
    assert comparable("亲，在的呢") != comparable("亲，不在呢")


def test_the_digest_depends_on_day_buyer_and_text_and_holds_neither() -> None:
    digest = sent_digest(KEY, DAY, "n:小猪", "亲，在的呢")
    assert digest == sent_digest(KEY, DAY, "n:小猪", "亲在的呢😊")
    assert digest != sent_digest(KEY, DAY, "n:小羊", "亲，在的呢")
    assert digest != sent_digest(KEY, DAY + dt.timedelta(days=1), "n:小猪", "亲，在的呢")
    assert digest != sent_digest(b"x" * 32, DAY, "n:小猪", "亲，在的呢")
    assert "小猪" not in digest and len(digest) == 24


def test_the_buyer_comes_from_the_copy_then_the_card_then_the_last_paste_within_the_window() -> None:
    tracker = ConversationTracker(dt.timedelta(minutes=10))
    tracker.copied("小猪", T0)
    assert tracker.buyer == "n:小猪"
    tracker.card_named("别人")  # a nick the copied block names wins over the card
    assert tracker.buyer == "n:小猪"
    tracker.pasted(T0)
    tracker.copied("", T0 + dt.timedelta(minutes=2))  # no nick, a paste 2 minutes ago: the same chat
    assert tracker.buyer == "n:小猪"
    tracker.card_named("小羊")  # the card names one: better than the guess
    assert tracker.buyer == "n:小羊" and tracker.nick == "小羊"
    tracker.copied("", T0 + dt.timedelta(minutes=30))  # long after: a new, anonymous chat
    assert tracker.buyer.startswith("a:") and tracker.nick == ""
    anonymous = tracker.buyer
    tracker.pasted(T0 + dt.timedelta(minutes=31))
    tracker.copied("", T0 + dt.timedelta(minutes=32))
    assert tracker.buyer == anonymous


def test_sent_today_forgets_yesterday() -> None:
    sent = SentToday(KEY, DAY)
    sent.add(sent.digest("n:小猪", "亲，在的呢"))
    assert sent.was_sent("n:小猪", "亲在的呢")
    assert not sent.was_sent("n:小羊", "亲在的呢") and not sent.was_sent("", "亲在的呢")
    assert sent.roll_to(DAY + dt.timedelta(days=1))
    assert not sent.was_sent("n:小猪", "亲在的呢")


def test_the_next_variant_is_of_the_same_intent_and_not_sent_yet() -> None:
    assert next_variant(S1, VARIANTS, lambda p: True) == S2
    assert next_variant(S1, VARIANTS, lambda p: p.id != "s2") == S3
    assert next_variant(S3, VARIANTS, lambda p: True) == S1  # wraps round
    assert next_variant(S1, VARIANTS, lambda p: False) is None
    assert next_variant(G3, VARIANTS, lambda p: True) is None  # by group when it has no intents: alone there


def test_a_greeting_already_sent_gives_its_place_to_the_next() -> None:
    assert rotate_greetings([G1, S1], VARIANTS, lambda p: p.id != "g1") == [G2, S1]
    assert rotate_greetings([G1, G2], VARIANTS, lambda p: p.id != "g1") == [G1, G2]  # no other left: kept
    assert rotate_greetings([S1, S2], VARIANTS, lambda p: False) == [S1, S2]  # not greetings: untouched
