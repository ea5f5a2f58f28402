"""Reading what an agent copied from the chat client: one message, or a block of several with their headers.

Chat clients put a header line above each message when several are selected and copied. Seen in Qianniu/
Wangwang copies (and in the tools people wrote to read them): the sender's nick with the date and time,
`买家昵称 2024-05-01 10:21:33`, sometimes without the space (`买家昵称2024-5-1 10:21:33`), in brackets
(`[买家昵称] 2024-05-01 10:21:33`), with the time first (`2024-05-01 10:21:33 买家昵称`, as JD's and QQ-style
clients write it), or the nick on one line and the time on the next. The seller side is written
`主账号:子账号` (`店铺名:客服小美`). Between messages come read marks (已读/未读), "撤回了一条消息", transfer
lines (`A --> B 2024-...`) and product cards; none of them is the buyer speaking.

`read_copied` keeps the buyer's messages only, takes the last burst of them (what the buyer wrote since the
seller last spoke, or the last such burst) and merges it into one question: 在吗 / 还有货吗 / 能少点不 becomes
"在吗，还有货吗，能少点不", which the engine answers as one message. Text without headers passes through
unchanged. Pure logic: no Qt, nothing logged (the copied text is the buyer's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# The engine reads this many characters of a message; a merged burst keeps its newest lines within it.
MAX_QUESTION_CHARS = 300
# A header's nick is short; a longer line ending in a time is a sentence ("我们约好 2024-05-01 10:00:00 到").
MAX_NICK_CHARS = 40

_DATE = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
_TIME_WITH_SECONDS = r"\d{1,2}:\d{2}:\d{2}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
# A stamp: a date with a time, or a time with seconds (buyers write 10:30, clients write 10:30:00).
_STAMP = rf"(?:{_DATE}\s*{_TIME}|{_TIME_WITH_SECONDS})"
_OPEN, _CLOSE = r"[\[【(（<]", r"[\]】)）>]"
_HEADER_PATTERNS = (
    # nick then stamp: 买家昵称 2024-05-01 10:21:33 / [买家昵称] 10:21:33 / 买家昵称(2024-05-01 10:21:33):
    re.compile(rf"^{_OPEN}?(?P<nick>[^\s].*?){_CLOSE}?\s*{_OPEN}?{_STAMP}{_CLOSE}?\s*[:：]?$"),
    # stamp then nick: 2024-05-01 10:21:33 买家昵称 / 2024-05-01 10:21:33 【客服】店铺名:小美
    re.compile(rf"^{_OPEN}?{_STAMP}{_CLOSE}?\s+{_OPEN}?(?P<nick>[^\s].*?){_CLOSE}?\s*[:：]?$"),
    # a bracketed nick with a short time: [买家昵称] 10:21
    re.compile(rf"^{_OPEN}(?P<nick>[^\]】)）>]+){_CLOSE}\s*{_TIME}\s*$"),
)
_STAMP_ONLY = re.compile(rf"^{_OPEN}?(?:{_DATE}\s*{_TIME}|{_DATE}|{_TIME}){_CLOSE}?$")
# Seller accounts: 主账号:子账号 (the colon may be full-width), as Qianniu and Wangwang show a sub-account.
_SUB_ACCOUNT = re.compile(r"^[^:：\s][^:：]*[:：][^:：\s][^:：]*$")
# Words only a shop's own account carries in its nick (JD/PDD/Douyin show the shop or 客服 name).
_SHOP_WORDS = ("客服", "旗舰店", "专营店", "专卖店", "官方")
_TRANSFER = re.compile(r"-->|转交给|转接给")
_STATUS_LINES = frozenset({"已读", "未读", "发送中", "发送失败", "[已读]", "[未读]"})
_SYSTEM_LINE = re.compile(r"撤回了一条消息|^当前用户来自|^系统消息|^以下为新消息|^以上是历史消息|^—+|^-{3,}")
_CLAUSE_END = "。！？!?，,；;～~…"


@dataclass(frozen=True, slots=True)
class CopiedMessage:
    """What to answer: `question` (the buyer's last burst, merged), `buyer` (their nick, "" when the copy had
    no headers), and `from_block` (headers were found; `question` is not the copied text itself)."""

    question: str
    buyer: str = ""
    from_block: bool = False


@dataclass(slots=True)
class _Entry:
    nick: str
    lines: list[str]


def read_copied(text: str, seller_names: Iterable[str] = ()) -> CopiedMessage:
    """The buyer's question in `text` as copied. `seller_names` are the agent's and shop's names (settings):
    a header whose nick contains one is the seller's, as is any `主账号:子账号` nick."""
    lines = text.splitlines()
    if len(lines) < 2:
        return CopiedMessage(text)
    entries = _entries(lines)
    if not entries:
        return CopiedMessage(text)
    names = tuple(n.strip() for n in seller_names if n and n.strip())
    sellers = {e.nick for e in entries if _is_seller(e.nick, names)}
    buyers = [e.nick for e in entries if e.nick not in sellers and e.lines]
    if not buyers:
        return CopiedMessage("", from_block=True)
    buyer = buyers[-1]  # one chat, one buyer; among unknown nicks, the one who wrote last (agents copy then)
    burst = _last_burst(entries, buyer)
    return CopiedMessage(_merge(burst), buyer, True)


