"""Which intents imported phrases answer: written, inferred (shown as 推断：…) or none."""

from __future__ import annotations

from desktop.core.intent_review import inferred_label, intent_names, phrase_line, review_intents
from desktop.core.phrases import Phrase

GIVEN = Phrase("p-1", "亲，48小时内发货", "常用", "fh", ("ship_time",))
INFERRED = Phrase("p-2", "亲，七天无理由退换", "退换货", "th")
WITHOUT = Phrase("p-3", "亲，欢迎光临小店，有什么可以帮您", "常用", "")


def test_review_sorts_phrases_into_given_inferred_and_without() -> None:
    report = review_intents([GIVEN, INFERRED, WITHOUT])
    assert report.given == [GIVEN]
    assert report.inferred == [(INFERRED, ("return_exchange",))]
    assert report.without == [WITHOUT]
    assert report.summary() == "2 条有意图（文件中写明 1 条，推断 1 条），1 条没有意图"


def test_labels_name_intents_in_chinese_and_mark_inference() -> None:
    assert intent_names(["ship_time", "nonsense"]) == "发货时间、nonsense"
    assert inferred_label(INFERRED) == "推断：退换货"
    assert inferred_label(GIVEN) == ""  # intents the phrase has are not inferred
    assert inferred_label(WITHOUT) == ""


def test_phrase_line_is_one_short_line() -> None:
    line = phrase_line(Phrase("p", "第一行\n第二行" + "很长" * 40, "组", ""), width=12)
    assert line == "-\t[组]\t第一行 第二行很长很长…"
