"""Why a buyer did not buy (未成交原因): the reasons an agent records and the counts that go to the lead.

The trainers' notes tell pre-sales agents to note, for every buyer who did not convert, the reason they
gave, and to report the counts daily to product development and operations ("if 90 of 100 buyers say the
style is dated, it is time to rethink the selection"). The eight reasons of the notes are the defaults; a
shop adds its own in the setting `lost_sale_reasons` (one per line or separated by ，/,).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_REASONS: tuple[str, ...] = (
    "价格太贵", "担心质量", "款式不新", "别家更划算", "没有优惠", "缺少功能", "不包邮", "快递太慢",
)
OTHER_REASON = "其他"
MAX_REASON_CHARS = 20
MAX_NOTE_CHARS = 200
MAX_REASONS = 30
_SEPARATORS = re.compile(r"[\n,，;；、]+")


class LostSaleError(ValueError):
    """A reason or note that cannot be recorded, with a message to show as it is."""


@dataclass(frozen=True)
class LostSale:
    """One buyer who did not buy, on one day, and why. The note is the agent's, kept on this PC only."""

    buyer: str
    day: dt.date
    reason: str
    note: str = ""


def shop_reasons(extra: str) -> tuple[str, ...]:
    """The defaults, then the shop's own (blank, too long and repeated ones left out), then 其他."""
    reasons = list(DEFAULT_REASONS)
    for reason in (part.strip() for part in _SEPARATORS.split(extra)):
        if reason and len(reason) <= MAX_REASON_CHARS and reason not in reasons and reason != OTHER_REASON:
            reasons.append(reason)
    return (*reasons[:MAX_REASONS], OTHER_REASON)


def checked(buyer: str, reason: str, note: str, reasons: Iterable[str]) -> tuple[str, str, str]:
    """Buyer, reason and note as they are stored, or a `LostSaleError` saying what is wrong."""
    buyer, reason, note = buyer.strip(), reason.strip(), note.strip()
    if not buyer:
        raise LostSaleError("没有买家昵称")
    if reason not in set(reasons):
        raise LostSaleError(f"未知的原因：{reason}（可选：{'、'.join(reasons)}）")
    if len(note) > MAX_NOTE_CHARS:
        raise LostSaleError(f"备注最多 {MAX_NOTE_CHARS} 个字")
    return buyer, reason, note


def reason_counts(sales: Iterable[LostSale]) -> dict[dt.date, Counter[str]]:
    """Day → reason → buyers: what travels to the lead (counts and reasons only, never who)."""
    counts: dict[dt.date, Counter[str]] = {}
    for sale in sales:
        counts.setdefault(sale.day, Counter())[sale.reason] += 1
    return counts


def totals(counts: dict[dt.date, Counter[str]]) -> Counter[str]:
    return sum(counts.values(), Counter())
