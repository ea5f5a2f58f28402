"""Finding phrases for what the agent types: shortcut code, text, group, keywords, or pinyin initials (fh → 发货)."""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from desktop.core.normalize import normalize
from desktop.core.phrases import Phrase
from desktop.core.pinyin_table import initial

_VARIABLE = re.compile(r"\{[^{}]*\}")
_INITIALS_QUERY = re.compile(r"[a-z0-9]+")
_JOIN = "\x00"  # never in a normalised text or a query, so a match never spans two phrases

# Rank of each way a phrase can match, best first; within a rank, an earlier match position wins, then
# library order.
CODE_EXACT, CODE_PREFIX, TEXT, GROUP_OR_KEYWORD, INITIALS, CODE_INSIDE = range(6)
Rank = tuple[int, int]  # (way of matching, position of the match): smaller is better


def initials(text: str) -> str:
    """发货时间 → fhsj. Per character with its usual reading: enough for typing, cheap to index."""
    return "".join(initial(ch) for ch in _VARIABLE.sub("", text))


def compact(text: str) -> str:
    """The normalised text without spaces, as typed queries are compared."""
    return normalize(text).replace(" ", "")


class _Column:
    """One field of every phrase, joined into one string so that `str.find` scans all of them in C."""

    def __init__(self, values: Sequence[str]) -> None:
        self._text = _JOIN.join(values)
        self._starts: list[int] = []
        offset = 0
        for value in values:
            self._starts.append(offset)
            offset += len(value) + 1

    def hits(self, query: str) -> Iterator[tuple[int, int]]:
        """(phrase index, position in its value) of the first occurrence in each value containing `query`."""
        at = self._text.find(query)
        while at >= 0:
            index = bisect_right(self._starts, at) - 1
            yield index, at - self._starts[index]
            if index + 1 >= len(self._starts):
                return
            at = self._text.find(query, self._starts[index + 1])


class PhraseSearch:
    """An index over phrase code, text, group, keywords and initials, built once."""

    def __init__(self, phrases: Sequence[Phrase], texts: Sequence[str] | None = None) -> None:
        """`texts`: the phrases' texts already compacted (the engine has them), to save normalising twice."""
        self._phrases = list(phrases)
        compacted = list(texts) if texts is not None else [compact(_VARIABLE.sub("", p.text)) for p in phrases]
        codes = [p.code.lower() for p in phrases]
        self._by_code: dict[str, list[int]] = {}
        for index, code in enumerate(codes):
            if code:
                self._by_code.setdefault(code, []).append(index)
        self._codes = _Column(codes)
        self._texts = _Column(compacted)
        # Groups and keyword lists repeat across a library: each distinct one is worked out once.
        labels: dict[tuple[str, tuple[str, ...]], str] = {}
        group_initials: dict[str, str] = {}
        for p in phrases:
            if (p.group, p.keywords) not in labels:
                labels[(p.group, p.keywords)] = compact(" ".join((p.group, *p.keywords)))
            if p.group not in group_initials:
                group_initials[p.group] = initials(p.group)
        self._groups_and_keywords = _Column([labels[(p.group, p.keywords)] for p in phrases])
        self._initials = _Column([initials(p.text) for p in phrases])
        self._group_initials = _Column([group_initials[p.group] for p in phrases])

    def search(self, query: str, limit: int = 20) -> list[Phrase]:
        return [phrase for _rank, phrase in self.ranked(query, limit)]

    def ranked(self, query: str, limit: int = 20) -> list[tuple[Rank, Phrase]]:
        """Like `search`, with each hit's (way it matched, position): hits of two indexes merge by it."""
        wanted = compact(query)
        if not wanted or limit <= 0:
            return []
        best: dict[int, tuple[int, int]] = {}

        def offer(rank: int, hits: Iterator[tuple[int, int]]) -> None:
            for index, position in hits:
                if index not in best or (rank, position) < best[index]:
                    best[index] = (rank, position)

        offer(CODE_EXACT, ((i, 0) for i in self._by_code.get(wanted, ())))
        offer(CODE_PREFIX, ((i, len(self._phrases[i].code)) for i, at in self._codes.hits(wanted) if at == 0))
        offer(TEXT, _until_settled(self._texts.hits(wanted), limit))
        # Weaker ways to match only matter while the better ones have not filled the list.
        if len(best) < limit:
            offer(GROUP_OR_KEYWORD, ((i, 0) for i, _ in self._groups_and_keywords.hits(wanted)))
        if len(best) < limit and _INITIALS_QUERY.fullmatch(wanted):
            offer(INITIALS, self._initials.hits(wanted))
            offer(INITIALS, ((i, 1000) for i, _ in self._group_initials.hits(wanted)))
        if len(best) < limit:
            offer(CODE_INSIDE, ((i, 0) for i, at in self._codes.hits(wanted) if at > 0))
        ranked = heapq.nsmallest(limit, best.items(), key=lambda item: (*item[1], item[0]))
        return [(rank, self._phrases[index]) for index, rank in ranked]


def merge_ranked(first: list[tuple[Rank, Phrase]], second: list[tuple[Rank, Phrase]], limit: int) -> list[Phrase]:
    """Two indexes' hits as one list, best match first; on a tie `first`'s hit comes first."""
    merged = heapq.merge(first, second, key=lambda hit: hit[0])  # stable: `first` wins ties
    return [phrase for _rank, phrase in merged][:limit]


def _until_settled(hits: Iterator[tuple[int, int]], limit: int) -> Iterator[tuple[int, int]]:
    """Hits come in library order; once `limit` of them sit at the very start of their phrase, no later hit
    can rank above them, so a one-character query (亲) does not scan the whole library."""
    at_start = 0
    for index, position in hits:
        yield index, position
        at_start += position == 0
        if at_start >= limit:
            return

