"""话术优化: a round only counts when the team key signed it; answers are checked and grouped per question."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.rounds import (
    Answer,
    RoundError,
    answer_body,
    answers_by_question,
    new_round,
    read_answer,
    read_signed_round,
    signed_round_bytes,
)
from desktop.core.sync.canonical import canonical_bytes
from desktop.core.sync.keys import SigningKey

NOW = dt.datetime(2026, 12, 4, 22, 0, tzinfo=dt.UTC)


def test_a_round_reads_back_only_with_the_key_that_signed_it() -> None:
    key, other = SigningKey.generate(), SigningKey.generate()
    round_ = new_round("第一轮", ["什么时候发货？", " ", "能便宜点吗？"], NOW)
    assert round_.questions == ("什么时候发货？", "能便宜点吗？") and round_.id == "r-20261204T220000"
    data = signed_round_bytes(round_, key)
    assert read_signed_round(data, key.public) == round_
    with pytest.raises(RoundError, match="签名"):
        read_signed_round(data, other.public)
    tampered = data.replace("发货".encode(), "加微信".encode())
    with pytest.raises(RoundError, match="签名"):
        read_signed_round(tampered, key.public)
    with pytest.raises(RoundError):
        read_signed_round(b"{not json", key.public)


def test_a_round_needs_questions_and_answers_match_them() -> None:
    with pytest.raises(RoundError, match="至少"):
        new_round("", [" "], NOW)
    with pytest.raises(RoundError, match="最多"):
        new_round("", [f"问题{i}" for i in range(11)], NOW)
    round_ = new_round("", ["a", "b"], NOW)
    with pytest.raises(RoundError, match="数量"):
        answer_body(round_, "小美", ["x"], [""])
    with pytest.raises(RoundError, match="至少回答"):
        answer_body(round_, "小美", [" ", ""], ["", ""])
    body = answer_body(round_, "小美", ["亲，48小时内发货", ""], ["t-1", ""])
    answer = read_answer("20261204T220100-aaaa-00000001", canonical_bytes(body))
    assert answer.texts == ("亲，48小时内发货", "") and answer.phrase_ids == ("t-1", "")
    with pytest.raises(RoundError):
        read_answer("x", canonical_bytes({**body, "answers": "x"}))


def test_the_newest_answer_of_each_agent_counts_per_question() -> None:
    round_ = new_round("", ["a", "b"], NOW)
    answers = [Answer("1", round_.id, "小美", ("旧的", ""), ("", "")),
               Answer("2", round_.id, "小美", ("新的", "也答了"), ("", "")),
               Answer("3", round_.id, "小丽", ("", "只答第二题"), ("", "")),
               Answer("4", "r-20200101T000000", "小王", ("别的轮", ""), ("", ""))]
    grouped = answers_by_question(round_, answers)
    assert [[a.texts[0] for a in grouped[0]]] == [["新的"]]
    assert sorted(a.agent for a in grouped[1]) == ["小丽", "小美"]
