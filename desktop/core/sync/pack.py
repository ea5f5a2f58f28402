"""The pack: one immutable, complete team library (phrases, sensitive words, promotions, featured product).

A pack is canonical JSON, named by its version and hash, never rewritten once published. The parser
trusts nothing: every field is type- and size-checked, so a damaged or hostile file fails with PackError.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from desktop.core.phrases import UNGROUPED, Phrase
from desktop.core.sync.canonical import canonical_bytes, parse_json_object

FORMAT_VERSION = 1
PACK_KIND = "kuaida-team-pack"
MAX_TEXT = 5000
MAX_SHORT = 200
MAX_LIST = 50
PHRASE_ID = re.compile(r"[A-Za-z0-9_.\-]{1,64}")


class PackError(ValueError):
    """The pack (or manifest) is damaged, forged or not ours; the message is shown to the agent."""


class FormatTooNewError(PackError):
    """Written by a newer Kuaida in a format this one cannot read: the agent should update Kuaida."""

    def __init__(self, found: int) -> None:
        super().__init__(f"团队库格式 v{found} 比本机快答支持的 v{FORMAT_VERSION} 新，请更新快答")
        self.found = found


@dataclass(frozen=True)
class Promotion:
    """A campaign (活动): its name fills {活动} while it runs; talking points are for the agents."""

    name: str
    start: dt.date
    end: dt.date
    talking_points: tuple[str, ...] = ()

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Featured:
    """The week's featured product (主推款): its phrase is pinned on top of suggestions while active."""

    phrase_id: str
    product: str
    start: dt.date
    end: dt.date

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class SensitiveWord:
    word: str
    category: str = ""


@dataclass(frozen=True)
class TeamLibrary:
    phrases: tuple[Phrase, ...] = ()
    sensitive_words: tuple[SensitiveWord, ...] = ()
    promotions: tuple[Promotion, ...] = ()
    featured: Featured | None = None


def _phrase_json(phrase: Phrase) -> dict[str, Any]:
    return {"id": phrase.id, "text": phrase.text, "group": phrase.group, "code": phrase.code,
            "intents": list(phrase.intents), "keywords": list(phrase.keywords)}


def _header_json(library: TeamLibrary, library_version: int) -> dict[str, Any]:
    featured = library.featured
    return {
        "kind": PACK_KIND, "format": FORMAT_VERSION, "library_version": library_version,
        "phrase_count": len(library.phrases),
        "sensitive_words": [{"word": w.word, "category": w.category} for w in library.sensitive_words],
        "promotions": [
            {"name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat(),
             "talking_points": list(p.talking_points)}
            for p in library.promotions
        ],
        "featured": None if featured is None else {
            "phrase_id": featured.phrase_id, "product": featured.product,
            "start": featured.start.isoformat(), "end": featured.end.isoformat(),
        },
    }


def encode_pack(library: TeamLibrary, library_version: int) -> bytes:
    """A header line, then one phrase per line (JSON Lines), each line canonical JSON, newline-terminated.

    One line per phrase keeps parsing in small steps: a reader thread never holds the interpreter for the
    length of one huge json.loads, so the UI thread stays smooth while a 50,000-phrase pack is read.
    """
    lines = [canonical_bytes(_header_json(library, library_version))]
    lines += [canonical_bytes(_phrase_json(p)) for p in library.phrases]
    return b"\n".join(lines) + b"\n"


