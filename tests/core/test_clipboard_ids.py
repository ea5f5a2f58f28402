"""Order numbers are told apart from phone and tracking numbers in copied text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.clipboard_ids import IdKind, find_ids, number_tokens, order_numbers, platform_of


def kinds(text: str) -> list[tuple[IdKind, str]]:
    return [(f.kind, f.value) for f in find_ids(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3561234567890123456", [(IdKind.ORDER, "3561234567890123456")]),
        ("订单号：356123456789012345 麻烦看下", [(IdKind.ORDER, "356123456789012345")]),
        ("231123-123456789012345", [(IdKind.ORDER, "231123-123456789012345")]),
        ("京东订单 285123456789", [(IdKind.ORDER, "285123456789")]),
        ("13812345678", [(IdKind.PHONE, "13812345678")]),
        ("电话 138-1234-5678", [(IdKind.PHONE, "13812345678")]),
        ("+86 139 1234 5678", [(IdKind.PHONE, "13912345678")]),
        ("SF1234567890123", [(IdKind.TRACKING, "SF1234567890123")]),
        ("圆通 yt7512345678901", [(IdKind.TRACKING, "YT7512345678901")]),
        ("JT0001234567890", [(IdKind.TRACKING, "JT0001234567890")]),
        ("JDVA? no JDV012345678901", [(IdKind.TRACKING, "JDV012345678901")]),
        ("EA123456789CN", [(IdKind.TRACKING, "EA123456789CN")]),
        ("75123456789012", [(IdKind.TRACKING, "75123456789012")]),
        ("快递单号 285123456789", [(IdKind.TRACKING, "285123456789")]),
        ("运单号13812345678", [(IdKind.TRACKING, "13812345678")]),
        ("亲，什么时候发货呀", []),
        ("价格 12345 元", []),
    ],
)
def test_classifies_numbers(text: str, expected: list[tuple[IdKind, str]]) -> None:
    assert kinds(text) == expected


def test_mixed_text_finds_each_number_in_order() -> None:
    text = "订单356123456789012345，收件手机13812345678，快递SF1234567890123"
    assert kinds(text) == [
        (IdKind.ORDER, "356123456789012345"),
        (IdKind.PHONE, "13812345678"),
        (IdKind.TRACKING, "SF1234567890123"),
    ]
    assert order_numbers(text) == ["356123456789012345"]


def test_a_phone_inside_a_longer_number_is_not_a_phone() -> None:
    assert kinds("1381234567890123456") == [(IdKind.ORDER, "1381234567890123456")]


def test_a_bare_twelve_digit_number_is_an_uncertain_jd_order() -> None:
    (found,) = find_ids("285123456789")
    assert found.kind is IdKind.ORDER and found.platform == "jd" and not found.certain


def test_platforms_by_shape() -> None:
    assert platform_of("3561234567890123456") == "taobao"
    assert platform_of("231123-123456789012345") == "pdd"
    assert platform_of("2851234567") == "jd"
    assert platform_of("abc") == ""


def test_number_tokens_for_lookup() -> None:
    assert number_tokens("单号 231123-123456789012345 和 2851234567") == ["231123-123456789012345", "2851234567"]


@settings(derandomize=True)  # the same examples on every run: CI stays deterministic
@given(st.integers(min_value=10**17, max_value=10**19 - 1), st.sampled_from(["", "亲，", "订单号：", "单号 "]))
def test_any_taobao_length_number_is_an_order(number: int, before: str) -> None:
    assert kinds(f"{before}{number}") == [(IdKind.ORDER, str(number))]


@settings(derandomize=True)  # the same examples on every run: CI stays deterministic
@given(st.sampled_from("3456789"), st.integers(min_value=0, max_value=10**9 - 1),
       st.sampled_from(["{}", "{} ", "手机{}", "电话：{}"]))
def test_any_mobile_is_a_phone(second: str, rest: int, shape: str) -> None:
    phone = f"1{second}{rest:09d}"
    assert kinds(shape.format(phone)) == [(IdKind.PHONE, phone)]


@settings(derandomize=True)  # the same examples on every run: CI stays deterministic
@given(st.sampled_from(["SF", "YT", "JT", "JDV"]), st.integers(min_value=10**11, max_value=10**13 - 1))
def test_any_prefixed_tracking_number_is_tracking(prefix: str, number: int) -> None:
    assert kinds(f"{prefix}{number}") == [(IdKind.TRACKING, f"{prefix}{number}")]
