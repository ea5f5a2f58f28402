"""The quick-reply phrase (快捷短语) and the buyer-intent taxonomy phrases are organised by."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Literal

Source = Literal["team", "personal"]
UNGROUPED = "未分组"
MAX_INTENTS = 2
# What a phrase is for beyond the buyer intents it answers (the shop marks them; the bundled defaults carry
# them): 稍等查询 promises a follow-up (a 15-minute one goes to 日清 when pasted), 致歉 answers a late reply,
# 安抚/升级 are the approved calming and escalation phrases that lead in high-risk chats (service_guard.py).
FLAG_NAMES = {"wait": "稍等查询", "apology": "致歉", "calm": "安抚", "escalate": "升级"}


@dataclass(frozen=True, slots=True)
class Intent:
    id: str
    name_zh: str
    description: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """One reply. `text` may hold emoji, line breaks and template variables such as {买家}."""

    id: str
    text: str
    group: str = UNGROUPED
    code: str = ""
    intents: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    source: Source = "personal"
    enabled: bool = True
    flags: tuple[str, ...] = ()  # keys of FLAG_NAMES

    def has_flag(self, flag: str) -> bool:
        return flag in self.flags

    def with_changes(self, **changes: object) -> Phrase:
        return replace(self, **changes)  # type: ignore[arg-type]


def new_phrase_id(source: Source = "personal") -> str:
    return f"{source[0]}-{uuid.uuid4().hex[:12]}"


@cache
def intents() -> tuple[Intent, ...]:
    """The buyer intents, in taxonomy order, from the bundled `intents.tsv`."""
    text = resources.files("desktop.resources").joinpath("intents.tsv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))[1:]
    return tuple(Intent(r[0], r[1], r[2]) for r in rows if r)


@cache
def intent_ids() -> frozenset[str]:
    return frozenset(i.id for i in intents())


@dataclass
class PhraseProblem:
    """Why a phrase (or an imported row) is not acceptable."""

    message: str
    row: int | None = None
    fields: dict[str, str] = field(default_factory=dict)


def parse_flags(names: tuple[str, ...]) -> tuple[str, ...]:
    """Flags as a file or a pack writes them (their Chinese names or their keys) → keys; unknown ones raise."""
    by_name = {name: key for key, name in FLAG_NAMES.items()}
    flags = []
    for name in names:
        key = name if name in FLAG_NAMES else by_name.get(name)
        if key is None:
            raise ValueError(f"未知的标记：{name}（可选：{'、'.join(FLAG_NAMES.values())}）")
        if key not in flags:
            flags.append(key)
    return tuple(flags)


def validate(phrase: Phrase) -> list[str]:
    problems = []
    if not phrase.text.strip():
        problems.append("短语内容为空")
    unknown = [i for i in phrase.intents if i not in intent_ids()]
    if unknown:
        problems.append(f"未知的意图：{'、'.join(unknown)}")
    if len(phrase.intents) > MAX_INTENTS:
        problems.append(f"一个短语最多对应 {MAX_INTENTS} 个意图")
    return problems
