"""Which buyer intents a normalised message expresses, from weighted cue words and patterns per intent.

The cues live in resources/intents/lexicon.tsv; a team library adds its phrases' keywords as extra cues.
Homophone typos of longer cues (保休多久 for 保修多久) are caught by comparing pinyin when the exact cues
find nothing sure; short common typos (发或, 法货) are listed as cues.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from desktop.core.pinyin_table import readings

LEXICON_RESOURCE = "intents/lexicon.tsv"
# A single character is too ambiguous to decide an intent alone, whatever weight the file gives it.
SINGLE_CHARACTER_WEIGHT = 0.4
# A cue matched only through its pinyin is weaker evidence than the characters themselves.
HOMOPHONE_FACTOR = 0.7
# Two characters sound alike too often by chance (付了/服了, 价的/假的); three are a typo of the cue.
HOMOPHONE_MIN_LENGTH = 3
# Cues of this pseudo-intent mean nothing themselves; they stop the words inside them from counting
# (订单号 is not a question about 单号, 怎么办 not a question about 怎么).
NEUTRAL = "-"
_ASCII_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Cue:
    intent: str
    weight: float
    text: str


@dataclass(frozen=True, slots=True)
class Pattern:
    intent: str
    weight: float
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    cue: Cue


def parse_lexicon(text: str) -> tuple[list[Cue], list[Pattern]]:
    """Read the lexicon format: `intent<TAB>weight<TAB>cue|cue|...` or `...<TAB>re:<regex>`; # comments."""
    cues: list[Cue] = []
    patterns: list[Pattern] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            intent, weight_text, body = line.split("\t", 2)
            weight = float(weight_text)
        except ValueError as error:
            raise ValueError(f"lexicon line {number}: expected intent, weight and cues") from error
        if body.startswith("re:"):
            patterns.append(Pattern(intent, weight, re.compile(body[3:])))
            continue
        cues.extend(Cue(intent, weight, word.strip().lower()) for word in body.split("|") if word.strip())
    return cues, patterns


@cache
def bundled_lexicon() -> tuple[tuple[Cue, ...], tuple[Pattern, ...]]:
    text = resources.files("desktop.resources").joinpath(LEXICON_RESOURCE).read_text(encoding="utf-8")
    cues, patterns = parse_lexicon(text)
    return tuple(cues), tuple(patterns)


@cache
def neutral_words() -> frozenset[str]:
    """Words that carry no intent (怎么办, 订单号): a library keyword among them teaches nothing."""
    return frozenset(cue.text for cue in bundled_lexicon()[0] if cue.intent == NEUTRAL)


class IntentLexicon:
    """Scores intents for a message. Built once (it reads the pinyin table, ~0.1 s the first time in a process:
    build it off the UI thread); `scores` is cheap (a few microseconds per character)."""

    def __init__(self, cues: Iterable[Cue], patterns: Iterable[Pattern] = ()) -> None:
        best: dict[tuple[str, str], Cue] = {}
        for cue in cues:
            weight = min(cue.weight, SINGLE_CHARACTER_WEIGHT) if len(cue.text) == 1 else cue.weight
            key = (cue.intent, cue.text)
            if key not in best or best[key].weight < weight:
                best[key] = Cue(cue.intent, weight, cue.text)
        self.cues = tuple(best.values())
        self.patterns = tuple(patterns)
        # First character -> cues starting with it, longest first, so a scan is one dict lookup per position.
        self._by_first: dict[str, list[Cue]] = defaultdict(list)
        for cue in sorted(self.cues, key=lambda c: -len(c.text)):
            self._by_first[cue.text[0]].append(cue)
        self._homophones = _HomophoneIndex(self.cues)

    @classmethod
    def bundled(cls, extra: Iterable[Cue] = ()) -> IntentLexicon:
        cues, patterns = bundled_lexicon()
        return cls([*cues, *extra], patterns)

    # scoring ---------------------------------------------------------------------------------------
    def scores(self, normalized: str) -> dict[str, float]:
        """Intent -> evidence. Cues inside a longer cue of another intent are dropped. Patterns add on top: they
        see the form of a question (when + ship), which the words alone do not; overlapping patterns of one
        intent count once."""
        matches = _outermost(self._matches(normalized))
        totals = _evidence(matches)
        found = []
        for pattern in self.patterns:
            if match := pattern.regex.search(normalized):
                cue = Cue(pattern.intent, pattern.weight, pattern.regex.pattern)
                found.append(_Match(match.start(), match.end(), cue))
        # A pattern inside a cue of another intent is hidden like a cue (差价能退吗 is not a return), and so is
        # one spanning just that cue's words (有人吗 is a greeting, not 有X吗 about stock): the cue is the
        # specific word, the pattern a general form. Two patterns seeing the same words count once.
        for intent, weight in _evidence([m for m in found if not _hidden(m, matches, ties=True)]).items():
            totals[intent] += weight
        return dict(totals)

    def homophone_scores(self, normalized: str) -> dict[str, float]:
        """Like `scores`, but matching cues of 3+ characters by pinyin, for messages typed with wrong characters.

        At least one character must be the cue's own: a typo swaps a character, it rarely swaps them all. Words
        written as a cue of another intent are no typo: 知道了 says "understood", not 只到了 (only part came)."""
        exact = self._matches(normalized)
        # 发货, 发或 and 法货 all sound "fa huo": one place in the message counts once per intent.
        best: dict[tuple[int, int, str], float] = {}
        for match in _outermost(self._homophones.matches(normalized)):
            if _hidden(match, exact, ties=True):
                continue
            key = (match.start, match.end, match.cue.intent)
            best[key] = max(best.get(key, 0.0), match.cue.weight)
        totals: dict[str, float] = defaultdict(float)
        for (_, _, intent), weight in best.items():
            totals[intent] += weight * HOMOPHONE_FACTOR
        return dict(totals)

    def _matches(self, text: str) -> list[_Match]:
        found = []
        for start, ch in enumerate(text):
            for cue in self._by_first.get(ch, ()):
                if text.startswith(cue.text, start) and _word_bounded(text, start, len(cue.text)):
                    found.append(_Match(start, start + len(cue.text), cue))
        return found


