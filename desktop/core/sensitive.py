"""The sensitive-word check: words the advertising law or the platforms punish, found in a reply before it is pasted.

Matching runs on a folded copy of the text (Simplified, half-width, lower case, without the spaces, symbols and
emoji people slip between characters: "微 信", "ＶＸ", "加-V", "微❤信"), and every hit points back into the
original text so the UI can highlight it. Words may carry exceptions ("第一" is fine in "第一次", "第一时间").

Beyond plain words the folding and the list handle what agents write to slip past a filter: letters of other
scripts that look Latin (Cyrillic "х", Greek "ν") read as the Latin letter; a heart or clover standing for 信
("微❤", "V💗") is tried as 信 too; `vx`/`wx` run straight into an account id ("vxkefu888") is caught while a
model number ("VX-220") is not. Two list forms go beyond a plain word: `好评…返` (the two parts at most ten
characters apart) and `企鹅{id}` (the word followed by an account id of five or more letters or digits).
Measured precision and recall on a corpus: bench/README.md ("Sensitive-word guard: precision and recall").
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

import opencc

DEFAULT_RESOURCE = "sensitive_words.tsv"
CUSTOM_CATEGORY = "自定义"
LIST_SEPARATOR = "|"
_HEADER_WORDS = frozenset({"敏感词", "word", "词"})
# "+V", "＋微" are how "加V", "加微" get written when the word itself would be caught.
_SUBSTITUTES = {"+": "加"}
# Kept besides letters and digits, because "100%" is a claim while "100" is not.
_KEPT_SYMBOLS = frozenset("%")
# Letters of other scripts that pass for Latin ones in a chat window ("vх" with a Cyrillic х). Shop replies
# hold no Cyrillic or Greek words, so reading these as Latin costs nothing.
_LOOK_ALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "ѵ": "v", "ԛ": "q", "ԝ": "w", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ɡ": "g",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ω": "w", "ɑ": "a",
})
# Hearts (and a clover, an envelope) written in place of 信: "微❤", "V💗：abc123".
_STAND_INS_FOR_XIN = frozenset("❤♥♡❣💗💕💖💓💘💝💞💚💙💜🧡💛🖤🤍🤎🍀✉")
_XIN = "信"
# List forms beyond a plain word (see the module docstring).
_GAP = "…"
_GAP_CHARACTERS = 10
_ID_SUFFIX = "{id}"
_ID = r"(?:号码|号|id)?([a-z0-9]{5,})"
# vx/wx followed by a short number is a model ("VX-220", "WX1000"), not an account id.
_MODEL_NUMBER = re.compile(r"[-‐ ]?\d{1,4}(?![0-9A-Za-z])")
_CONTACT_LETTERS = frozenset({"vx", "wx"})
# The parts of a `好评…返` entry must stand in one clause: "好评如潮，领券立减" is not 好评…领.
_CLAUSE_ENDS = re.compile(r"[。！？!?；;，,\n]")


@dataclass(frozen=True, slots=True)
class SensitiveEntry:
    word: str
    category: str = CUSTOM_CATEGORY
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SensitiveHit:
    """One finding. `start`/`end` index the original text; `matched` is the original text there ("微 信")."""

    word: str
    category: str
    start: int
    end: int
    matched: str


class WordLike(Protocol):
    """Anything with a word and a category, such as the sensitive words in a synced team pack."""

    @property
    def word(self) -> str: ...

    @property
    def category(self) -> str: ...


EntryLike = SensitiveEntry | WordLike | str | tuple[str, str] | tuple[str, str, Iterable[str]]


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _simplified(text: str) -> str:
    """Traditional → Simplified with one character out for each character in, so positions survive."""
    converted: str = _t2s().convert(text)  # opencc ships no type information
    if len(converted) == len(text):
        return converted
    singles = (_t2s().convert(ch) for ch in text)
    return "".join(s if len(s) == 1 else ch for s, ch in zip(singles, text, strict=True))


def _is_kept(ch: str) -> bool:
    return ch in _KEPT_SYMBOLS or unicodedata.category(ch)[0] in "LN"


# Per-character results of `_fold_char`; bounded by the characters people type, and a plain dict is the
# fastest lookup in the loop below.
_FOLDED_CHARS: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """What one (already Simplified) character contributes to the folded text: usually itself or nothing."""
    normal = unicodedata.normalize("NFKC", ch).lower().translate(_LOOK_ALIKES)
    folded = (_SUBSTITUTES.get(out, out) for out in normal)
    return "".join(out for out in folded if _is_kept(out))


def fold(text: str, *, xin_stand_ins: bool = False) -> tuple[str, list[int]]:
    """The text as words are matched against it, and for each of its characters the index it came from.
    With `xin_stand_ins` a heart or clover reads as 信 instead of vanishing like other emoji."""
    folded: list[str] = []
    origin: list[int] = []
    known = _FOLDED_CHARS
    for index, ch in enumerate(_simplified(text)):
        out = _XIN if xin_stand_ins and ch in _STAND_INS_FOR_XIN else known.get(ch)
        if out is None:
            out = known[ch] = _fold_char(ch)
        if out:
            folded.append(out)
            origin.extend([index] * len(out))
    return "".join(folded), origin


def _folded(word: str) -> str:
    return fold(word)[0]


def _runs_on(folded: str, origin: list[int], neighbour: int, edge: int, edge_char: str) -> bool:
    """Whether an ASCII word's edge continues straight into more letters (or digits) of the same kind."""
    if not 0 <= neighbour < len(folded) or abs(origin[neighbour] - origin[edge]) != 1:
        return False
    kind = _ascii_kind(edge_char)
    return bool(kind) and _ascii_kind(folded[neighbour]) == kind


