"""Templates: the greeting by local hour, variables with and without values, and the mending of what a
missing value leaves behind."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.templates import VARIABLES, builtin_values, greeting, render, variables_in

MORNING = dt.datetime(2026, 3, 8, 9, 30)


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (0, 30, "晚上好"),  # the night shift runs past midnight
        (4, 59, "晚上好"),
        (5, 0, "早上好"),
        (10, 59, "早上好"),
        (11, 0, "中午好"),
        (12, 59, "中午好"),
        (13, 0, "下午好"),
        (17, 59, "下午好"),
        (18, 0, "晚上好"),
        (23, 59, "晚上好"),
    ],
)
def test_greeting_changes_at_the_hour_boundaries(hour, minute, expected):
    assert greeting(dt.datetime(2026, 3, 8, hour, minute)) == expected


def test_builtin_values_fill_greeting_and_date():
    assert builtin_values(MORNING) == {"问候": "早上好", "日期": "3月8日"}
    assert render("{问候}，今天是{日期}", {}, MORNING) == "早上好，今天是3月8日"


def test_variables_in_lists_known_variables_in_order():
    assert variables_in("{买家}您好，{客服}为您服务，{订单号}") == ["买家", "客服"]
    assert set(VARIABLES) >= {"买家", "客服", "店铺", "问候", "日期", "商品", "活动", "金额", "截止时间"}


def test_values_fill_their_variables():
    values = {"买家": "小林", "客服": "小美", "店铺": "暖暖家居"}
    text = "亲爱的{买家}，欢迎光临{店铺}，我是客服{客服}～"
    assert render(text, values, MORNING) == "亲爱的小林，欢迎光临暖暖家居，我是客服小美～"


def test_a_given_value_overrides_a_builtin():
    assert render("{问候}呀", {"问候": "您好"}, MORNING) == "您好呀"


def test_text_without_variables_is_returned_as_is():
    text = "好的！！  稍等～"
    assert render(text, {}, MORNING) is text


def test_unknown_variables_stay_as_written():
    assert render("订单{订单号}已发出", {}, MORNING) == "订单{订单号}已发出"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("亲{买家}，您好", "亲，您好"),
        ("亲，{买家}，您好", "亲，您好"),
        ("{买家}，您好", "您好"),
        ("您好，{买家}！", "您好！"),
        ("您好，{买家}～", "您好～"),
        ("随时联系我，{客服}", "随时联系我"),
        ("亲 {买家} 您好", "亲 您好"),
        ("亲 {买家}，您好", "亲，您好"),
        ("Hi {买家} there", "Hi there"),
        ("您拍下的宝贝（{商品}）还没付款", "您拍下的宝贝还没付款"),
        ("您拍下的宝贝「{商品}」，还没付款", "您拍下的宝贝，还没付款"),
        ("{买家}，\n订单已发出", "订单已发出"),
        ("订单已发出\n{买家}，记得查收", "订单已发出\n记得查收"),
        ("{买家}{客服}，您好", "您好"),
    ],
)
def test_a_missing_value_leaves_no_trace(text, expected):
    assert render(text, {"买家": "", "客服": None}, MORNING) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "亲，全店包邮哦"),
        ({"活动": "双11"}, "亲，双11期间全店包邮哦"),
        ({"活动": "   "}, "亲，全店包邮哦"),
    ],
)
def test_an_optional_segment_goes_away_with_its_missing_value(values, expected):
    assert render("亲，[{活动}期间]全店包邮哦", values, MORNING) == expected


def test_an_optional_segment_needs_every_value_in_it():
    text = "亲，订单[（{金额}元，{截止时间}前付款）]还在等您～"
    assert render(text, {"金额": "59"}, MORNING) == "亲，订单还在等您～"
    assert render(text, {"金额": "59", "截止时间": "今晚"}, MORNING) == "亲，订单（59元，今晚前付款）还在等您～"


def test_brackets_without_a_variable_are_not_segments():
    """Chat clients write emoticons as [微笑]; they must survive rendering untouched."""
    assert render("[微笑]{买家}亲，您好[玫瑰]", {}, MORNING) == "[微笑]亲，您好[玫瑰]"


def test_punctuation_elsewhere_in_the_phrase_is_left_alone():
    assert render("好的！！{买家}，稍等……", {}, MORNING) == "好的！！稍等……"
    assert render("稍等……{买家}，马上来", {}, MORNING) == "稍等……马上来"
    assert render("亲，{买家}～马上来", {}, MORNING) == "亲～马上来"


_PIECES = st.lists(
    st.sampled_from(
        ["亲", "您好", "，", "！", "～", " ", "\n", "（", "）", "{买家}", "{客服}", "[{活动}期间，]", "哦"]
    ),
    max_size=12,
)


@settings(derandomize=True, deadline=None)
@given(_PIECES)
def test_missing_values_never_leave_doubled_marks_or_a_variable(pieces):
    text = "".join(pieces)
    rendered = render(text, {}, MORNING)
    for name in ("买家", "客服", "活动"):
        assert "{" + name + "}" not in rendered
    if "{" in text and "，，" not in text.replace("{买家}", "").replace("{客服}", ""):
        assert "，，" not in rendered


@pytest.mark.parametrize("depth", [1200, 20_000])
def test_deeply_nested_brackets_around_a_missing_value_render_without_recursion(depth):
    """A hostile team phrase (issue 11 #7): thousands of （ around {买家} once raised RecursionError in the
    filler, which took the window down at every start after a sync."""
    assert render("您好" + "（" * depth + "{买家}" + "）" * depth + "，亲", {}, MORNING) == "您好，亲"
    assert render("（" * depth + "{买家}" + "）" * depth, {"买家": "小林"}, MORNING).count("小林") == 1


def test_hostile_shapes_render_in_one_pass():
    """Shapes that made the old filler quadratic: '[' before many variables (regex backtracking), and a long
    run of marks followed by many gaps. Each renders correctly; at this size a quadratic filler would not
    finish within the suite's patience."""
    assert render("[" + "{买家}" * 20_000, {}, MORNING) == "["
    assert render("[" + "{买家}" * 3 + "]好", {"买家": "林"}, MORNING) == "林林林好"
    text = "好" + "！" * 40 + "{活动}，" * 20_000 + "亲"
    assert render(text, {}, MORNING) == "好" + "！" * 40 + "亲"
