"""Typed search: shortcut code first, then text, group and keywords, then pinyin initials."""

from __future__ import annotations

import pytest

from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import Phrase
from desktop.core.search import PhraseSearch, initials, merge_ranked

PHRASES = [
    Phrase("p1", "亲，付款后48小时内发货哦～📦", group="发货时间", code="fh", intents=("ship_time",)),
    Phrase("p2", "亲，默认发中通快递，需要顺丰可以补差价哦", group="快递", code="kd", intents=("courier",)),
    Phrase("p3", "{买家}您好，欢迎光临～", group="欢迎语", code="hy", intents=("greeting",)),
    Phrase("p4", "亲，全场满99包邮哦", group="运费", code="fhby", keywords=("包邮",), intents=("shipping_fee",)),
    Phrase("p5", "亲，七天无理由退换货", group="售后", code="th", intents=("return_exchange",)),
    Phrase("p6", "已停用的短语", group="发货时间", code="fh2", enabled=False),
]


@pytest.fixture
def engine() -> SuggestionEngine:
    return SuggestionEngine(PHRASES)


def ids(phrases: list[Phrase]) -> list[str]:
    return [p.id for p in phrases]


def test_initials_of_chinese_text_skip_punctuation_and_variables() -> None:
    assert initials("发货时间") == "fhsj"
    assert initials("{买家}您好，欢迎") == "nhhy"


def test_exact_code_comes_before_code_prefix(engine: SuggestionEngine) -> None:
    assert ids(engine.search("fh"))[:2] == ["p1", "p4"]


def test_text_substring(engine: SuggestionEngine) -> None:
    assert ids(engine.search("顺丰")) == ["p2"]


def test_traditional_and_full_width_queries_match(engine: SuggestionEngine) -> None:
    assert ids(engine.search("順豐")) == ["p2"]
    assert ids(engine.search("ＫＤ")) == ["p2"]


def test_group_and_keywords_match(engine: SuggestionEngine) -> None:
    assert "p5" in ids(engine.search("售后"))


def test_pinyin_initials_find_phrases(engine: SuggestionEngine) -> None:
    found = ids(engine.search("hy"))
    assert found[0] == "p3"  # its code
    assert ids(engine.search("xsnfh")) == ["p1"]  # 小时内发货
    assert ids(engine.search("zt")) == ["p2"]  # 中通


def test_disabled_phrases_and_empty_queries_find_nothing(engine: SuggestionEngine) -> None:
    assert "p6" not in ids(engine.search("fh"))
    assert engine.search("  ") == []
    assert engine.search("不存在的词") == []


def test_limit(engine: SuggestionEngine) -> None:
    assert len(engine.search("亲", limit=2)) == 2


def test_an_earlier_match_in_the_text_ranks_first() -> None:
    phrases = [Phrase(f"x{n}", f"亲，{'很' * n}包邮哦") for n in range(5)] + [Phrase("first", "包邮的呢")]
    found = ids(SuggestionEngine(phrases).search("包邮"))
    assert found == ["first", "x0", "x1", "x2", "x3", "x4"]


def test_a_frequent_character_returns_the_library_head() -> None:
    phrases = [Phrase(f"p{n}", f"亲，第{n}条") for n in range(200)]
    assert ids(SuggestionEngine(phrases).search("亲", limit=3)) == ["p0", "p1", "p2"]


def test_two_indexes_merge_by_how_well_each_hit_matched() -> None:
    """Hidden phrases have an index of their own; an exact code there outranks a text match in the library."""
    shown = PhraseSearch(PHRASES[:5])
    hidden = PhraseSearch([Phrase("h1", "亲，今天下单今天发", group="发货时间", code="发货")])
    merged = merge_ranked(shown.ranked("发货", 10), hidden.ranked("发货", 10), 10)
    assert ids(merged)[0] == "h1"  # its code is exactly the query
    assert "p1" in ids(merged)
    assert ids(merge_ranked(shown.ranked("fh", 10), hidden.ranked("fh", 10), 2)) == ids(shown.search("fh", 2))
    assert shown.search("kd") == [p for _rank, p in shown.ranked("kd")]