def _ascii_kind(ch: str) -> str:
    if ch.isascii() and ch.isalpha():
        return "letter"
    if ch.isascii() and ch.isdigit():
        return "digit"
    return ""


@dataclass(frozen=True, slots=True)
class _Pattern:
    folded: str
    entry: SensitiveEntry
    # Each exception as (folded text, offset of the word inside it).
    exceptions: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class _Expression:
    """A `好评…返` or `企鹅{id}` entry, matched as a regular expression on the folded text."""

    regex: re.Pattern[str]
    entry: SensitiveEntry
    # An ASCII word ("v{id}") needs its id set apart in the original ("V：kefu777"), else "vivo100" would match.
    id_set_apart: bool
    gap: bool


def _expression(entry: SensitiveEntry) -> _Expression | None:
    word = entry.word.strip()
    has_id = word.endswith(_ID_SUFFIX)
    if has_id:
        word = word[: -len(_ID_SUFFIX)]
    parts = [_folded(part) for part in word.split(_GAP)]
    if not all(parts):
        return None
    body = f".{{0,{_GAP_CHARACTERS}}}?".join(re.escape(part) for part in parts)
    ascii_start = parts[0][0].isascii()
    prefix = "(?<![a-z0-9])" if ascii_start else ""
    regex = re.compile(prefix + body + (_ID if has_id else ""))
    return _Expression(regex, entry, has_id and parts[-1].isascii(), len(parts) > 1)


def _is_expression(word: str) -> bool:
    return _GAP in word or word.endswith(_ID_SUFFIX)


