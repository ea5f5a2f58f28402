"""Turning a buyer message copied from a chat into plain comparable text: Simplified, half-width, lower case,
without emoji, links, order numbers or product ids, with every punctuation mark reduced to one space."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

# Links, order numbers (with their label: a pasted "订单号：2405…" is context, not a question about tracking),
# phones and product ids say nothing about what the buyer wants; long digit runs would otherwise look like
# a size ("170") or a price to the cue patterns.
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|cn|net|html?)(?:/\S*)?", re.ASCII | re.IGNORECASE)
_LONG_NUMBER = re.compile(r"(?:订单编号|订单号|运单号|快递单号|物流单号|单号|订单)?[:：\s]*\d{6,}")
# A token mixing letters and digits, 5+ long (SKU12345, AB-1234-XY) is a product or waybill id; "170cm",
# "xl" or "iphone15" stay because they are short or read as words.
_PRODUCT_ID = re.compile(r"\b(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[a-z]{1,4}\d{5,}\b")
# Chat clients send their own emoticons as bracketed names: [微笑], [捂脸], /:^_^
_CHAT_EMOTICON = re.compile(r"\[[\u4e00-\u9fff a-z]{1,6}\]|/:[^\s\u4e00-\u9fff]{1,4}")
# "1.8米" must not split at the dot: written 1点8, as buyers also say it, it stays one token.
_DECIMAL = re.compile(r"(\d)\.(\d)")
# Letters, digits and CJK characters carry meaning; punctuation, symbols and emoji only separate clauses.
_SEPARATORS = re.compile(r"[\W_]+")
_SEPARATOR = " "


@cache
def _traditional_to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize(message: str) -> str:
    """The message as the engine compares it: one line, clauses separated by single spaces."""
    text = unicodedata.normalize("NFKC", message).lower()
    text = _traditional_to_simplified().convert(text)
    text = _URL.sub(_SEPARATOR, text)
    text = _CHAT_EMOTICON.sub(_SEPARATOR, text)
    text = _PRODUCT_ID.sub(_SEPARATOR, text)
    text = _LONG_NUMBER.sub(_SEPARATOR, text)
    text = _DECIMAL.sub(r"\1点\2", text)
    return _SEPARATORS.sub(_SEPARATOR, text).strip()


def clauses(normalized: str) -> list[str]:
    """The pieces of a normalised message between punctuation or spaces (a question each, often)."""
    return [part for part in normalized.split(_SEPARATOR) if part]


def bigrams(normalized: str) -> set[str]:
    """Character bigrams within each clause, plus single-character clauses, for lexical overlap."""
    grams: set[str] = set()
    for part in normalized.split(_SEPARATOR):
        if len(part) == 1:
            grams.add(part)
        grams.update(map(str.__add__, part, part[1:]))
    return grams
