"""The lead's working copy of the team library: edits, the pre-publish sensitive-word check, text forms of
the team settings (promotions, featured product, words) that a lead can type and Excel users understand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.phrases import UNGROUPED, Phrase, new_phrase_id, validate
from desktop.core.sensitive import SensitiveHit, SensitiveWords
from desktop.core.sync.pack import Featured, Promotion, SensitiveWord, TeamLibrary

# A short palette agents actually use at the end of a line (快捷回复带有表情 reads as friendly).
EMOJI = ("😊", "😄", "🙏", "👍", "❤️", "🌹", "🎉", "🎁", "📦", "🚚", "⏰", "💰", "✨", "🔥", "👌", "🤝", "😘", "💪",
         "☺️", "🙇")
PREVIEW_VALUES = {"买家": "小猪佩奇", "客服": "小美", "店铺": "快答旗舰店", "商品": "加绒卫衣", "金额": "128",
                  "截止时间": "今晚 22:00"}


class DraftError(ValueError):
    """A line of the team settings cannot be read; the message names the line."""


@dataclass(frozen=True)
class PhraseWarning:
    phrase_id: str
    hits: tuple[SensitiveHit, ...]

    def describe(self) -> str:
        return "、".join(dict.fromkeys(hit.word for hit in self.hits))


class LibraryDraft:
    """A mutable list of team phrases plus the team's other shared content, built from a TeamLibrary."""

    def __init__(self, library: TeamLibrary) -> None:
        self.phrases: list[Phrase] = list(library.phrases)
        self.sensitive_words = library.sensitive_words
        self.promotions = library.promotions
        self.featured = library.featured

    def library(self) -> TeamLibrary:
        return TeamLibrary(tuple(self.phrases), self.sensitive_words, self.promotions, self.featured)

    def groups(self) -> list[str]:
        return list(dict.fromkeys(p.group for p in self.phrases))

    def index_of(self, phrase_id: str) -> int:
        return next(i for i, p in enumerate(self.phrases) if p.id == phrase_id)

    def add(self, text: str = "", group: str = UNGROUPED, phrase_id: str = "") -> Phrase:
        """A new phrase; `phrase_id` (a proposed phrase's own id) is kept unless the draft already has it."""
        if not phrase_id or any(p.id == phrase_id for p in self.phrases):
            phrase_id = new_phrase_id("team")
        phrase = Phrase(id=phrase_id, text=text, group=group or UNGROUPED, source="team")
        self.phrases.append(phrase)
        return phrase

    def update(self, phrase_id: str, **changes: object) -> Phrase:
        index = self.index_of(phrase_id)
        self.phrases[index] = dataclasses.replace(self.phrases[index], **changes)  # type: ignore[arg-type]
        return self.phrases[index]

    def remove(self, phrase_id: str) -> None:
        self.phrases.pop(self.index_of(phrase_id))
        if self.featured is not None and self.featured.phrase_id == phrase_id:
            self.featured = None

    def replace_phrases(self, phrases: Iterable[Phrase]) -> None:
        self.phrases = [dataclasses.replace(p, source="team") for p in phrases]

    def problems(self) -> list[tuple[str, list[str]]]:
        """Phrases that cannot be published as they are (empty text, unknown intents)."""
        found = [(p.id, validate(p)) for p in self.phrases]
        return [(pid, issues) for pid, issues in found if issues]

    def sensitive_warnings(self, words: SensitiveWords | None = None) -> list[PhraseWarning]:
        """Team phrases that contain a sensitive word (the bundled list plus the team's own)."""
        words = words or SensitiveWords.with_team(self.sensitive_words)
        warnings = []
        for phrase in self.phrases:
            hits = words.find(phrase.text)
            if hits:
                warnings.append(PhraseWarning(phrase.id, tuple(hits)))
        return warnings


# Text forms of the team settings, one item a line ------------------------------------------------------
def words_to_text(words: Iterable[SensitiveWord]) -> str:
    return "\n".join(f"{w.word}\t{w.category}" if w.category else w.word for w in words)


def words_from_text(text: str) -> tuple[SensitiveWord, ...]:
    """One word a line, optionally `word<TAB>category` (a comma works too); blank lines and # comments skipped."""
    words: dict[str, SensitiveWord] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, category = line.replace(",", "\t").partition("\t")
        if word.strip():
            words.setdefault(word.strip(), SensitiveWord(word.strip(), category.strip()))
    return tuple(words.values())


def promotions_to_text(promotions: Iterable[Promotion]) -> str:
    return "\n".join(
        f"{p.name} | {p.start.isoformat()} | {p.end.isoformat()} | {'；'.join(p.talking_points)}" for p in promotions
    )


def promotions_from_text(text: str) -> tuple[Promotion, ...]:
    """`名称 | 开始 | 结束 | 要点；要点` a line, dates as 2026-11-01."""
    promotions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.strip().startswith("#"):
            continue
        parts = [part.strip() for part in line.replace("｜", "|").split("|")]
        if len(parts) < 3 or not parts[0]:
            raise DraftError(f"活动第 {number} 行应为：名称 | 开始日期 | 结束日期 | 要点")
        start, end = _date(parts[1], number), _date(parts[2], number)
        if end < start:
            raise DraftError(f"活动第 {number} 行：结束日期早于开始日期")
        points = tuple(p.strip() for p in (parts[3] if len(parts) > 3 else "").replace(";", "；").split("；")
                       if p.strip())
        promotions.append(Promotion(parts[0], start, end, points))
    return tuple(promotions)


def featured_from_fields(phrase_id: str, product: str, start: str, end: str) -> Featured | None:
    if not phrase_id:
        return None
    first, last = _date(start, 1, "主推款开始日期"), _date(end, 1, "主推款结束日期")
    if last < first:
        raise DraftError("主推款的结束日期早于开始日期")
    return Featured(phrase_id, product.strip(), first, last)


def _date(text: str, number: int, what: str = "") -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as error:
        raise DraftError(f"{what or f'活动第 {number} 行'}：日期应写成 2026-11-01") from error