class SensitiveWords:
    """An immutable word list with a one-pass matcher; build it once and share it."""

    def __init__(self, entries: Iterable[SensitiveEntry]) -> None:
        self._entries: dict[str, SensitiveEntry] = {}
        self._expressions: list[_Expression] = []
        for entry in entries:
            if _is_expression(entry.word):
                expression = _expression(entry)
                if expression is not None and entry.word not in {e.entry.word for e in self._expressions}:
                    self._expressions.append(expression)
                continue
            key = _folded(entry.word)
            if key and key not in self._entries:
                self._entries[key] = entry
        # Candidates by their first two characters (a one-character word by itself), so each place in a
        # message is compared with a handful of words even when a team list holds thousands.
        self._by_start: dict[str, list[_Pattern]] = {}
        for key, entry in self._entries.items():
            exceptions = []
            for exception in entry.exceptions:
                folded_exception = _folded(exception)
                offset = folded_exception.find(key)
                if offset >= 0:
                    exceptions.append((folded_exception, offset))
            self._by_start.setdefault(key[:2], []).append(_Pattern(key, entry, tuple(exceptions)))
        self._has_single_characters = any(len(key) == 1 for key in self._entries)
        for patterns in self._by_start.values():
            patterns.sort(key=lambda p: -len(p.folded))  # longest first: "全网最低价" before "最低价"

    @classmethod
    def default(cls) -> SensitiveWords:
        """The bundled list (resources/sensitive_words.tsv), loaded once."""
        return _default_words()

    @classmethod
    def with_team(cls, team_words: Iterable[EntryLike]) -> SensitiveWords:
        """The bundled list plus a team's synced words (a team's category wins where both list a word)."""
        team = cls.from_entries(team_words)
        return team.merged(cls.default()) if len(team) else cls.default()

    @classmethod
    def from_entries(cls, entries: Iterable[EntryLike]) -> SensitiveWords:
        """From entries, bare words, (word, category) or (word, category, exceptions) tuples, or objects with
        `word` and `category` (a team pack's sensitive words): `SensitiveWords.from_entries(pack.sensitive_words)`.
        """
        return cls(_as_entry(item) for item in entries)

    @classmethod
    def from_text(cls, text: str) -> SensitiveWords:
        """From a team's list: one word a line, optionally `word<TAB>category<TAB>exception|exception`.

        Commas work instead of tabs (a sheet saved as CSV); a header row and `#` comments are skipped.
        """
        return cls(parse_entries(text))

    @property
    def entries(self) -> tuple[SensitiveEntry, ...]:
        return (*self._entries.values(), *(expression.entry for expression in self._expressions))

    def merged(self, other: SensitiveWords) -> SensitiveWords:
        """Both lists in one matcher (the bundled list plus the team's); on a clash this list's entry wins."""
        return SensitiveWords((*self.entries, *other.entries))

    def __len__(self) -> int:
        return len(self._entries) + len(self._expressions)

    def find(self, text: str) -> list[SensitiveHit]:
        """Every listed word in `text`, left to right, longest match first. A hit inside an earlier one is
        dropped; one that starts inside an earlier hit but reaches past it is kept (加微信 is 加微 and 微信), so
        hits may overlap, each ending further right than the one before."""
        folded, origin = fold(text)
        hits = self._find_words(text, folded, origin)
        hits = _add_apart(hits, self._find_expressions(text, folded, origin))
        if any(ch in _STAND_INS_FOR_XIN for ch in text):
            folded, origin = fold(text, xin_stand_ins=True)
            hits = _add_apart(hits, self._find_words(text, folded, origin))
            hits = _add_apart(hits, self._find_expressions(text, folded, origin))
        return hits

    def _find_expressions(self, text: str, folded: str, origin: list[int]) -> list[SensitiveHit]:
        hits: list[SensitiveHit] = []
        for expression in self._expressions:
            for match in expression.regex.finditer(folded):
                if expression.id_set_apart and match.lastindex:
                    id_start = match.start(1)
                    joined = origin[id_start] - origin[id_start - 1] == 1 and text[origin[id_start - 1]].isascii()
                    if joined:
                        continue
                hit = _hit(text, origin, expression.entry, match.start(), match.end())
                if expression.gap and _CLAUSE_ENDS.search(hit.matched):
                    continue
                # What matched names the finding better than the entry's form ("Q：12345", not "q{id}").
                hits.append(SensitiveHit(hit.matched, hit.category, hit.start, hit.end, hit.matched))
        return hits

    def _find_words(self, text: str, folded: str, origin: list[int]) -> list[SensitiveHit]:
        hits: list[SensitiveHit] = []
        covered = 0  # a hit inside an earlier one adds nothing; one reaching past it ("全网最|低价") does
        for position in range(len(folded)):
            pattern = self._match_at(text, folded, origin, position)
            if pattern is None:
                continue
            end = position + len(pattern.folded)
            if end <= covered:
                continue
            covered = end
            hits.append(_hit(text, origin, pattern.entry, position, end))
        return hits

    def _match_at(self, text: str, folded: str, origin: list[int], position: int) -> _Pattern | None:
        candidates = self._by_start.get(folded[position : position + 2], [])
        if self._has_single_characters:
            candidates = [*candidates, *self._by_start.get(folded[position], ())]
        for pattern in candidates:
            word = pattern.folded
            if not folded.startswith(word, position):
                continue
            end = position + len(word)
            # "vx" inside an English word or "100%" inside "1100%" is not the listed word; "VX:abc" still is.
            if _runs_on(folded, origin, position - 1, position, word[0]):
                continue
            if _runs_on(folded, origin, end, end - 1, word[-1]) and not _runs_into_an_id(folded, end, word):
                continue
            if word in _CONTACT_LETTERS and _MODEL_NUMBER.match(text, origin[end - 1] + 1):
                continue
            if any(
                position >= offset and folded.startswith(exception, position - offset)
                for exception, offset in pattern.exceptions
            ):
                continue
            return pattern
        return None


