"""What changes between two team libraries, as data and as lines a team lead can read before publishing."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.phrases import Phrase
from desktop.core.sync.pack import TeamLibrary

_FIELD_NAMES = {"text": "内容", "group": "分组", "code": "快捷编码", "intents": "意图", "keywords": "关键词",
                "flags": "标记"}


@dataclass(frozen=True)
class PhraseChange:
    before: Phrase
    after: Phrase
    fields: tuple[str, ...]


@dataclass
class LibraryDiff:
    added: list[Phrase] = field(default_factory=list)
    removed: list[Phrase] = field(default_factory=list)
    changed: list[PhraseChange] = field(default_factory=list)
    words_added: list[str] = field(default_factory=list)
    words_removed: list[str] = field(default_factory=list)
    promotions_changed: bool = False
    featured_changed: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.words_added or self.words_removed
                    or self.promotions_changed or self.featured_changed)

    def summary(self) -> str:
        if self.empty:
            return "没有变化"
        parts = [f"新增 {len(self.added)} 条", f"修改 {len(self.changed)} 条", f"删除 {len(self.removed)} 条"]
        if self.words_added or self.words_removed:
            parts.append(f"敏感词 +{len(self.words_added)} −{len(self.words_removed)}")
        if self.promotions_changed:
            parts.append("活动有变")
        if self.featured_changed:
            parts.append("主推款有变")
        return "，".join(parts)

    def lines(self, limit: int = 500) -> list[str]:
        """Readable lines, most important first; long libraries are cut at `limit` with a count of the rest."""
        out = [f"+ [{p.group}] {_short(p.text)}" for p in self.added]
        out += [f"~ [{c.after.group}] {_short(c.after.text)}（{'、'.join(_FIELD_NAMES[f] for f in c.fields)}）"
                for c in self.changed]
        out += [f"- [{p.group}] {_short(p.text)}" for p in self.removed]
        out += [f"+ 敏感词 {w}" for w in self.words_added] + [f"- 敏感词 {w}" for w in self.words_removed]
        if self.promotions_changed:
            out.append("~ 活动")
        if self.featured_changed:
            out.append("~ 主推款")
        if len(out) > limit:
            out = [*out[:limit], f"……另有 {len(out) - limit} 处变化"]
        return out


def _short(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def diff_libraries(before: TeamLibrary, after: TeamLibrary) -> LibraryDiff:
    old = {p.id: p for p in before.phrases}
    new = {p.id: p for p in after.phrases}
    result = LibraryDiff(
        added=[p for p in after.phrases if p.id not in old],
        removed=[p for p in before.phrases if p.id not in new],
    )
    for phrase in after.phrases:
        previous = old.get(phrase.id)
        if previous is not None:
            fields = tuple(f for f in _FIELD_NAMES if getattr(previous, f) != getattr(phrase, f))
            if fields:
                result.changed.append(PhraseChange(previous, phrase, fields))
    old_words = {w.word for w in before.sensitive_words}
    new_words = {w.word for w in after.sensitive_words}
    result.words_added = sorted(new_words - old_words)
    result.words_removed = sorted(old_words - new_words)
    result.promotions_changed = before.promotions != after.promotions
    result.featured_changed = before.featured != after.featured
    return result
