"""The 日清 handover that travels through the team folder: the note and the open promises, nothing more.

One file per shop (`handover/<shop hash>.json`), replaced by each 日清 that writes a note, read by the next
shift's Kuaida on any PC of the team. Like every file on the share that agents write, nobody signs it, so it
is read sceptically: bounded size, exact field types, and a file failing any check is ignored whole.
A promise carries the buyer's nick, what was promised and when it is due; no order numbers, no phones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

HANDOVER_KIND = "kuaida-handover"
HANDOVER_FORMAT = 1
MAX_HANDOVER_BYTES = 256 * 1024
MAX_NOTE_CHARS = 4000
MAX_PROMISES = 200
MAX_BUYER_CHARS = 100
MAX_PROMISE_CHARS = 500
# A handover is for the next shift: one older than this is last week's news, not shown to a newcomer.
MAX_AGE = dt.timedelta(hours=48)
# Clocks on PCs disagree a little; a note "written" far in the future is forged or from a broken clock.
MAX_CLOCK_SKEW = dt.timedelta(hours=1)
_NOTE_ID = re.compile(r"[0-9a-f]{32}")
_AGENT_ID = re.compile(r"[0-9a-f]{8,32}")


class HandoverError(ValueError):
    """The shared handover file is not one Kuaida wrote (damaged, cut, forged): it is ignored."""


@dataclass(frozen=True)
class SharedPromise:
    buyer: str
    text: str
    due: dt.datetime | None = None


@dataclass(frozen=True)
class Handover:
    note_id: str
    agent_id: str  # the writer's random agent id (as in stats/): its own PC already has the note
    written_at: dt.datetime  # UTC
    note: str
    promises: tuple[SharedPromise, ...] = ()

    def is_fresh(self, now: dt.datetime) -> bool:
        return now - MAX_AGE <= self.written_at <= now + MAX_CLOCK_SKEW


def new_handover(agent_id: str, written_at: dt.datetime, note: str, promises: Iterable[SharedPromise]) -> Handover:
    """A handover to share, cut to the limits a reader accepts (the first promises, soonest due, are kept)."""
    kept = tuple(SharedPromise(p.buyer[:MAX_BUYER_CHARS], p.text[:MAX_PROMISE_CHARS], p.due)
                 for p in list(promises)[:MAX_PROMISES])
    return Handover(uuid.uuid4().hex, agent_id, written_at.astimezone(dt.UTC), note.strip()[:MAX_NOTE_CHARS], kept)


def handover_file_name(shop: str) -> str:
    """Per shop: agents of two shops sharing one folder each get their own. A hash, because a shop name may
    hold any character and share file names stay `[A-Za-z0-9_-].json`."""
    return hashlib.sha256(shop.strip().encode("utf-8")).hexdigest()[:16] + ".json"


def encode_handover(handover: Handover) -> bytes:
    body = {
        "kind": HANDOVER_KIND, "format": HANDOVER_FORMAT, "id": handover.note_id, "agent": handover.agent_id,
        "written_at": handover.written_at.astimezone(dt.UTC).isoformat(), "note": handover.note,
        "promises": [{"buyer": p.buyer, "text": p.text, "due": p.due.astimezone(dt.UTC).isoformat() if p.due else None}
                     for p in handover.promises],
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode_handover(data: bytes) -> Handover:
    if len(data) > MAX_HANDOVER_BYTES:
        raise HandoverError("交接文件过大")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise HandoverError("交接文件已损坏") from error
    if not isinstance(raw, dict) or raw.get("kind") != HANDOVER_KIND or raw.get("format") != HANDOVER_FORMAT:
        raise HandoverError("不是快答的交接文件")
    note_id, agent = _text(raw, "id", 32), _text(raw, "agent", 32)
    if not _NOTE_ID.fullmatch(note_id) or not _AGENT_ID.fullmatch(agent):
        raise HandoverError("交接文件的编号无效")
    promises = raw.get("promises")
    if not isinstance(promises, list) or len(promises) > MAX_PROMISES:
        raise HandoverError("交接文件的承诺列表无效")
    return Handover(note_id, agent, _time(raw.get("written_at")), _text(raw, "note", MAX_NOTE_CHARS),
                    tuple(_promise(item) for item in promises))


def _promise(item: Any) -> SharedPromise:
    if not isinstance(item, dict):
        raise HandoverError("交接文件的承诺无效")
    due = item.get("due")
    return SharedPromise(_text(item, "buyer", MAX_BUYER_CHARS), _text(item, "text", MAX_PROMISE_CHARS),
                         None if due is None else _time(due))


def _text(raw: dict[str, Any], name: str, limit: int) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or len(value) > limit:
        raise HandoverError(f"交接文件的 {name} 无效")
    return value


def _time(value: Any) -> dt.datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise HandoverError("交接文件的时间无效")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise HandoverError("交接文件的时间无效") from error
    if moment.tzinfo is None:
        raise HandoverError("交接文件的时间没有时区")
    return moment.astimezone(dt.UTC)
