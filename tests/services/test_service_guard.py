"""The service guard around suggestion lists and pastes: repeats, rotating greetings, timers, guard rails."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop.core.engine import Suggestion
from desktop.core.phrases import Phrase
from desktop.services.service_guard import GuardOptions, ServiceGuard, rails_only
from desktop.settings import BY_KEY
from desktop.store.database import open_memory_store
from desktop.store.sent_log import SentLog

T0 = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
G1 = Phrase("g1", "亲，在的呢", "欢迎语", intents=("greeting",))
G2 = Phrase("g2", "您好，我是客服", "欢迎语", intents=("greeting",))
S1 = Phrase("s1", "48小时发货", "发货物流", intents=("ship_time",))
S2 = Phrase("s2", "16点前付款当天发", "发货物流", intents=("ship_time",))
WAIT = Phrase("w1", "亲稍等，我查一下", "稍等查询", flags=("wait",))
SORRY = Phrase("a1", "抱歉久等", "致歉", flags=("apology",))
REFUND = Phrase("r1", "退款1-3天到账", "售后退换", intents=("refund",))
CALM = Phrase("c1", "您先别着急", "投诉安抚", flags=("calm",))
FEATURED = Phrase("f1", "这款热卖", "主推")
LIBRARY = [G1, G2, S1, S2, WAIT, SORRY, REFUND, CALM, FEATURED]


def text(phrase: Phrase) -> str:
    return phrase.text


def listed(phrases: list[Phrase]) -> list[Suggestion]:
    return [Suggestion(p, 1.0) for p in phrases]


def defaults(**changes: object) -> GuardOptions:
    options = GuardOptions.from_settings(lambda key: BY_KEY[key].default)
    return dataclasses.replace(options, **changes)


def guard(**changes: object) -> ServiceGuard:
    return ServiceGuard(defaults(**changes), b"k" * 32, T0.astimezone().date())


def test_a_repeat_to_the_same_buyer_is_warned_once_with_the_next_variant_then_goes_through() -> None:
    service = guard()
    service.copied("小猪", T0)
    assert service.check(S1, S1.text, LIBRARY, text) is None  # nothing sent yet: no keystroke more
    service.pasted(S1, S1.text, T0)
    service.copied("小猪", T0 + dt.timedelta(minutes=1))
    repeat = service.check(S1, "48小时发货！", LIBRARY, text)  # near-identical
    assert repeat is not None and repeat.variant == S2 and repeat.nick == "小猪"
    assert service.check(S1, S1.text, LIBRARY, text) is None  # picked again: pasted, never blocked
    service.copied("小羊", T0 + dt.timedelta(minutes=2))
    assert service.check(S1, S1.text, LIBRARY, text) is None  # another buyer


def test_the_guard_off_never_warns_nor_stores() -> None:
    service = guard(duplicates=False)
    service.copied("小猪", T0)
    assert service.pasted(S1, S1.text, T0).digest is None
    assert service.check(S1, S1.text, LIBRARY, text) is None


def test_greetings_rotate_for_the_same_buyer() -> None:
    service = guard()
    service.copied("小猪", T0)
    service.pasted(G1, G1.text, T0)
    service.copied("小猪", T0 + dt.timedelta(minutes=1))
    arranged = service.arrange(listed([G1, S1]), "在吗", LIBRARY, text, T0)
    assert [s.phrase for s in arranged.suggestions] == [G2, S1]


def test_todays_digests_survive_a_restart_through_the_store() -> None:
    store = open_memory_store()
    log = SentLog(store.db)
    service = guard()
    service.copied("小猪", T0)
    pasted = service.pasted(S1, S1.text, T0)
    log.add(pasted.day, [pasted.digest])
    log.add(pasted.day - dt.timedelta(days=1), ["old"])  # an older day is pruned when today's are read
    restarted = guard()
    restarted.load(b"k" * 32, pasted.day, log.today(pasted.day))
    restarted.copied("小猪", T0 + dt.timedelta(hours=1))
    assert restarted.check(S1, S1.text, LIBRARY, text) is not None
    assert "old" not in {row[0] for row in store.db.execute("select digest from sent_replies")}
    store.close()


def test_past_the_alarm_an_apology_leads_and_a_wait_phrase_asks_for_a_follow_up() -> None:
    service = guard(timers=True)
    service.copied("小猪", T0)
    assert service.waiting(T0 + dt.timedelta(seconds=30)) == dt.timedelta(seconds=30)
    early = service.arrange(listed([S1]), "什么时候发货", LIBRARY, text, T0 + dt.timedelta(minutes=2))
    assert not early.apology
    late = service.arrange(listed([S1]), "什么时候发货", LIBRARY, text, T0 + dt.timedelta(minutes=3))
    assert late.apology and [s.phrase for s in late.suggestions][:1] == [SORRY]
    pasted = service.pasted(WAIT, WAIT.text, T0 + dt.timedelta(minutes=4))
    assert pasted.follow_up is not None and pasted.follow_up.nick == "小猪"
    assert pasted.follow_up.due == T0 + dt.timedelta(minutes=19)
    assert service.waiting(T0 + dt.timedelta(minutes=5)) is None


def test_timers_are_off_by_default() -> None:
    service = guard()
    service.copied("小猪", T0)
    assert service.waiting(T0 + dt.timedelta(minutes=9)) is None
    assert not service.arrange(listed([S1]), "发货", LIBRARY, text, T0 + dt.timedelta(minutes=9)).apology
    assert service.pasted(WAIT, WAIT.text, T0).follow_up is None


def test_high_risk_lists_lead_with_calming_and_hold_sales_back() -> None:
    service = ServiceGuard(rails_only(lambda key: BY_KEY[key].default))
    arranged = service.arrange(listed([REFUND, FEATURED]), "什么时候退款", LIBRARY, text, T0)
    assert arranged.high_risk and [s.phrase for s in arranged.suggestions] == [CALM, REFUND]
    plain = listed([S1, FEATURED])
    assert service.arrange(plain, "什么时候发货", LIBRARY, text, T0).suggestions is plain
