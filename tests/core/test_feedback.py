"""意见反馈: departments, what is refused, and what redact leaves of a buyer's words before they leave the PC."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.feedback import (
    ADDRESS_MARK,
    DEFAULT_DEPARTMENTS,
    EMAIL_MARK,
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
