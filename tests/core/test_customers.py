"""Starred customers: tags, stars after a reminder, promises, search and finding a customer in copied text."""

from __future__ import annotations

import datetime as dt

from desktop.core.customers import (
    REMINDED_TAG,
    Customer,
    CustomerIndex,
    Promise,
    StarColour,
    find_customer_in_text,
    matches_search,
    parse_tags,
    promises_by_urgency,
    starred_after_remind,
    with_tag,
    without_tag,
)

T = dt.datetime(2024, 11, 23, 12, 0, tzinfo=dt.UTC)


def test_tags_are_normalised_and_unique() -> None:
    c = with_tag(with_tag(Customer("tb_1"), " VIP "), "VIP")
    assert c.tags == ("VIP",)
    assert without_tag(c, "VIP").tags == ()
    assert parse_tags("VIP，退换货、 中差评风险 VIP") == ("VIP", "退换货", "中差评风险")


def test_reminding_stars_and_tags_but_keeps_an_existing_colour() -> None:
    fresh = starred_after_remind(Customer("tb_1"))
    assert fresh.star is StarColour.RED and fresh.tags == (REMINDED_TAG,)
    blue = starred_after_remind(Customer("tb_2", star=StarColour.BLUE, tags=(REMINDED_TAG,)))
    assert blue.star is StarColour.BLUE and blue.tags == (REMINDED_TAG,)


def test_promises_open_and_soonest_first() -> None:
    promises = [
        Promise(1, "a", "加赠品", due=None),
        Promise(2, "b", "周五前发货", due=T + dt.timedelta(days=1)),
        Promise(3, "c", "今天回电", due=T + dt.timedelta(hours=1)),
        Promise(4, "d", "已办", due=T, done_at=T),
    ]
    assert [p.id for p in promises_by_urgency(promises)] == [3, 2, 1, 4]
    assert promises[2].is_overdue(T + dt.timedelta(hours=2))
    assert not promises[3].is_overdue(T + dt.timedelta(days=9))


def test_search_matches_nickname_tags_note_and_star() -> None:
    c = Customer("小猪佩奇2019", StarColour.RED, ("VIP",), "喜欢蓝色")
    assert matches_search(c, "佩奇 vip")
    assert matches_search(c, "红星")
    assert matches_search(c, "蓝色")
    assert not matches_search(c, "退换货")


def test_find_customer_by_nickname_or_order_number() -> None:
    index = CustomerIndex(["小猪佩奇2019", "小猪佩奇", "小明"], {"3561234567890123456": "tb_buyer"})
    assert find_customer_in_text(" 小猪佩奇 ", index).nickname == "小猪佩奇"
    match = find_customer_in_text("亲，订单3561234567890123456什么时候发", index)
    assert (match.nickname, match.via, match.order_id) == ("tb_buyer", "order", "3561234567890123456")
    assert find_customer_in_text("我是小猪佩奇2019呀", index).nickname == "小猪佩奇2019"
    assert find_customer_in_text("小明天来拿", index) is None  # short nicknames only match the whole text
    assert find_customer_in_text("13812345678", index) is None
