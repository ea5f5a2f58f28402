"""The sensitive-word check: words the advertising law or the platforms punish, found in a reply before it is pasted.

Matching runs on a folded copy of the text (Simplified, half-width, lower case, without the spaces, symbols and
emoji people slip between characters: "微 信", "ＶＸ", "加-V", "微❤信"), and every hit points back into the
original text so the UI can highlight it. Words may carry exceptions ("第一" is fine in "第一次", "第一时间").
"""

from __future__ import annotations

import csv
import io
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
    converted = _t2s().convert(text)
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
    folded = (_SUBSTITUTES.get(out, out) for out in unicodedata.normalize("NFKC", ch).lower())
    return "".join(out for out in folded if _is_kept(out))


def fold(text: str) -> tuple[str, list[int]]:
    """The text as words are matched against it, and for each of its characters the index it came from."""
    folded: list[str] = []
    origin: list[int] = []
    known = _FOLDED_CHARS
    for index, ch in enumerate(_simplified(text)):
        out = known.get(ch)
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


class SensitiveWords:
    """An immutable word list with a one-pass matcher; build it once and share it."""

    def __init__(self, entries: Iterable[SensitiveEntry]) -> None:
        self._entries: dict[str, SensitiveEntry] = {}
        for entry in entries:
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
        return tuple(self._entries.values())

    def merged(self, other: SensitiveWords) -> SensitiveWords:
        """Both lists in one matcher (the bundled list plus the team's); on a clash this list's entry wins."""
        return SensitiveWords((*self.entries, *other.entries))

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str) -> list[SensitiveHit]:
        """Every listed word in `text`, left to right, longest match first, never overlapping."""
        folded, origin = fold(text)
        hits: list[SensitiveHit] = []
        covered = 0  # a hit inside an earlier one adds nothing; one reaching past it ("全网最|低价") does
        for position in range(len(folded)):
            pattern = self._match_at(folded, origin, position)
            if pattern is None:
                continue
            end = position + len(pattern.folded)
            if end <= covered:
                continue
            covered = end
            start_in_text, end_in_text = origin[position], origin[end - 1] + 1
            hits.append(
                SensitiveHit(
                    word=pattern.entry.word,
                    category=pattern.entry.category,
                    start=start_in_text,
                    end=end_in_text,
                    matched=text[start_in_text:end_in_text],
                )
            )
        return hits

    def _match_at(self, folded: str, origin: list[int], position: int) -> _Pattern | None:
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
            if _runs_on(folded, origin, end, end - 1, word[-1]):
                continue
            if any(
                position >= offset and folded.startswith(exception, position - offset)
                for exception, offset in pattern.exceptions
            ):
                continue
            return pattern
        return None


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
