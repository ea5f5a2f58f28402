"""Which intents a library phrase answers when its file says none (any Qianniu export): read from its group
name, keywords and text. The editor shows these as inferred for the lead to confirm or correct, `kuaida
library import` reports them, and the engine files such phrases under them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from desktop.core.intent_lexicon import IntentLexicon
from desktop.core.normalize import normalize
from desktop.core.phrases import Phrase, intents

# Evidence a group name or keyword must carry before it decides an intent (the engine's SPEAK).
INFERENCE_EVIDENCE = 1.2
_NOT_INFERRED = frozenset({"greeting", "thanks_bye"})


def infer_phrase_intents(
    phrase: Phrase, scores: Callable[[str], dict[str, float]] | None = None
) -> tuple[str, ...]:
    """The intents `phrase` most likely answers, best first, or () when nothing says so clearly.

    `scores` maps a normalised piece of text to intent evidence; the engine passes its own lexicon's (which knows
    the library's keywords), everyone else gets the bundled lexicon's.
    """
    by_name = {i.name_zh: i.id for i in intents()}
    if phrase.group in by_name:
        return (by_name[phrase.group],)
    score = scores or _bundled_scores
    totals: dict[str, float] = defaultdict(float)
    for piece in (phrase.group, *phrase.keywords):  # scored one by one: groups and keywords repeat a lot
        for intent, value in score(normalize(piece)).items():
            totals[intent] += value
    sure = [(s, i) for i, s in totals.items() if s >= INFERENCE_EVIDENCE and i not in _NOT_INFERRED]
    return (max(sure)[1],) if sure else ()


def _bundled_scores(normalized: str) -> dict[str, float]:
    return IntentLexicon.bundled().scores(normalized)
