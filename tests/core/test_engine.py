"""Ranking behaviour of the suggestion engine on messages written for these tests (never the eval set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.default_library import load_default_library
from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import Phrase, intent_ids, intents
from desktop.store.database import open_store
from desktop.store.phrases import PhraseRepository

# Two typical wordings per intent, as buyers type them in a chat.
WORDINGS = {
    "greeting": ["在吗", "你好 有人吗"],
    "stock": ["这个还有货吗", "黑色的什么时候补货"],
    "bargain": ["能便宜点吗", "老顾客了打个折吧"],
    "promotion": ["现在有什么活动", "店铺优惠券怎么领"],
    "price_protect": ["我昨天刚买今天就降价了", "能退差价吗"],
    "ship_time": ["什么时候发货", "今天能发吗"],
    "courier": ["发什么快递", "可以发顺丰吗"],
    "shipping_fee": ["包邮吗", "运费多少钱"],
    "delivery_eta": ["几天能到上海", "多久能收到"],
    "logistics": ["我的快递到哪了", "物流三天没更新了"],
    "size_spec": ["身高165体重110斤穿什么码", "这个尺寸多大"],
    "material_quality": ["这是什么材质的", "会不会掉色"],
    "authenticity": ["是正品吗", "保证不是假货吧"],
    "usage_install": ["这个怎么安装", "说明书在哪 怎么用"],
    "recommend": ["这两款有什么区别", "送老人哪个好"],
    "gift": ["有赠品吗", "买两件送什么"],
    "invoice": ["可以开发票吗", "发票抬头写公司"],
    "payment": ["可以用花呗分期吗", "能货到付款吗"],
    "order_change": ["地址写错了帮我改一下", "能修改订单颜色吗"],
    "cancel_order": ["我不想要了 帮我取消订单", "先别发了 要取消"],
    "hesitation": ["我再考虑一下", "回去问问我老公"],
    "return_exchange": ["不合适可以退货吗", "能换大一码吗"],
    "refund": ["退款什么时候到账", "钱退到哪里了"],
    "defect_damage": ["收到的杯子碎了", "用了两天就坏了 不亮了"],
    "wrong_missing": ["发错颜色了", "少发了一件"],
    "complaint": ["你们什么服务态度 我要投诉", "太失望了 给差评"],
    "warranty_repair": ["保修多久", "坏了去哪里维修"],
    "thanks_bye": ["好的谢谢", "谢谢 拜拜"],
}
QUIET = [
    "好的", "嗯", "怎么办", "什么意思？", "订单号", "123456", "2024", "浙江省杭州市西湖区文三路100号", "哈哈哈哈",
    "", "😀😀", "[微笑]",
]


def library() -> list[Phrase]:
    """Three phrases per intent, in library order, with texts that share no words with the test messages."""
    return [
        Phrase(f"{intent.id}-{n}", f"{intent.name_zh}回复{n}", group=intent.name_zh, intents=(intent.id,))
        for intent in intents()
        for n in range(1, 4)
    ]


@pytest.fixture
def engine() -> SuggestionEngine:
    return SuggestionEngine(library())


def intents_of(suggestions: list) -> list[set[str]]:
    return [set(s.phrase.intents) for s in suggestions]


def test_every_intent_has_test_wordings() -> None:
    assert set(WORDINGS) == intent_ids()


@pytest.mark.parametrize(("intent", "message"), [(i, m) for i, ms in WORDINGS.items() for m in ms])
def test_typical_wording_puts_its_intent_first(engine: SuggestionEngine, intent: str, message: str) -> None:
    suggestions = engine.suggest(message, top=3)
    assert suggestions, message
    assert intent in suggestions[0].phrase.intents, (message, intents_of(suggestions))


@pytest.mark.parametrize("message", QUIET)
def test_messages_that_fit_nothing_get_no_suggestion(engine: SuggestionEngine, message: str) -> None:
    assert engine.suggest(message) == []


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("發貨了嗎", "ship_time"),  # Traditional
        ("什麼時候發貨？？", "ship_time"),
        ("ＸＬ碼還有貨嗎", "stock"),  # full-width
        ("亲什么时候发货呀😭😭😭", "ship_time"),  # emoji
        ("订单号 240512345678901 怎么还没发货", "ship_time"),  # order number mixed in
        ("https://item.jd.com/100012345678.html 这个保修多久", "warranty_repair"),  # link
        ("发或了吗", "ship_time"),  # typos the lexicon lists
        ("法货时间", "ship_time"),
        ("什么时候发伙啊", "ship_time"),
        ("你们这个保休多久", "warranty_repair"),  # a homophone typo found through pinyin
        ("亲在吗包邮吗", "shipping_fee"),  # no punctuation; the question outranks the greeting
    ],
)
def test_real_chat_text_is_understood(engine: SuggestionEngine, message: str, intent: str) -> None:
    suggestions = engine.suggest(message)
    assert suggestions and intent in suggestions[0].phrase.intents, intents_of(suggestions)


@pytest.mark.parametrize(
    ("message", "both"),
    [
        ("包邮吗？什么时候发货？", {"shipping_fee", "ship_time"}),
        ("有赠品吗 可以开发票吗", {"gift", "invoice"}),
        ("发什么快递 几天能到北京", {"courier", "delivery_eta"}),
    ],
)
def test_two_questions_in_one_line_are_both_answered_first(
    engine: SuggestionEngine, message: str, both: set[str]
) -> None:
    first_two = engine.suggest(message, top=3)[:2]
    assert {i for s in first_two for i in s.phrase.intents} == both


def test_top_limits_and_orders_the_answer(engine: SuggestionEngine) -> None:
    assert len(engine.suggest("什么时候发货", top=1)) == 1
    assert engine.suggest("什么时候发货", top=0) == []
    five = engine.suggest("什么时候发货", top=5)
    assert len({s.phrase.id for s in five}) == len(five)
    # Library order decides among equals: the author lists the direct answer first.
    assert [s.phrase.id for s in five[:3]] == ["ship_time-1", "ship_time-2", "ship_time-3"]


def test_overlap_with_the_message_ranks_a_phrase_up() -> None:
    phrases = [
        *library(),
        Phrase("sf", "顺丰需要补差价哦", intents=("courier",), keywords=("顺丰",)),
    ]
    top = SuggestionEngine(phrases).suggest("能发顺丰吗")
    assert top[0].phrase.id == "sf"


def test_disabled_phrases_are_never_suggested() -> None:
    phrases = [p.with_changes(enabled=False) if p.id == "ship_time-1" else p for p in library()]
    suggested = [s.phrase.id for s in SuggestionEngine(phrases).suggest("什么时候发货")]
    assert "ship_time-1" not in suggested
    assert suggested[0] == "ship_time-2"


def test_imported_phrases_without_intents_are_placed_by_group_and_keywords() -> None:
    phrases = [
        Phrase("q1", "亲，我们下午四点前的订单当天发出哦", group="发货"),
        Phrase("q2", "亲，支持七天无理由", group="未分组", keywords=("退货",)),
        Phrase("q3", "随便说说", group="未分组"),
    ]
    engine = SuggestionEngine(phrases)
    assert [s.phrase.id for s in engine.suggest("什么时候发货")] == ["q1"]
    assert [s.phrase.id for s in engine.suggest("可以退货吗")] == ["q2"]


def test_library_keywords_teach_the_engine_new_words() -> None:
    phrases = [*library(), Phrase("x", "亲，小方块是赠品哦", intents=("gift",), keywords=("小方块",))]
    assert SuggestionEngine(phrases).suggest("小方块")[0].phrase.id == "x"


def test_features_do_not_contain_the_message_text(engine: SuggestionEngine) -> None:
    features = engine.features("我的手机号13812345678 什么时候发货")
    assert features
    assert "i:ship_time" in features
    assert not any(ch in "".join(features) for ch in "发货手机")


def test_learning_raises_the_picked_phrase(engine: SuggestionEngine) -> None:
    message = "什么时候发货呀"
    assert engine.suggest(message)[2].phrase.id == "ship_time-3"
    engine.learn(message, "ship_time-3")
    assert engine.suggest(message)[0].phrase.id == "ship_time-3"
    # A similar message benefits too; an unrelated one does not change.
    assert engine.suggest("啥时候发货")[0].phrase.id == "ship_time-3"
    assert engine.suggest("包邮吗")[0].phrase.id == "shipping_fee-1"


def test_a_phrase_picked_for_a_message_comes_back_for_it_even_without_an_intent(engine: SuggestionEngine) -> None:
    message = "老地方见"
    assert engine.suggest(message) == []
    engine.learn(message, "greeting-2")
    assert [s.phrase.id for s in engine.suggest(message)] == ["greeting-2"]
    assert engine.suggest("明天天气不错") == []


def test_learning_survives_a_store_reopen(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = open_store(path)
    repo = PhraseRepository(store.db)
    repo.replace_source("team", library())
    engine = SuggestionEngine(repo.all(include_hidden=False), repo.learned_picks())
    message = "几天能到广州"
    picked = engine.suggest(message)[1].phrase.id
    repo.record_use(picked, engine.learn(message, picked))
    store.close()

    store = open_store(path)
    repo = PhraseRepository(store.db)
    reopened = SuggestionEngine(repo.all(include_hidden=False), repo.learned_picks())
    assert reopened.suggest(message)[0].phrase.id == picked
    store.close()


def test_pinned_phrase_leads_for_product_questions_only() -> None:
    phrases = [*library(), Phrase("star", "本周主推：新款保温杯～", group="主推")]
    engine = SuggestionEngine(phrases, pinned_ids=("star", "missing-id"))
    assert engine.suggest("这两款有什么区别")[0].phrase.id == "star"
    assert "star" not in [s.phrase.id for s in engine.suggest("我的快递到哪了")]
    assert engine.suggest("好的") == []


def test_default_library_answers_a_sample_of_each_intent() -> None:
    engine = SuggestionEngine(load_default_library())
    missed = [
        (intent, message)
        for intent, messages in WORDINGS.items()
        for message in messages
        if not any(intent in s.phrase.intents for s in engine.suggest(message, top=3))
    ]
    assert missed == []


def test_a_long_pasted_text_is_read_from_its_start(engine: SuggestionEngine) -> None:
    long_text = "什么时候发货" + "，" + "这是一段很长的商品说明" * 200
    assert "ship_time" in engine.suggest(long_text)[0].phrase.intents


def test_empty_or_all_disabled_library_suggests_nothing() -> None:
    assert SuggestionEngine([]).suggest("什么时候发货") == []
    assert SuggestionEngine([]).search("fh") == []
    disabled = [p.with_changes(enabled=False) for p in library()]
    assert SuggestionEngine(disabled).suggest("什么时候发货") == []


def test_lexicon_names_only_known_intents() -> None:
    from desktop.core.intent_lexicon import NEUTRAL, bundled_lexicon

    cues, patterns = bundled_lexicon()
    named = {c.intent for c in cues} | {p.intent for p in patterns}
    assert named - {NEUTRAL} == intent_ids()
