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
ID_CARD_MARK = "[身份证]"
ACCOUNT_MARK = "[账号]"
_HAN = "\u4e00-\u9fff"
_LEVEL = "省|自治区|市|区|县|旗|镇|乡|街道"
_STREET = "大道|路|街|巷|弄|胡同"
# What may follow the first house-level part: more of them, then a flat number written without 室.
_HOUSE_TAIL = (r"(?:[0-9A-Za-z\-－一二三四五六七八九十]{0,6}(?:号院|号楼|号|栋|幢|单元|室|层|楼|座))*"
               r"(?:[0-9]{1,5}(?![0-9]))?")
# An address is one of: an administrative or street word, then within a few characters a building word
# ("…小区7幢2单元301"); a street word directly followed by its number ("文三路100号", "天府大道北段1700号": a
# bare 号 elsewhere is a date or a colour, "市区3号下单", "1号色"); a village under a township or county
# ("…东闾乡南王庄村", "…镇西王庄村3组"), which has neither street nor number. 农村/乡村 are not villages' names.
_ADDRESS = re.compile(
    rf"[{_HAN}A-Za-z0-9]{{0,12}}(?:{_LEVEL}|村|{_STREET})[{_HAN}A-Za-z0-9#\-－]{{0,30}}?"
    rf"(?:号院|号楼|栋|幢|单元|室|小区|公寓|大厦|花园){_HOUSE_TAIL}"
    rf"|[{_HAN}A-Za-z0-9]{{0,12}}(?:(?:{_LEVEL})[{_HAN}A-Za-z0-9]{{0,30}}?)?(?:{_STREET})(?:[东西南北中]?段)?"
    rf"[0-9]{{1,5}}号{_HOUSE_TAIL}"
    rf"|[{_HAN}]{{0,16}}?(?:县|旗|镇|乡|区|市)[{_HAN}]{{2,6}}?(?<![农乡])村(?:委会)?"
    rf"(?:[0-9一二三四五六七八九十]{{1,3}}组)?(?:[0-9]{{1,4}}号)?"
)
# Common surnames: an unlabelled name is only taken out next to a phone number, and only when it starts with one.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
             "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
             "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
             "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚"
             "岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝")
_NAME = rf"[{_SURNAMES}][{_HAN}]{{1,2}}"
_NAME_BEFORE_PHONE = re.compile(rf"(?:^|(?<=[\s,，;；:：、]))({_NAME})[\s,，、:：]*$")
_NAME_AFTER_PHONE = re.compile(rf"^[\s,，、:：]+({_NAME})(?=$|[\s,，;；、。!！])")
# A label, then a name: after a colon or a space anything name-like; directly after it only a surname, so
# "联系人说不用了" stays.
_RECIPIENT = re.compile(rf"((?:收货人|收件人|联系人|姓名)(?:\s*[:：]\s*|\s+))[{_HAN}A-Za-z·]{{1,8}}"
                        rf"|((?:收货人|收件人|联系人|姓名)){_NAME}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPACED_PHONE = re.compile(r"(?<!\d)1[3-9]\d(?:[\s\-.－]?\d){8}(?!\d)")
# A landline needs its area code set apart ("0755-86001234", "（010）82345678"): bare digits are orders.
_LANDLINE = re.compile(r"(?<![0-9])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[-－\s])\d{7,8}(?![0-9])")
# A resident ID card (cross-border orders need one): region, a birth date, sequence, check digit. An 18-digit
# order number is taken for one only when a plausible birth date sits in the middle.
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}"
                      r"[\dXx](?![0-9A-Za-z])")
# A WeChat or QQ account after its name: a buyer moving the talk off the platform.
_ACCOUNT = re.compile(r"(?<![A-Za-z])(?:微信号?|威信|薇信|[vVwW][xX]|[vV]信|QQ号?|qq号?|扣扣)\s*(?:是|为)?\s*[:：]?\s*"
                      r"([A-Za-z][A-Za-z0-9_-]{5,19}|[1-9]\d{4,11})(?![A-Za-z0-9_-])")
# A mobile in Chinese numerals, as buyers write it to get past a platform's filter.
_HAN_PHONE = re.compile(r"(?<![〇零一二三四五六七八九十])一[三四五六七八九](?:\s?[〇零一二三四五六七八九]){9}"
                        r"(?![〇零一二三四五六七八九十])")


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


def redact(text: str, names: tuple[str, ...] = ()) -> str:
    """The text with phone numbers, addresses, recipients' names, e-mail addresses, ID card numbers and WeChat
    or QQ accounts replaced by marks;
    `names` (the buyer's nick, known to this PC) are taken out wherever they appear."""
    spans = [(found.start, found.end, PHONE_MARK) for found in find_ids(text) if found.kind is IdKind.PHONE]
    for pattern in (_SPACED_PHONE, _LANDLINE, _HAN_PHONE):
        spans += [(m.start(), m.end(), PHONE_MARK) for m in pattern.finditer(text)]
    for start, end, _mark in list(spans):
        if before := _NAME_BEFORE_PHONE.search(text[:start]):
            spans.append((before.start(1), before.end(1), NAME_MARK))
        if after := _NAME_AFTER_PHONE.match(text[end:]):
            spans.append((end + after.start(1), end + after.end(1), NAME_MARK))
    spans += [(m.start(), m.end(), EMAIL_MARK) for m in _EMAIL.finditer(text)]
    spans += [(m.start(), m.end(), ID_CARD_MARK) for m in _ID_CARD.finditer(text)]
    spans += [(m.start(1), m.end(1), ACCOUNT_MARK) for m in _ACCOUNT.finditer(text)]
    spans += [(m.start(), m.end(), ADDRESS_MARK) for m in _ADDRESS.finditer(text)]
    spans += [(m.end(m.lastindex or 1), m.end(), NAME_MARK) for m in _RECIPIENT.finditer(text)]
    for name in {name.strip() for name in names if len(name.strip()) >= 2}:
        spans += [(m.start(), m.end(), NAME_MARK) for m in re.finditer(re.escape(name), text)]
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