def _word_bounded(text: str, start: int, length: int) -> bool:
    """Latin cues (hi, ok, xl) must be whole words: "hi" is not a greeting inside "this"."""
    end = start + length
    if not text[start].isascii() or not text[end - 1].isascii():
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (_ASCII_WORD.fullmatch(before) or _ASCII_WORD.fullmatch(after))


def _evidence(matches: list[_Match]) -> dict[str, float]:
    """Sum per intent, but overlapping cues of one intent (纯棉 and 棉的 in 纯棉的) are one piece of evidence,
    and a cue repeated is counted once."""
    totals: dict[str, float] = defaultdict(float)
    last: dict[str, _Match] = {}  # per intent, the match its current overlapping run is counted by
    seen: set[tuple[str, str]] = set()
    for match in sorted(matches, key=lambda m: m.start):
        key = (match.cue.intent, match.cue.text)
        if match.cue.intent == NEUTRAL or key in seen:
            continue  # neutral words count for nothing, and saying a word twice is not more evidence
        seen.add(key)
        previous = last.get(match.cue.intent)
        if previous is not None and match.start < previous.end:
            if match.cue.weight > previous.cue.weight:
                totals[match.cue.intent] += match.cue.weight - previous.cue.weight
                last[match.cue.intent] = match
            continue
        totals[match.cue.intent] += match.cue.weight
        last[match.cue.intent] = match
    return totals


def _outermost(matches: list[_Match]) -> list[_Match]:
    """Drop matches lying inside a longer match of another intent: 质量问题 (a defect) must not also count as
    质量. Inside its own intent a longer cue may be the weaker one, so `_evidence` settles those; and when the
    longer text is a cue of both intents, neither side loses its inner cues."""
    if len(matches) < 2:
        return matches
    return [m for m in matches if not _hidden(m, matches)]


def _hidden(m: _Match, matches: list[_Match], ties: bool = False) -> bool:
    """Whether a longer match of another intent (with `ties`, one as long) covers `m`, with no match of `m`'s
    intent covering that one."""
    length = m.end - m.start - ties
    for o in matches:
        if o.end - o.start <= length or o.start > m.start or o.end < m.end or o.cue.intent == m.cue.intent:
            continue
        if not any(p.cue.intent == m.cue.intent and p.start <= o.start and o.end <= p.end for p in matches):
            return True
    return False


class _HomophoneIndex:
    """Cues of three or more Chinese characters, keyed by toneless pinyin, matched against a message's readings."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Cue]]] = defaultdict(list)
        for cue in cues:
            if cue.intent == NEUTRAL or len(cue.text) < HOMOPHONE_MIN_LENGTH or not all(map(_is_cjk, cue.text)):
                continue
            if not all(readings(ch) for ch in cue.text):
                continue
            syllables = tuple(readings(ch)[0] for ch in cue.text)
            self._by_first[syllables[0]].append((syllables, cue))

    def matches(self, text: str) -> list[_Match]:
        sounds = [readings(ch) if _is_cjk(ch) else () for ch in text]
        found = []
        for start, options in enumerate(sounds):
            for first in options:
                for syllables, cue in self._by_first.get(first, ()):
                    end = start + len(syllables)
                    if (
                        end <= len(text)
                        and all(s in sounds[start + i] for i, s in enumerate(syllables))
                        and any(a == b for a, b in zip(text[start:end], cue.text, strict=True))
                    ):
                        found.append(_Match(start, end, cue))
        return found


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def keyword_cues(intents_by_keyword: Mapping[str, Iterable[str]], weight: float) -> list[Cue]:
    """Cues from a library's own keywords (keyword -> the intents of the phrases that list it)."""
    return [Cue(intent, weight, keyword.lower()) for keyword, ids in intents_by_keyword.items() for intent in ids]
