"""Starred customers (亮星): star colour, tags, notes and promises (承诺) per buyer nickname, and finding a
known customer in copied text (by nickname or by one of their order numbers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from desktop.core.clipboard_ids import number_tokens
from desktop.core.ui_text import QT_TRANSLATE_NOOP


class StarColour(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PURPLE = "purple"


STAR_LABELS = {
    StarColour.RED: QT_TRANSLATE_NOOP("Labels", "红星"), StarColour.YELLOW: QT_TRANSLATE_NOOP("Labels", "黄星"),
    StarColour.GREEN: QT_TRANSLATE_NOOP("Labels", "绿星"), StarColour.BLUE: QT_TRANSLATE_NOOP("Labels", "蓝星"),
    StarColour.PURPLE: QT_TRANSLATE_NOOP("Labels", "紫星"),
}
STAR_HEX = {
    StarColour.RED: "#e5484d", StarColour.YELLOW: "#f5a524", StarColour.GREEN: "#30a46c",
    StarColour.BLUE: "#3e63dd", StarColour.PURPLE: "#8e4ec6",
}
REMINDED_TAG = "催付过"
TAG_SUGGESTIONS = (REMINDED_TAG, "VIP", "退换货", "中差评风险")
REMIND_STAR = StarColour.RED  # a chased buyer is a key conversion target: red, unless already starred
MAX_TAG_CHARS = 12


@dataclass(frozen=True, slots=True)
class Customer:
    nickname: str
    star: StarColour | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    updated_at: dt.datetime | None = None

    @property
    def starred(self) -> bool:
        return self.star is not None


@dataclass(frozen=True, slots=True)
class Promise:
    """Something promised to a buyer (“周五前发货”), checked before the shift ends (日清)."""

    id: int | None
    nickname: str
    text: str
    due: dt.datetime | None = None
    created_at: dt.datetime | None = None
    done_at: dt.datetime | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, now: dt.datetime) -> bool:
        return not self.done and self.due is not None and self.due <= now


def normalize_tag(tag: str) -> str:
    return " ".join(tag.split())[:MAX_TAG_CHARS]


def with_tag(customer: Customer, tag: str) -> Customer:
    tag = normalize_tag(tag)
    if not tag or tag in customer.tags:
        return customer
    return replace(customer, tags=(*customer.tags, tag))


def without_tag(customer: Customer, tag: str) -> Customer:
    return replace(customer, tags=tuple(t for t in customer.tags if t != tag))


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed in one box: separated by commas, 、 or spaces; duplicates dropped, order kept."""
    for separator in "，,、;；":
        text = text.replace(separator, " ")
    seen: dict[str, None] = {}
    for part in text.split():
        if tag := normalize_tag(part):
            seen.setdefault(tag, None)
    return tuple(seen)


def starred_after_remind(customer: Customer) -> Customer:
    """What reminding a buyer does to their record: a star if they had none, and the 催付过 tag."""
    starred = customer if customer.star is not None else replace(customer, star=REMIND_STAR)
    return with_tag(starred, REMINDED_TAG)


def promises_by_urgency(promises: Iterable[Promise]) -> list[Promise]:
    """Open promises first, the soonest due first; promises without a due time after the dated ones."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(promises, key=lambda p: (p.done, p.due or far, p.id or 0))


def matches_search(customer: Customer, query: str) -> bool:
    query = query.strip().lower()
    if not query:
        return True
    haystack = " ".join((customer.nickname, customer.note, *customer.tags)).lower()
    if customer.star is not None:
        haystack += " " + STAR_LABELS[customer.star]
    return all(word in haystack for word in query.split())


# --- finding a customer in copied text -------------------------------------------------------------------

MIN_NICKNAME_IN_TEXT = 4  # shorter nicknames ("小明") match by accident inside ordinary messages


@dataclass(frozen=True, slots=True)
class CustomerMatch:
    nickname: str
    via: str  # "nickname" or "order"
    order_id: str = ""


class CustomerIndex:
    """Known nicknames and order numbers → buyer, built once on the DB worker, queried on the UI thread."""

    def __init__(self, nicknames: Iterable[str], order_buyers: Mapping[str, str]) -> None:
        self._nicknames = {n for n in nicknames if n}
        # Longest first, so "小猪佩奇2019" wins over "小猪佩奇".
        self._long = sorted((n for n in self._nicknames if len(n) >= MIN_NICKNAME_IN_TEXT), key=len, reverse=True)
        self._order_buyers = order_buyers  # kept as given: the store answers it one number at a time

    def find(self, text: str) -> CustomerMatch | None:
        stripped = text.strip()
        if stripped in self._nicknames:
            return CustomerMatch(stripped, "nickname")
        for token in number_tokens(text):
            if buyer := self._order_buyers.get(token):
                return CustomerMatch(buyer, "order", token)
        for nickname in self._long:
            if nickname in text:
                return CustomerMatch(nickname, "nickname")
        return None


def find_customer_in_text(text: str, index: CustomerIndex) -> CustomerMatch | None:
    """The known customer the copied text names: the whole text is a nickname, or it holds their order number."""
    return index.find(text)
