"""Filling phrase variables ({买家}, {问候}, ...) so a reply reads naturally even when a value is missing.

Two ways a phrase copes with a missing value:
- a bare variable simply disappears, and the punctuation it leaves behind is mended
  ("亲爱的{买家}，您好" → "亲爱的，您好"; "（{商品}）" leaves no empty brackets);
- an optional segment in square brackets goes away whole unless every variable in it has a value
  ("[{活动}期间，]全店包邮" → "全店包邮"; with a value the brackets vanish: "双11期间，全店包邮").
  Only brackets that contain a variable are segments, so emoticon codes such as "[微笑]" stay as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

VARIABLES = ("买家", "客服", "店铺", "问候", "日期", "商品", "活动", "金额", "截止时间")
_NAMES = "|".join(VARIABLES)
_VARIABLE = re.compile(r"\{(" + _NAMES + r")\}")
_SEGMENT = re.compile(r"\[([^\[\]\n]*?\{(?:" + _NAMES + r")\}[^\[\]\n]*?)\]")

# Where a removed value was; mended once every substitution is done.
_GAP = "\0"
_BLANKS = " \t\u3000"
_PUNCT = "，。！？、；：～…,.!?;:~"
_ENDS_SENTENCE = "。！？…!?"
_DANGLES_AT_END = "，、；：,;:"
_PAIRS = {"（": "）", "(": ")", "【": "】", "「": "」", "『": "』", "《": "》", "“": "”", "[": "]"}


def greeting(now: dt.datetime) -> str:
    """早上好 5:00–10:59, 中午好 11:00–12:59, 下午好 13:00–17:59, otherwise 晚上好 (night shifts run past midnight)."""
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
    if "{" not in text:
        return text
    filled = builtin_values(now or dt.datetime.now())
    filled.update({key: value.strip() for key, value in values.items() if value and value.strip()})

    def fill_segment(match: re.Match[str]) -> str:
        inner = match.group(1)
        if all(name in filled for name in _VARIABLE.findall(inner)):
            return _VARIABLE.sub(lambda m: filled[m.group(1)], inner)
        return _GAP

    rendered = _SEGMENT.sub(fill_segment, text)
    rendered = _VARIABLE.sub(lambda m: filled.get(m.group(1), _GAP), rendered)
    if _GAP not in rendered:
        return rendered
    pieces = rendered.split(_GAP)
    mended = pieces[0]
    for piece in pieces[1:]:
        mended = _join(mended, piece)
    return mended


def _join(left: str, right: str) -> str:
    """Close the gap a missing value left between `left` and `right` so the sentence still reads."""
    before, after = left.rstrip(_BLANKS), right.lstrip(_BLANKS)
    spaced = before != left and after != right
    # "（{商品}）" with no 商品 leaves an empty pair: drop it, then mend what is around it.
    if before and after and _PAIRS.get(before[-1]) == after[0]:
        return _join(before[:-1], after[1:])
    if not before:
        # Nothing before: punctuation (or a line break) after the gap would open the reply.
        return after.lstrip(_PUNCT + _BLANKS + "\n")
    if not after:
        return before.rstrip(_DANGLES_AT_END + _BLANKS + "\n")
    if before.endswith("\n"):
        return before + after.lstrip(_PUNCT + _BLANKS)
    if after.startswith("\n"):
        return before.rstrip(_DANGLES_AT_END) + after
    if before[-1] in _PUNCT and after[0] in _PUNCT:
        tail = len(before) - len(before.rstrip(_PUNCT + _BLANKS))
        head = len(after) - len(after.lstrip(_PUNCT + _BLANKS))
        kept = _stronger(before[len(before) - tail :].strip(_BLANKS), after[:head].strip(_BLANKS))
        return before[: len(before) - tail] + kept + after[head:]
    if spaced and before[-1] not in _PUNCT and after[0] not in _PUNCT:
        return before + " " + after
    return before + after


def _stronger(left_run: str, right_run: str) -> str:
    """Of the punctuation on both sides of a gap keep one side whole: a sentence end beats a ～, which beats a comma.

    "好的！{买家}，" keeps "！"; "亲，{买家}～" keeps "～"; on a tie the left side stays ("稍等……{买家}，" keeps "……").
    """
    return right_run if _strength(right_run) > _strength(left_run) else left_run


def _strength(run: str) -> int:
    if any(mark in _ENDS_SENTENCE for mark in run):
        return 2
    return 1 if any(mark in "～~" for mark in run) else 0
