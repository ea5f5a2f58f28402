"""The bundled default library: it parses, its ids and codes are unique, every intent is answered from
several angles, the agent-initiated groups are there, nothing trips the sensitive-word check, and every
phrase reads cleanly whichever template values are missing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections import Counter
from importlib import resources

import pytest

from desktop.core.default_library import COLUMNS, load_default_library
from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import MAX_INTENTS, intent_ids, validate
from desktop.core.sensitive import SensitiveWords
from desktop.core.templates import VARIABLES, render, variables_in

PHRASES = load_default_library()
AGENT_GROUPS = ("欢迎语", "催付", "好评感谢", "告别", "主推")
FREQUENT_INTENTS = (
    "ship_time", "logistics", "return_exchange", "refund", "bargain",
    "size_spec", "stock", "promotion", "defect_damage", "delivery_eta",
)  # fmt: skip
SAMPLE_VALUES = {
    "买家": "小林", "客服": "小美", "店铺": "暖暖家居", "商品": "羊毛围巾",
    "活动": "双11", "金额": "128", "截止时间": "今晚24点",
}  # fmt: skip
# Variables that always have a value (from the clock), so phrases may lean on them.
ALWAYS_FILLED = {"问候", "日期"}
NOW = dt.datetime(2026, 11, 11, 9, 30)
_PUNCT = "，。！？、；：～,.!?;:"
_DOUBLED_PUNCT = re.compile(f"[{_PUNCT}][{_PUNCT}]")
_EMPTY_PAIR = re.compile(r"（）|\(\)|【】|「」|『』|《》|“”|\[\]")
# A bare variable that may be empty must sit beside punctuation, or after a word that still reads whole
# without it ("我是客服{客服}" → "我是客服"); otherwise wrap it in an optional segment [..{变量}..].
_CARRIERS = ("亲爱的", "客服", "光临", "新款")
# Library keywords become cues for their phrase's intents, so a word buyers use about anything pushes that
# intent everywhere (万一 is not hesitation, 两件 not bargaining). Each was once a default keyword.
GENERIC_KEYWORDS = {
    "怎么处理", "处理一下", "不要了", "万一", "两件", "好不好", "真的吗", "还有一个",
    "想要", "可以选吗", "要求", "可以",
}


def _raw_rows() -> list[dict[str, str]]:
    text = resources.files("desktop.resources").joinpath("library/default.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_file_is_utf8_with_the_exact_header():
    raw = resources.files("desktop.resources").joinpath("library/default.csv").read_bytes()
    header = raw.decode("utf-8").splitlines()[0]
    assert header == ",".join(COLUMNS) == "快捷编码,快捷短语,快捷短语分组,意图,关键词,编号"


def test_every_row_is_complete():
    for row in _raw_rows():
        assert None not in row, row  # no extra cells from a stray comma
        assert row["编号"] and row["快捷编码"] and row["快捷短语"] and row["快捷短语分组"], row


def test_at_least_180_phrases():
    assert len(PHRASES) >= 180


def test_ids_are_unique_and_stable_looking():
    ids = [p.id for p in PHRASES]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(re.fullmatch(r"d-[a-z_]+-\d+", i) for i in ids), ids


def test_shortcut_codes_are_unique_and_short():
    codes = [p.code for p in PHRASES]
    assert [c for c, n in Counter(codes).items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z]{1,4}\d{1,2}", c) for c in codes), codes


def test_phrases_are_valid_with_known_intents():
    for phrase in PHRASES:
        assert validate(phrase) == [], phrase.id
        assert len(phrase.intents) <= MAX_INTENTS
        assert set(phrase.intents) <= intent_ids()
        assert phrase.source == "team"


def test_every_intent_has_at_least_three_phrases_and_frequent_ones_four():
    counts = Counter(intent for p in PHRASES for intent in p.intents)
    assert {i: counts[i] for i in intent_ids() if counts[i] < 3} == {}
    assert {i: counts[i] for i in FREQUENT_INTENTS if counts[i] < 4} == {}


def test_answering_phrases_carry_three_to_eight_keywords():
    for phrase in PHRASES:
        if phrase.intents:
            assert 3 <= len(phrase.keywords) <= 8, phrase.id
            assert len(set(phrase.keywords)) == len(phrase.keywords), phrase.id


def test_every_agent_group_is_present_and_carries_no_intents_but_greetings_and_goodbyes():
    groups = Counter(p.group for p in PHRASES)
    for group in AGENT_GROUPS:
        assert groups[group] >= 4, group
    for phrase in PHRASES:
        if phrase.group in AGENT_GROUPS:
            assert set(phrase.intents) <= {"greeting", "thanks_bye"}, phrase.id


def test_payment_reminders_use_amount_and_deadline():
    reminders = [p for p in PHRASES if p.group == "催付"]
    used = {name for p in reminders for name in variables_in(p.text)}
    assert {"金额", "截止时间", "商品"} <= used


def test_many_phrases_end_with_an_emoji():
    with_emoji = [p for p in PHRASES if ord(p.text.rstrip()[-1]) > 0x2000 and p.text.rstrip()[-1] not in _PUNCT]
    assert len(with_emoji) >= len(PHRASES) * 0.6


def test_no_phrase_trips_the_sensitive_word_check():
    words = SensitiveWords.default()
    tripped = {p.id: [h.word for h in words.find(render(p.text, SAMPLE_VALUES, NOW))] for p in PHRASES}
    assert {k: v for k, v in tripped.items() if v} == {}
    raw = {p.id: [h.word for h in words.find(p.text)] for p in PHRASES}
    assert {k: v for k, v in raw.items() if v} == {}


def test_variables_are_known_and_sample_values_cover_them():
    for phrase in PHRASES:
        names = re.findall(r"\{([^{}]*)\}", phrase.text)
        assert set(names) <= set(VARIABLES), phrase.id
    assert set(SAMPLE_VALUES) | ALWAYS_FILLED == set(VARIABLES)


def _optional_names(text: str) -> list[str]:
    return sorted({name for name in variables_in(text) if name not in ALWAYS_FILLED})


def _value_subsets(text: str) -> list[dict[str, str]]:
    names = _optional_names(text)
    return [
        {name: SAMPLE_VALUES[name] for name in chosen}
        for size in range(len(names) + 1)
        for chosen in itertools.combinations(names, size)
    ]


def _assert_reads_cleanly(rendered: str, phrase_id: str) -> None:
    assert "{" not in rendered and "}" not in rendered, (phrase_id, rendered)
    assert rendered == rendered.strip(), (phrase_id, rendered)
    assert "  " not in rendered, (phrase_id, rendered)
    assert not _DOUBLED_PUNCT.search(rendered), (phrase_id, rendered)
    assert not _EMPTY_PAIR.search(rendered), (phrase_id, rendered)
    for line in rendered.splitlines():
        assert line and line[0] not in _PUNCT, (phrase_id, rendered)


@pytest.mark.parametrize("phrase", [p for p in PHRASES if "{" in p.text], ids=lambda p: p.id)
def test_phrase_renders_cleanly_with_any_values_missing(phrase):
    for values in _value_subsets(phrase.text):
        rendered = render(phrase.text, values, NOW)
        _assert_reads_cleanly(rendered, phrase.id)
        for name, value in values.items():
            assert value in rendered, (phrase.id, name)
        if not values:
            assert "期间" not in rendered or "期间" in re.sub(r"\[[^\]]*\]", "", phrase.text), phrase.id


def test_phrases_without_variables_read_cleanly_too():
    for phrase in PHRASES:
        if "{" not in phrase.text:
            _assert_reads_cleanly(render(phrase.text, {}, NOW), phrase.id)


def test_a_bare_optional_variable_sits_where_it_can_vanish():
    segments = re.compile(r"\[[^\[\]]*\]")
    for phrase in PHRASES:
        text = segments.sub("", phrase.text)
        for match in re.finditer(r"\{(" + "|".join(VARIABLES) + r")\}", text):
            if match.group(1) in ALWAYS_FILLED:
                continue
            before, after = text[: match.start()], text[match.end() :]
            beside_punct = (not before or before[-1] in _PUNCT) or (not after or after[0] in _PUNCT + "～")
            assert beside_punct or before.endswith(_CARRIERS), (phrase.id, match.group(0))


def test_keywords_are_specific_to_their_intent():
    used = {keyword for phrase in PHRASES for keyword in phrase.keywords}
    assert used & GENERIC_KEYWORDS == set()


@pytest.mark.parametrize(
    ("message", "intent"),
    [("这个订单不要了，帮我取消", "cancel_order"), ("这款质量好不好啊", "material_quality"),
     ("是真货吗", "authenticity"), ("万一不合适怎么办", "hesitation"), ("出了问题你们得给个交代", "complaint"),
     ("退款进度到哪一步了", "refund"),
     ("另一个包裹怎么还没到", "wrong_missing"), ("第二件半价还有吗", "promotion")],
)
def test_the_specific_keywords_lead_to_their_intent(message: str, intent: str):
    suggestions = SuggestionEngine(PHRASES).suggest(message, 3)
    assert any(intent in s.phrase.intents for s in suggestions), [s.phrase.id for s in suggestions]


# Around ordering and paying, where the agent-initiated 引导下单 and 催付 phrases could wrongly appear.
ORDERING_MESSAGES = (
    "怎么下单", "我想买这个", "拍下了", "现在拍什么时候发", "可以直接拍吗", "下单了", "付款了", "帮我备注一下",
    "这个还有货吗", "喜欢，就要这个了", "尺码确认好了，直接拍吗", "拍两件能便宜吗", "怎么付款", "地址核对一下",
)


def test_phrases_without_intents_are_not_suggested_for_buyer_messages():
    engine = SuggestionEngine(PHRASES)
    without_intents = {p.id for p in PHRASES if not p.intents}
    assert {"d-guide_order-1", "d-guide_order-2"} <= without_intents
    surfaced = {m: [s.phrase.id for s in engine.suggest(m, 9) if s.phrase.id in without_intents]
                for m in ORDERING_MESSAGES}
    assert {m: ids for m, ids in surfaced.items() if ids} == {}
