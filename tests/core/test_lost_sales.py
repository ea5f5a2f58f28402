"""未成交原因: the shop's reasons, what is accepted, and the counts that leave the PC."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.lost_sales import (
    DEFAULT_REASONS,
    MAX_NOTE_CHARS,
    OTHER_REASON,
    LostSale,
    LostSaleError,
    checked,
    reason_counts,
    shop_reasons,
    totals,
)


def test_the_notes_eight_reasons_come_first_then_the_shops_then_other() -> None:
    reasons = shop_reasons("尺码不全，价格太贵\n\n  要发票 ; " + "长" * 30)
    assert reasons[:8] == DEFAULT_REASONS and len(DEFAULT_REASONS) == 8
    assert reasons[8:] == ("尺码不全", "要发票", OTHER_REASON)  # repeats, blanks and overlong ones left out
    assert shop_reasons("") == (*DEFAULT_REASONS, OTHER_REASON)


def test_a_missing_buyer_an_unknown_reason_or_a_long_note_is_refused_with_a_message() -> None:
    reasons = shop_reasons("")
    assert checked(" 小猪 ", "价格太贵", " 嫌贵 ", reasons) == ("小猪", "价格太贵", "嫌贵")
    with pytest.raises(LostSaleError, match="昵称"):
        checked(" ", "价格太贵", "", reasons)
    with pytest.raises(LostSaleError, match="未知的原因"):
        checked("小猪", "太贵了", "", reasons)
    with pytest.raises(LostSaleError, match=str(MAX_NOTE_CHARS)):
        checked("小猪", "价格太贵", "字" * (MAX_NOTE_CHARS + 1), reasons)


def test_counts_per_day_and_reason_carry_no_buyer() -> None:
    day, next_day = dt.date(2026, 12, 3), dt.date(2026, 12, 4)
    counts = reason_counts([
        LostSale("小猪", day, "价格太贵", "嫌贵"), LostSale("小狗", day, "价格太贵"),
        LostSale("小猫", next_day, "不包邮"),
    ])
    assert counts == {day: {"价格太贵": 2}, next_day: {"不包邮": 1}}
    assert "小猪" not in repr(counts) and "嫌贵" not in repr(counts)
    assert totals(counts).most_common(1) == [("价格太贵", 2)]
