"""意见反馈: departments, what is refused, and what redact leaves of a buyer's words before they leave the PC."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.feedback import (
    ACCOUNT_MARK,
    ADDRESS_MARK,
    DEFAULT_DEPARTMENTS,
    EMAIL_MARK,
    ID_CARD_MARK,
    NAME_MARK,
    PHONE_MARK,
    FeedbackError,
    checked,
    redact,
    shop_departments,
    week_of,
)
from desktop.core.feedback_report import FeedbackRow, grouped, summary_html


@pytest.mark.parametrize(("text", "expected"), [
    ("电话13812345678，快点发", f"电话{PHONE_MARK}，快点发"),
    ("手机 138 1234 5678 收货人：张三", f"手机 {PHONE_MARK} 收货人：{NAME_MARK}"),
    ("寄到北京市朝阳区建国路88号3单元502室，谢谢", f"{ADDRESS_MARK}，谢谢"),
    ("杭州市西湖区文三路某某小区7幢2单元301，送不上门", f"{ADDRESS_MARK}，送不上门"),
    ("发票寄到 a.b@qq.com", f"发票寄到 {EMAIL_MARK}"),
])
def test_personal_details_are_replaced_by_marks(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["图片和实物差太多了", "发到市区几天？1号色有吗", "订单 3561234567890123456 漏发了"])
def test_ordinary_feedback_is_left_as_it_is(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # landlines, with an area code in any of the usual shapes
    ("电话 0755-86001234 白天有人", f"电话 {PHONE_MARK} 白天有人"),
    ("座机021 62345678", f"座机{PHONE_MARK}"),
    ("（010）82345678 找王先生", f"{PHONE_MARK} 找王先生"),
    ("号码：138.1234.5678", f"号码：{PHONE_MARK}"),
    ("一三八一二三四五六七八 打这个", f"{PHONE_MARK} 打这个"),
    # the address block a buyer pastes: name, mobile, address
    ("张三，13812345678，浙江省杭州市西湖区文三路100号", f"{NAME_MARK}，{PHONE_MARK}，{ADDRESS_MARK}"),
    ("13812345678 李秀英", f"{PHONE_MARK} {NAME_MARK}"),
    # a village has no street and no house number
    ("收货地址：河北省保定市清苑区东闾乡南王庄村，老人在家送不上门", f"收货地址：{ADDRESS_MARK}，老人在家送不上门"),
    ("山东省临沂市兰陵县向城镇西王庄村3组", ADDRESS_MARK),
    # a long chain of administrative levels before the street
    ("广东省深圳市南山区粤海街道科技南十二路18号", ADDRESS_MARK),
    ("收货人张伟", f"收货人{NAME_MARK}"),
    # a cross-border order needs the ID card; buyers move to WeChat or QQ
    ("清关要身份证 11010519491231002X 发你了", f"清关要身份证 {ID_CARD_MARK} 发你了"),
    ("加我微信：zhang_san88 再说", f"加我微信：{ACCOUNT_MARK} 再说"),
    ("vx wxid_k2j3h4 或者 QQ 123456789", f"vx {ACCOUNT_MARK} 或者 QQ {ACCOUNT_MARK}"),
    ("我微信是 lily_2020，QQ号为88886666", f"我微信是 {ACCOUNT_MARK}，QQ号为{ACCOUNT_MARK}"),
])
def test_realistic_personal_details_are_caught(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "上海市区3号下单7号才到货",  # 3号 is a date, not a house number
    "杭州市区3号发的货，今天才到",
    "这款和那款区别大吗1号色偏黄",
    "这个路由器5号能到吗",
    "快递一路走了5天3号才到",
    "我们县城12号才收到，太慢了",
    "我们是县里农村的，送不上门",
    "联系人说不用了",
    "姓名写错了",
    "改成 13812345678".replace("13812345678", "明天发"),
    "400-820-8820 打不通",  # a company's hotline, not a person's
    "订单 356123456789012345 漏发了",  # 18 digits, but no birth date inside: an order
    "微信支付不了",
    "QQ音乐会员送吗",
])
def test_dates_colours_and_ordinary_words_are_not_taken_for_details(text: str) -> None:
    assert redact(text) == text


def test_the_buyers_own_nick_is_taken_out_too() -> None:
    assert redact("小猪佩奇说：电话打不通", names=("小猪佩奇",)) == f"{NAME_MARK}说：电话打不通"
    assert redact("太慢了", names=("", " ")) == "太慢了"


def test_departments_default_to_the_notes_and_the_shop_can_replace_them() -> None:
    assert shop_departments("") == DEFAULT_DEPARTMENTS == ("仓储", "运营", "财务", "产品", "物流")
    assert shop_departments("售后，设计\n售后") == ("售后", "设计")
    with pytest.raises(FeedbackError, match="未知的部门"):
        checked("销售", "太慢", "", DEFAULT_DEPARTMENTS)
    with pytest.raises(FeedbackError, match="没有要反馈的内容"):
        checked("仓储", "  ", "", DEFAULT_DEPARTMENTS)


def test_the_summary_groups_by_department_and_week_and_escapes_everything() -> None:
    monday = dt.date(2026, 11, 30)
    assert week_of(dt.date(2026, 12, 6)) == monday
    rows = [FeedbackRow("b", "物流", dt.date(2026, 12, 2), "<script>x</script>", "", "小美"),
            FeedbackRow("a", "物流", dt.date(2026, 11, 24), "太慢", "", "小美"),
            FeedbackRow("c", "财务", dt.date(2026, 12, 1), "要专票", "", "小丽")]
    groups = grouped(rows)
    assert list(groups) == ["物流", "财务"] and list(groups["物流"]) == [monday, dt.date(2026, 11, 23)]
    page = summary_html(groups, "意见反馈汇总", dt.date(2026, 12, 4))
    assert "<script>x" not in page and "&lt;script&gt;" in page and "物流（2 条）" in page
