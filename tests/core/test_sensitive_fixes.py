"""Banned words fixed, not just flagged: replacements in the word lists, `fix`, and the pre-publish lint."""

from __future__ import annotations

import pytest

from desktop.core.phrases import Phrase
from desktop.core.sensitive import SensitiveWords, parse_entries
from desktop.core.sync.draft import words_from_text, words_to_text
from desktop.core.sync.lint import PublishLintError, checked, fixed, lint
from desktop.core.sync.pack import PublishNote, SensitiveWord, TeamLibrary, decode_pack, encode_pack


def test_the_bundled_list_fixes_the_usual_suspects() -> None:
    words = SensitiveWords.default()
    assert words.fix("亲，我们家全网最低价哦").text == "亲，我们家性价比很高哦"
    assert words.fix("有事加V聊").text == "有事有问题在这里随时问我哦聊"
    fix = words.fix("好评返现，第一名")
    assert fix.text.startswith("期待您的真实评价") and [h.word for h in fix.unfixed] == ["第一"]
    assert not fix.complete
    assert words.fix("亲，在的呢").text == "亲，在的呢" and not words.fix("亲，在的呢").fixed


def test_a_fourth_cell_is_the_replacement_and_overlaps_are_fixed_once() -> None:
    words = SensitiveWords(parse_entries("加微\t引流\t\t有问题在这里问我\n微信\t引流\n"))
    fix = words.fix("加微信好吗")
    assert (fix.text, fix.complete) == ("有问题在这里问我好吗", True)
    assert [h.word for h in fix.fixed] == ["加微", "微信"]


def test_team_words_carry_their_replacement_through_text_form_and_pack() -> None:
    words = words_from_text("最便宜\t极限词\t很实惠\n加微信 → 在这里问我哦\n私聊,引流,在这里聊\n")
    assert words == (SensitiveWord("最便宜", "极限词", "很实惠"), SensitiveWord("加微信", "", "在这里问我哦"),
                     SensitiveWord("私聊", "引流", "在这里聊"))
    assert words_from_text(words_to_text(words)) == words
    assert words_to_text([SensitiveWord("顶级")]) == "顶级"
    library = TeamLibrary((Phrase("t-1", "亲，最便宜啦", source="team"),), words,
                          publish_notes=(PublishNote("t-1", ("最便宜",), "法务同意"),))
    assert decode_pack(encode_pack(library, 3)) == (3, library)
    assert SensitiveWords.with_team(words).fix("最便宜").text == "很实惠"


def test_a_pack_without_replacements_is_written_as_before() -> None:
    data = encode_pack(TeamLibrary((), (SensitiveWord("顶级", "极限词"),)), 1)
    assert b"replacement" not in data and b"publish_notes" not in data


def test_publishing_refuses_a_phrase_that_trips_a_word_unless_fixed_or_noted() -> None:
    library = TeamLibrary((Phrase("t-1", "全网最低价，冲！", source="team"),
                           Phrase("t-2", "第一名的品质", source="team"), Phrase("t-3", "亲，在的", source="team")))
    with pytest.raises(PublishLintError) as refused:
        checked(library, {})
    assert [f.phrase_id for f in refused.value.findings] == ["t-1", "t-2"]
    assert "t-1：全网最、最低价 → 修正为「性价比很高，冲！」" in str(refused.value)
    repaired = fixed(library, lint(library))
    assert repaired.phrases[0].text == "性价比很高，冲！"
    with pytest.raises(PublishLintError):
        checked(repaired, {"t-2": "  "})  # a blank note overrides nothing
    published = checked(repaired, {"t-2": "品牌授权的说法"})
    assert published.publish_notes == (PublishNote("t-2", ("第一",), "品牌授权的说法"),)


def test_the_bundled_default_library_passes_the_lint() -> None:
    from desktop.core.default_library import load_default_library

    assert lint(TeamLibrary(tuple(load_default_library()))) == []
