"""意见反馈: what a buyer said that belongs to another department, and what may leave the agent's PC.

"Shipping is too slow" is the warehouse's, "the photos oversell it" operations', "a VAT invoice" finance's:
the service team collects these and hands them over. The agent files a copied message under a department;
the text stays on the PC unless the agent shares it, and what is shared is `redact`ed first: phone
numbers, addresses, recipients' names and e-mail addresses are replaced by a mark.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.clipboard_ids import IdKind, find_ids

DEFAULT_DEPARTMENTS: tuple[str, ...] = ("仓储", "运营", "财务", "产品", "物流")
MAX_DEPARTMENT_CHARS = 12
MAX_DEPARTMENTS = 20
MAX_FEEDBACK_CHARS = 1000
MAX_NOTE_CHARS = 200
_SEPARATORS = re.compile(r"[\n,，;；、]+")

PHONE_MARK = "[电话]"
ADDRESS_MARK = "[地址]"
NAME_MARK = "[姓名]"
EMAIL_MARK = "[邮箱]"
# An address: an administrative or street word, then within a few characters a house-level word. Both are
# needed, so "市区几天到" or "1号色" stay as they are.
_ADDRESS = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]{0,12}(?:省|自治区|市|区|县|镇|乡|村|街道|大道|路|街|巷|弄)"
    r"[\u4e00-\u9fffA-Za-z0-9#\-－]{0,30}?(?:号院|号楼|号|栋|幢|单元|室|小区|公寓|大厦|花园)"
    r"(?:[0-9A-Za-z\-－一二三四五六七八九十]{0,6}(?:号院|号楼|号|栋|幢|单元|室|层|楼|座))*"
    r"(?:[0-9]{1,5}(?![0-9]))?"  # a flat number written without 室
)
_RECIPIENT = re.compile(r"((?:收货人|收件人|联系人|姓名)\s*[:：]?\s*)[\u4e00-\u9fffA-Za-z·]{1,8}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPACED_PHONE = re.compile(r"(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)")


class FeedbackError(ValueError):
    """Feedback that cannot be filed, with a message to show as it is."""


class FeedbackState(StrEnum):
    NEW = "new"  # the lead has not acted on it
    HANDED_OVER = "handed_over"  # given to the department
    ANSWERED = "answered"  # the department answered


@dataclass(frozen=True)
class Feedback:
    """One message filed under a department. `buyer` and the unredacted `text` never leave this PC."""

    id: int
    department: str
    text: str
    note: str
    buyer: str
    created_at: dt.datetime
    shared_at: dt.datetime | None = None


def shop_departments(setting: str) -> tuple[str, ...]:
    """The shop's departments (setting `feedback_departments`, one per line or separated by ，/,), else the
    defaults of the trainers' notes."""
    departments: list[str] = []
    for name in (part.strip() for part in _SEPARATORS.split(setting)):
        if name and len(name) <= MAX_DEPARTMENT_CHARS and name not in departments:
            departments.append(name)
    return tuple(departments[:MAX_DEPARTMENTS]) or DEFAULT_DEPARTMENTS


def checked(department: str, text: str, note: str, departments: tuple[str, ...]) -> tuple[str, str, str]:
    department, text, note = department.strip(), text.strip(), note.strip()
    if department not in departments:
        raise FeedbackError(f"未知的部门：{department}（可选：{'、'.join(departments)}）")
    if not text:
        raise FeedbackError("没有要反馈的内容")
    if len(text) > MAX_FEEDBACK_CHARS:
        raise FeedbackError(f"反馈内容最多 {MAX_FEEDBACK_CHARS} 个字")
    if len(note) > MAX_NOTE_CHARS:
        raise FeedbackError(f"备注最多 {MAX_NOTE_CHARS} 个字")
    return department, text, note


def redact(text: str) -> str:
    """The text with phone numbers, addresses, recipients' names and e-mail addresses replaced by marks."""
    spans = [(found.start, found.end, PHONE_MARK) for found in find_ids(text) if found.kind is IdKind.PHONE]
    spans += [(m.start(), m.end(), PHONE_MARK) for m in _SPACED_PHONE.finditer(text)]
    spans += [(m.start(), m.end(), EMAIL_MARK) for m in _EMAIL.finditer(text)]
    spans += [(m.start(), m.end(), ADDRESS_MARK) for m in _ADDRESS.finditer(text)]
    spans += [(m.end(1), m.end(), NAME_MARK) for m in _RECIPIENT.finditer(text)]
    out, at = [], 0
    for start, end, mark in sorted(spans):
        if start < at:  # overlaps a span already replaced
            if end > at:
                at = end
            continue
        out.append(text[at:start])
        out.append(mark)
        at = end
    out.append(text[at:])
    return "".join(out)


def week_of(day: dt.date) -> dt.date:
    """The Monday a day's week starts on: the lead's summary groups by department and week."""
    return day - dt.timedelta(days=day.weekday())
