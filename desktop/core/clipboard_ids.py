"""Telling order numbers from phone numbers and tracking numbers in text an agent copied.

Rules (heuristics: the platforms publish no formats, these are the shapes seen in exports and chats):
- Pinduoduo orders: 6 date digits, a dash, 12–16 digits (``231123-123456789012345``).
- Chinese mobiles: ``1[3-9]`` + 9 digits, also written ``138-1234-5678`` / ``138 1234 5678`` / ``+86…``.
- Tracking numbers with a courier prefix: SF, YT, JT, JD(V/X), DPK, ZJS, EMS-style ``EA123456789CN``, …
- Bare digits: 18–19 → Taobao/Tmall (also Douyin) order; 16–17 → an order of another platform;
  10–12 → JD order; 13–15 → tracking number (ZTO, STO, Yunda, EMS domestic are all bare digits).
- A keyword just before a number (订单号 / 运单号 / 快递单号 / 手机) overrides the length rule.
Limits: a 12-digit number without a keyword may be a JD order or a tracking number (we say order, with
`certain=False`); Douyin and Taobao orders cannot be told apart; an order number known to the store always
wins over these rules (the caller checks that first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class IdKind(StrEnum):
    ORDER = "order"
    PHONE = "phone"
    TRACKING = "tracking"


@dataclass(frozen=True, slots=True)
class FoundId:
    kind: IdKind
    value: str  # normalised: no spaces, dashes kept only where they belong (PDD orders)
    start: int
    end: int
    platform: str = ""  # for orders: taobao / jd / pdd / "" when unknown
    certain: bool = True


TRACKING_PREFIXES = ("SF", "YT", "JT", "JDV", "JDX", "JD", "DPK", "ZJS", "YD", "ZTO", "STO", "KYE", "DB")
_PDD = re.compile(r"(?<![0-9A-Za-z-])(\d{6}-\d{12,16})(?![0-9A-Za-z-])")
_PHONE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9A-Za-z])")
_PREFIXED = re.compile(
    r"(?<![0-9A-Za-z])((?:" + "|".join(TRACKING_PREFIXES) + r")\d{9,16})(?![0-9A-Za-z])", re.IGNORECASE
)
_UPU = re.compile(r"(?<![0-9A-Za-z])([A-Z]{2}\d{9}[A-Z]{2})(?![0-9A-Za-z])")  # EMS / China Post international
_DIGITS = re.compile(r"(?<![0-9A-Za-z])(\d{10,19})(?![0-9A-Za-z])")

# What an agent or buyer writes just before a number: it beats the length rule.
_ORDER_WORDS = ("订单号", "订单编号", "订单", "单号为订单")
_TRACKING_WORDS = ("运单号", "快递单号", "物流单号", "快递号", "运单", "物流", "快递")
_PHONE_WORDS = ("手机", "电话", "联系方式", "tel", "Tel")
_CONTEXT = 8


def _hint(text: str, start: int) -> IdKind | None:
    before = text[max(0, start - _CONTEXT) : start]
    # The nearest keyword wins: "快递单号" contains "单号" but is about a parcel.
    best: tuple[int, IdKind] | None = None
    for words, kind in ((_TRACKING_WORDS, IdKind.TRACKING), (_ORDER_WORDS, IdKind.ORDER), (_PHONE_WORDS, IdKind.PHONE)):
        for word in words:
            at = before.rfind(word)
            if at >= 0 and (best is None or at + len(word) > best[0]):
                best = (at + len(word), kind)
    return best[1] if best else None


def find_ids(text: str) -> list[FoundId]:
    """Every order, phone and tracking number in `text`, in the order they appear."""
    found: list[FoundId] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(item: FoundId) -> None:
        found.append(item)
        taken.append((item.start, item.end))

    for m in _PDD.finditer(text):
        add(FoundId(IdKind.ORDER, m.group(1), m.start(1), m.end(1), "pdd"))
    for m in _PREFIXED.finditer(text):
        if free(m.start(1), m.end(1)):
            add(FoundId(IdKind.TRACKING, m.group(1).upper(), m.start(1), m.end(1)))
    for m in _UPU.finditer(text):
        if free(m.start(1), m.end(1)):
            add(FoundId(IdKind.TRACKING, m.group(1), m.start(1), m.end(1)))
    for m in _PHONE.finditer(text):
        start, end = m.start(1), m.end()
        if free(start, end) and _hint(text, m.start()) in (None, IdKind.PHONE):
            add(FoundId(IdKind.PHONE, "".join(m.group(1, 2, 3)), start, end))
    for m in _DIGITS.finditer(text):
        if free(m.start(1), m.end(1)):
            add(_classify_digits(m.group(1), m.start(1), m.end(1), _hint(text, m.start(1))))
    return sorted(found, key=lambda f: f.start)


def _classify_digits(digits: str, start: int, end: int, hint: IdKind | None) -> FoundId:
    length = len(digits)
    if hint is IdKind.TRACKING:
        return FoundId(IdKind.TRACKING, digits, start, end)
    if hint is IdKind.ORDER:
        return FoundId(IdKind.ORDER, digits, start, end, _platform_by_length(length))
    if hint is IdKind.PHONE and length == 11:
        return FoundId(IdKind.PHONE, digits, start, end)
    if length >= 16:
        return FoundId(IdKind.ORDER, digits, start, end, _platform_by_length(length), certain=length >= 18)
    if length >= 13:
        return FoundId(IdKind.TRACKING, digits, start, end, certain=False)
    return FoundId(IdKind.ORDER, digits, start, end, "jd", certain=length < 12)


def _platform_by_length(length: int) -> str:
    if length >= 18:
        return "taobao"
    if length <= 12:
        return "jd"
    return ""


def order_numbers(text: str) -> list[str]:
    return [f.value for f in find_ids(text) if f.kind is IdKind.ORDER]


def number_tokens(text: str) -> list[str]:
    """Every run of digits (PDD dashes kept) in `text`: what to look up among known order numbers."""
    return [m.group(0) for m in re.finditer(r"\d{6}-\d{12,16}|\d{6,}", text)]


def platform_of(order_id: str) -> str:
    """The platform an order number's shape suggests (taobao / jd / pdd), or "" when it does not tell."""
    if _PDD.fullmatch(order_id):
        return "pdd"
    if order_id.isdigit():
        return _platform_by_length(len(order_id))
    return ""