def _entries(lines: list[str]) -> list[_Entry]:
    """Messages under their headers; [] when no line is a header (text without headers is a message)."""
    entries: list[_Entry] = []
    pending_nick = ""  # a nick line whose stamp is on the next line
    # Where headers are one line, a stamp alone is a time divider and the line above it a message.
    two_line_headers = not any(_header_nick(line.strip()) for line in lines)
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if _STAMP_ONLY.match(line):
            if pending_nick:
                entries.append(_Entry(pending_nick, []))
                pending_nick = ""
            continue  # a time divider, or the stamp of the header above
        nick = _header_nick(line)
        if nick is not None:
            pending_nick = ""
            entries.append(_Entry(nick, []))
            continue
        if pending_nick:  # it was a message line after all
            _add_line(entries, pending_nick)
            pending_nick = ""
        if two_line_headers and _next_is_stamp_only(lines, index) and len(line) <= MAX_NICK_CHARS \
                and not _ends_clause(line):
            pending_nick = line
            continue
        _add_line(entries, line)
    if pending_nick:
        _add_line(entries, pending_nick)
    if not any(e.nick for e in entries):
        return []
    return [e for e in entries if e.nick]


def _next_is_stamp_only(lines: list[str], index: int) -> bool:
    """Whether the next non-blank line is a full date and time alone (the nick above it is a header)."""
    following = next((line.strip() for line in lines[index + 1:] if line.strip()), "")
    return bool(_STAMP_ONLY.match(following)) and bool(re.search(_DATE, following))


def _add_line(entries: list[_Entry], line: str) -> None:
    if line in _STATUS_LINES or _SYSTEM_LINE.search(line):
        return
    if not entries:
        entries.append(_Entry("", []))  # text above the first header: not attributed to anyone
    entries[-1].lines.append(line)


def _header_nick(line: str) -> str | None:
    if ":" not in line or _STAMP_ONLY.match(line):
        return None  # "2024-05-01 10:21:33" alone: a stamp, not a nick "2024-05-01" with a time
    if _TRANSFER.search(line) and re.search(_TIME, line):
        return ""  # "A --> B 10:21:33": a transfer notice; what follows is nobody's message
    for pattern in _HEADER_PATTERNS:
        match = pattern.match(line)
        if match:
            nick = match.group("nick").strip().strip("[]【】()（）<>").strip()
            if nick and len(nick) <= MAX_NICK_CHARS and nick[-1] not in ":：":  # 下单时间：2024-… is a label
                return nick
    return None


def _is_seller(nick: str, names: tuple[str, ...]) -> bool:
    if not nick:
        return True  # system lines
    if _SUB_ACCOUNT.match(nick):
        return True
    return any(name in nick for name in names) or any(word in nick for word in _SHOP_WORDS)


def _last_burst(entries: list[_Entry], buyer: str) -> list[str]:
    """The buyer's lines since the seller last spoke; if the seller spoke last, the buyer's burst before."""
    burst: list[str] = []
    for entry in reversed(entries):
        if entry.nick == buyer:
            if entry.lines:
                burst[:0] = entry.lines
        elif burst:
            break
    return burst


def _merge(lines: list[str]) -> str:
    """One question from a burst: lines joined by ，, the newest ones kept when it runs long."""
    kept: list[str] = []
    length = 0
    for line in reversed(lines):
        if kept and length + len(line) + 1 > MAX_QUESTION_CHARS:
            break
        kept.insert(0, line)
        length += len(line) + 1
    merged = ""
    for line in kept:
        if merged and not _ends_clause(merged):
            merged += "，"
        merged += line
    return merged


def _ends_clause(text: str) -> bool:
    return text[-1:] in _CLAUSE_END


_SPEAKER = re.compile(r"^\s*([^\s:：]{1,24})[:：]\s*(\S.*)$", re.DOTALL)


def split_speaker(text: str) -> tuple[str, str]:
    """("小猪佩奇2019", "太贵了") for a copied line "小猪佩奇2019：太贵了"; ("", text) when no one is named."""
    match = _SPEAKER.match(text)
    return (match.group(1), match.group(2).strip()) if match else ("", text.strip())
