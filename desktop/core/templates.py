"""Filling phrase variables ({买家}, {问候}, ...) so a reply reads naturally even when a value is missing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

VARIABLES = ("买家", "客服", "店铺", "问候", "日期", "商品", "活动", "金额", "截止时间")
_VARIABLE = re.compile(r"\{(" + "|".join(VARIABLES) + r")\}")
_CJK_PUNCT = "，。！？、；：～…"
# What is left around a variable that rendered empty: "亲{买家}，" must become "亲，", not "亲，，".
_DOUBLED = re.compile(rf"([{_CJK_PUNCT},.!?;:])(?:\s*[{_CJK_PUNCT},.!?;:])+")
_LEADING = re.compile(rf"^[\s{_CJK_PUNCT},.!?;:]+", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u3000]{2,}")


def greeting(now: dt.datetime) -> str:
    hour = now.hour
    if 5 <= hour < 11:
        return "早上好"
    if 11 <= hour < 13:
        return "中午好"
    if 13 <= hour < 18:
        return "下午好"
    return "晚上好"


def builtin_values(now: dt.datetime) -> dict[str, str]:
    return {"问候": greeting(now), "日期": f"{now.month}月{now.day}日"}


def variables_in(text: str) -> list[str]:
    return _VARIABLE.findall(text)


def render(text: str, values: Mapping[str, str | None], now: dt.datetime | None = None) -> str:
    """Replace known variables; a variable without a value disappears together with what it leaves dangling."""
    filled = {**builtin_values(now or dt.datetime.now()), **{k: v for k, v in values.items() if v}}
    if "{" not in text:
        return text
    rendered = _VARIABLE.sub(lambda m: filled.get(m.group(1), "\0"), text)
    if "\0" not in rendered:
        return rendered
    rendered = rendered.replace("\0", "")
    rendered = _DOUBLED.sub(lambda m: _stronger(m.group(0)), rendered)
    rendered = _LEADING.sub("", rendered)
    return _SPACES.sub(" ", rendered).strip()


def _stronger(run: str) -> str:
    """Of a run of punctuation left by a removed variable keep the one that ends a sentence, if any."""
    marks = [c for c in run if not c.isspace()]
    for mark in marks:
        if mark in "。！？!?…":
            return mark
    return marks[-1]