def decode_pack(data: bytes) -> tuple[int, TeamLibrary]:
    """Parse pack bytes into (library_version, library); raise PackError on anything unexpected."""
    # Line by line from a stream rather than one data.split(): many small steps, never one long one.
    stream = io.BytesIO(data)
    raw = parse_json_object(stream.readline(), "团队库文件", PackError)
    check_kind_and_format(raw, PACK_KIND, "团队库文件")  # first: a newer layout must ask for an update
    version = _int(raw, "library_version")
    expected = _int(raw, "phrase_count")
    phrases_list: list[Phrase] = []
    for line in stream:
        if not line.endswith(b"\n") or len(phrases_list) >= expected:
            raise PackError("团队库文件不完整（短语条数与文件头不符）")
        phrases_list.append(_phrase(parse_json_object(line, "团队库文件", PackError)))
    if len(phrases_list) != expected or not data.endswith(b"\n"):
        raise PackError("团队库文件不完整（短语条数与文件头不符）")
    phrases = tuple(phrases_list)
    ids = {p.id for p in phrases}
    if len(ids) != len(phrases):
        raise PackError("团队库文件中有重复的短语编号")
    words = tuple(
        SensitiveWord(_str(item, "word", MAX_SHORT, required=True), _str(item, "category", MAX_SHORT))
        for item in _objects(raw, "sensitive_words")
    )
    promotions = tuple(
        Promotion(
            _str(item, "name", MAX_SHORT, required=True), _date(item, "start"), _date(item, "end"),
            tuple(_text_items(item, "talking_points", MAX_TEXT)),
        )
        for item in _objects(raw, "promotions")
    )
    featured = None
    if raw.get("featured") is not None:
        item = _object(raw["featured"], "featured")
        featured = Featured(_id(item, "phrase_id"), _str(item, "product", MAX_SHORT), _date(item, "start"),
                            _date(item, "end"))
    return version, TeamLibrary(phrases, words, promotions, featured)


def check_kind_and_format(raw: dict[str, Any], kind: str, what: str) -> int:
    if raw.get("kind") != kind:
        raise PackError(f"{what}不是快答团队库的文件")
    found = raw.get("format")
    if not isinstance(found, int) or isinstance(found, bool) or found < 1:
        raise PackError(f"{what}的格式版本无效")
    if found > FORMAT_VERSION:
        raise FormatTooNewError(found)
    return found


# field readers: each raises PackError naming the field -----------------------------------------------
def _object(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PackError(f"团队库文件字段 {name} 格式不对")
    return value


def _list(raw: dict[str, Any], name: str, limit: int = MAX_LIST) -> list[Any]:
    value = raw.get(name, [])
    if not isinstance(value, list) or len(value) > limit:
        raise PackError(f"团队库文件字段 {name} 格式不对")
    return value


def _objects(raw: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """A list of JSON objects of any length (a library may hold tens of thousands of phrases)."""
    return [_object(item, name) for item in _list(raw, name, limit=2**31)]


def _str(raw: dict[str, Any], name: str, limit: int, *, required: bool = False) -> str:
    value = raw.get(name, "")
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise PackError(f"团队库文件字段 {name} 格式不对")
    return value


def _int(raw: dict[str, Any], name: str) -> int:
    value = raw.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise PackError(f"团队库文件字段 {name} 格式不对")
    return value


def _id(raw: dict[str, Any], name: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not PHRASE_ID.fullmatch(value):
        raise PackError(f"团队库文件字段 {name} 不是有效的编号")
    return value


def _date(raw: dict[str, Any], name: str) -> dt.date:
    value = raw.get(name)
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise PackError(f"团队库文件字段 {name} 不是有效的日期") from error


def _text_items(raw: dict[str, Any], name: str, limit: int) -> list[str]:
    items = _list(raw, name)
    if not all(isinstance(item, str) and len(item) <= limit for item in items):
        raise PackError(f"团队库文件字段 {name} 格式不对")
    return items


def _phrase(item: dict[str, Any]) -> Phrase:
    text = _str(item, "text", MAX_TEXT, required=True)
    return Phrase(
        id=_id(item, "id"), text=text, group=_str(item, "group", MAX_SHORT) or UNGROUPED,
        code=_str(item, "code", MAX_SHORT), intents=tuple(_text_items(item, "intents", MAX_SHORT)),
        keywords=tuple(_text_items(item, "keywords", MAX_SHORT)), source="team",
    )
