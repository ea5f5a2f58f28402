"""Finding phrases for what the agent types: shortcut code, text, group, keywords, or pinyin initials (fh → 发货)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.normalize import normalize
from desktop.core.phrases import Phrase
from desktop.core.pinyin_table import initial

_VARIABLE = re.compile(r"\{[^{}]*\}")
_INITIALS_QUERY = re.compile(r"[a-z]+")

# Rank of each way a phrase can match, best first; within a rank, an earlier match position wins.
CODE_EXACT, CODE_PREFIX, TEXT, GROUP_OR_KEYWORD, INITIALS, CODE_INSIDE = range(6)


def initials(text: str) -> str:
    """发货时间 → fhsj. Per character with its usual reading: enough for typing, cheap to index."""
    return "".join(initial(ch) for ch in _VARIABLE.sub("", text))


@dataclass(frozen=True, slots=True)
class _Entry:
    phrase: Phrase
    code: str
    text: str
    group_and_keywords: str
    initials: str
    group_initials: str


class PhraseSearch:
    """An index over phrase code, text and initials, built on the first search."""

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self._entries = [
            _Entry(
                phrase=p,
                code=p.code.lower(),
                text=normalize(_VARIABLE.sub("", p.text)).replace(" ", ""),
                group_and_keywords=normalize(" ".join((p.group, *p.keywords))),
                initials=initials(p.text),
                group_initials=initials(p.group),
            )
            for p in phrases
        ]

    def search(self, query: str, limit: int = 20) -> list[Phrase]:
        wanted = normalize(query)
        compact = wanted.replace(" ", "")
        if not compact:
            return []
        by_initials = bool(_INITIALS_QUERY.fullmatch(compact))
        ranked: list[tuple[int, int, int, Phrase]] = []
        for order, entry in enumerate(self._entries):
            rank = self._rank(entry, compact, by_initials)
            if rank is not None:
                ranked.append((*rank, order, entry.phrase))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]

    @staticmethod
    def _rank(entry: _Entry, query: str, by_initials: bool) -> tuple[int, int] | None:
        if entry.code and entry.code == query:
            return CODE_EXACT, 0
        if entry.code and entry.code.startswith(query):
            return CODE_PREFIX, len(entry.code)
        if (at := entry.text.find(query)) >= 0:
            return TEXT, at
        if query in entry.group_and_keywords:
            return GROUP_OR_KEYWORD, 0
        if by_initials:
            if (at := entry.initials.find(query)) >= 0:
                return INITIALS, at
            if query in entry.group_initials:
                return INITIALS, len(entry.initials)
        if entry.code and query in entry.code:
            return CODE_INSIDE, 0
        return None
