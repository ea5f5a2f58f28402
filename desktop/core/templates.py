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
# A bracketed run with no nested bracket or line break; it is a segment if it holds a variable. (One
# unambiguous character class, so the match is linear; the former lazy "…*?{var}…*?" pattern backtracked
# quadratically on "[" followed by many variables.)
_BRACKETED = re.compile(r"\[([^\[\]\n]*)\]")

# Where a removed value was; mended once every substitution is done.
_GAP = "\0"
_BLANKS = " \t\u3000"
_PUNCT = "，。！？、；：～…,.!?;:~"
_ENDS_SENTENCE = "。！？…!?"
_DANGLES_AT_END = "，、；：,;:"
_RUN_LOOKBACK = 32
_RUN_MARKS = _PUNCT + _BLANKS
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


def unfilled_variables(text: str, values: Mapping[str, str | None]) -> tuple[str, ...]:
    """The variables of `text` that `values` leaves empty, each once, in order of appearance."""
    missing = (name for name in variables_in(text) if not (values.get(name) or "").strip())
    return tuple(dict.fromkeys(missing))


def render(text: str, values: Mapping[str, str | None], now: dt.datetime | None = None, *,
           clock: bool = True) -> str:
    """Replace known variables; a variable without a value disappears together with what it leaves dangling.

    `clock=False` leaves {问候} and {日期} to `values` alone: text rendered once for later use (an export to
    Qianniu) must not freeze the greeting of the moment it was written.

    Runs in time linear in the text and never recurses on it: a phrase comes from the shared folder, so a
    hostile one (thousands of nested brackets around a variable) must render as fast as an ordinary one.
    """
    if "{" not in text:
        return text
    filled = builtin_values(now or dt.datetime.now()) if clock else {}
    filled.update({key: value.strip() for key, value in values.items() if value and value.strip()})

    def fill_segment(match: re.Match[str]) -> str:
        inner = match.group(1)
        names = _VARIABLE.findall(inner)
        if not names:
            return match.group(0)  # "[微笑]": an emoticon code, not a segment
        if all(name in filled for name in names):
            return _VARIABLE.sub(lambda m: filled[m.group(1)], inner)
        return _GAP

    rendered = _BRACKETED.sub(fill_segment, text)
    rendered = _VARIABLE.sub(lambda m: filled.get(m.group(1), _GAP), rendered)
    if _GAP not in rendered:
        return rendered
    pieces = rendered.split(_GAP)
    mended = list(pieces[0])
    for piece in pieces[1:]:
        _join(mended, piece)
    return "".join(mended)


def _join(left: list[str], right: str) -> None:
    """Close the gap a missing value left between `left` (mended so far, changed in place) and `right`.

    Works on the end of `left` and an index into `right` so that each character is looked at a bounded
    number of times: no copies of the text, no recursion however deep the brackets nest.
    """
    at = 0
    while True:
        blanks_before = _pop_while(left, _BLANKS)
        ahead = _skip(right, at, _BLANKS)
        spaced = blanks_before > 0 and ahead > at
        at = ahead
        # "（{商品}）" with no 商品 leaves an empty pair: drop it, then mend what is around it.
        if left and at < len(right) and _PAIRS.get(left[-1]) == right[at]:
            left.pop()
            at += 1
            continue
        break
    if not left:
        # Nothing before: punctuation (or a line break) after the gap would open the reply.
        left.extend(right[_skip(right, at, _PUNCT + _BLANKS + "\n") :])
        return
    if at == len(right):
        _pop_while(left, _DANGLES_AT_END + _BLANKS + "\n")
        return
    if left[-1] == "\n":
        left.extend(right[_skip(right, at, _PUNCT + _BLANKS) :])
        return
    if right[at] == "\n":
        _pop_while(left, _DANGLES_AT_END)
        left.extend(right[at:])
        return
    if left[-1] in _PUNCT and right[at] in _PUNCT:
        # Only the last few marks count: a longer run is not a sentence, and looking further back at
        # every gap would make a hostile phrase (a long run, then many gaps) quadratic.
        tail = 0
        while tail < min(len(left), _RUN_LOOKBACK) and left[-1 - tail] in _RUN_MARKS:
            tail += 1
        left_run = "".join(left[len(left) - tail :])
        head_end = _skip(right, at, _PUNCT + _BLANKS)
        kept = _stronger(left_run.strip(_BLANKS), right[at:head_end].strip(_BLANKS))
        del left[len(left) - tail :]
        left.extend(kept)
        left.extend(right[head_end:])
        return
    if spaced and left[-1] not in _PUNCT and right[at] not in _PUNCT:
        left.append(" ")
    left.extend(right[at:])


def _pop_while(chars: list[str], allowed: str) -> int:
    popped = 0
    while chars and chars[-1] in allowed:
        chars.pop()
        popped += 1
    return popped


def _skip(text: str, at: int, allowed: str) -> int:
    while at < len(text) and text[at] in allowed:
        at += 1
    return at


def _stronger(left_run: str, right_run: str) -> str:
    """Of the punctuation on both sides of a gap keep one side whole: a sentence end beats a ～, which beats a comma.

    "好的！{买家}，" keeps "！"; "亲，{买家}～" keeps "～"; on a tie the left side stays ("稍等……{买家}，" keeps "……").
    """
    return right_run if _strength(right_run) > _strength(left_run) else left_run


def _strength(run: str) -> int:
    if any(mark in _ENDS_SENTENCE for mark in run):
        return 2
    return 1 if any(mark in "～~" for mark in run) else 0