def _runs_into_an_id(folded: str, end: int, word: str) -> bool:
    """"vxkefu888", "wxid_k8s7": vx/wx running straight into letters and digits of an account id."""
    if word not in _CONTACT_LETTERS:
        return False
    rest = re.match(r"[a-z0-9]+", folded[end:])
    return rest is not None and any(ch.isdigit() for ch in rest.group())


def _hit(text: str, origin: list[int], entry: SensitiveEntry, start: int, end: int) -> SensitiveHit:
    start_in_text, end_in_text = origin[start], origin[end - 1] + 1
    return SensitiveHit(entry.word, entry.category, start_in_text, end_in_text, text[start_in_text:end_in_text])


def _add_apart(hits: list[SensitiveHit], more: list[SensitiveHit]) -> list[SensitiveHit]:
    """`hits` plus those of `more` that overlap none of them (nor each other), in text order."""
    kept = list(hits)
    for hit in sorted(more, key=lambda h: (h.start, -h.end)):
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _as_entry(item: EntryLike) -> SensitiveEntry:
    if isinstance(item, SensitiveEntry):
        return item
    if isinstance(item, str):
        return SensitiveEntry(item.strip())
    if not isinstance(item, tuple):
        exceptions = tuple(getattr(item, "exceptions", ()))
        return SensitiveEntry(item.word.strip(), item.category.strip() or CUSTOM_CATEGORY, exceptions)
    word, category, *rest = item
    exceptions = tuple(rest[0]) if rest else ()
    return SensitiveEntry(word.strip(), category.strip() or CUSTOM_CATEGORY, exceptions)


def parse_entries(text: str) -> list[SensitiveEntry]:
    """The entries of a word-list file (see `SensitiveWords.from_text`)."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip() and not line.lstrip().startswith("#")]
    delimiter = "\t" if any("\t" in line for line in lines) else ","
    entries = []
    for cells in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter):
        cells = [cell.strip() for cell in cells]
        if not cells or not cells[0] or cells[0].lower() in _HEADER_WORDS:
            continue
        category = cells[1] if len(cells) > 1 and cells[1] else CUSTOM_CATEGORY
        exceptions = tuple(e.strip() for e in cells[2].split(LIST_SEPARATOR) if e.strip()) if len(cells) > 2 else ()
        entries.append(SensitiveEntry(cells[0], category, exceptions))
    return entries


@cache
def _default_words() -> SensitiveWords:
    text = resources.files("desktop.resources").joinpath(DEFAULT_RESOURCE).read_text(encoding="utf-8")
    return SensitiveWords(parse_entries(text))
