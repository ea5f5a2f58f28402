"""The suggestion engine: which phrases answer the buyer message the agent just copied.

Interface contract (other parts rely on it; keep it stable):
- `SuggestionEngine(phrases, learned=())` builds its index once; it is immutable afterwards except
  for `learn`, and safe to build on a worker thread and then use from the UI thread.
- `suggest(message, top)` returns at most `top` suggestions, best first, or [] when nothing fits.
- `search(query, limit)` finds phrases for a typed query: text, shortcut code, pinyin initials.
- `features(message)` are the privacy-preserving features `learn` remembers (never the raw text).
- `learn(message, phrase_id)` makes that phrase rise for similar messages; returns the features to persist.

BASELINE: a plain character-bigram overlap; the real engine replaces the internals, not the interface.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.phrases import Phrase


@dataclass(frozen=True, slots=True)
class Suggestion:
    phrase: Phrase
    score: float


def _bigrams(text: str) -> set[str]:
    text = "".join(ch for ch in text if ch.isalnum())
    return {text[i : i + 2] for i in range(len(text) - 1)}


class SuggestionEngine:
    def __init__(self, phrases: Sequence[Phrase], learned: Iterable[tuple[str, str, float]] = ()) -> None:
        self.phrases = [p for p in phrases if p.enabled]
        self._by_id = {p.id: p for p in self.phrases}
        self._grams = [_bigrams(" ".join((p.text, *p.keywords))) for p in self.phrases]
        self._learned: dict[str, dict[str, float]] = defaultdict(dict)
        for feature, phrase_id, weight in learned:
            self._learned[feature][phrase_id] = weight

    def features(self, message: str) -> list[str]:
        return sorted(_bigrams(message))

    def suggest(self, message: str, top: int = 3) -> list[Suggestion]:
        grams = _bigrams(message)
        if not grams:
            return []
        scored = []
        for phrase, phrase_grams in zip(self.phrases, self._grams, strict=True):
            overlap = len(grams & phrase_grams)
            boost = sum(self._learned.get(g, {}).get(phrase.id, 0.0) for g in grams)
            if overlap or boost:
                scored.append(Suggestion(phrase, overlap / len(grams) + boost))
        scored.sort(key=lambda s: -s.score)
        return scored[:top]

    def search(self, query: str, limit: int = 20) -> list[Phrase]:
        query = query.strip().lower()
        if not query:
            return []
        hits = [p for p in self.phrases if query in p.text.lower() or query == p.code.lower()]
        return hits[:limit]

    def learn(self, message: str, phrase_id: str) -> list[str]:
        features = self.features(message)
        for feature in features:
            self._learned[feature][phrase_id] = self._learned[feature].get(phrase_id, 0.0) + 1.0
        return features
