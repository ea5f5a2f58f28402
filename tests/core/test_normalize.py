"""Normalising buyer messages: Traditional → Simplified, full-width, emoji, ids and links removed."""

from __future__ import annotations

import pytest

from desktop.core.normalize import bigrams, clauses, normalize


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("這個幾時發貨？", "这个几时发货"),
        ("請問可以開發票嗎", "请问可以开发票吗"),
        ("ＸＬ碼有貨嗎？", "xl码有货吗"),
        ("什么时候发货😀😀", "什么时候发货"),
        ("在吗[微笑]", "在吗"),
        ("包邮吗！！！发什么快递？？", "包邮吗 发什么快递"),
        ("订单号：240512345678901 什么时候到", "什么时候到"),
        ("单号多少", "单号多少"),
        ("https://item.taobao.com/item.htm?id=6543210 这个有货吗", "这个有货吗"),
        ("看下这个 www.example.com/p/1 多少钱", "看下这个 多少钱"),
        ("SKU-AB12-99 还有吗", "还有吗"),
        ("身高170cm 体重120斤", "身高170cm 体重120斤"),
        ("1.8米的床", "1点8米的床"),  # a decimal stays one token
        ("   ", ""),
    ],
)
def test_normalize(message: str, expected: str) -> None:
    assert normalize(message) == expected


def test_clauses_split_on_punctuation_and_spaces() -> None:
    assert clauses(normalize("你好，包邮吗 什么时候发货？")) == ["你好", "包邮吗", "什么时候发货"]


def test_bigrams_stay_inside_a_clause() -> None:
    grams = bigrams("包邮 发货")
    assert grams == {"包邮", "发货"}
    assert "邮发" not in grams


def test_single_character_clause_is_kept() -> None:
    assert bigrams("在") == {"在"}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("160/100斤穿什么码", "160 100斤穿什么码"),  # height/weight shorthand: two numbers, one clause each
        ("ＸＸＬ還有嗎", "xxl还有吗"),
        ("尺码S-2XL", "尺码s 2xl"),  # a size range is not a product id
        ("L/XL都行", "l xl都行"),
        ("37.5码", "37点5码"),  # half shoe sizes stay one number
        ("一米六五 一百斤", "一米六五 一百斤"),
    ],
)
def test_size_wordings_survive_normalising(message: str, expected: str) -> None:
    assert normalize(message) == expected
