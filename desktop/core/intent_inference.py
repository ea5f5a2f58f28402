"""Which intents a library phrase answers when its file says none (any Qianniu export): read from its group
name, keywords and text. The editor shows these as inferred for the lead to confirm or correct, `kuaida
library import` reports them, and the engine files such phrases under them.

The reading is the engine's own learned model (desktop/core/intent_model.py, trained on reply wording as well
as buyer messages) beside the cue lexicon, run on the phrase's group, keywords and text together.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache

from desktop.core.intent_lexicon import NEUTRAL, IntentLexicon
from desktop.core.intent_model import OTHER, bundled_model
from desktop.core.normalize import normalize
from desktop.core.phrases import MAX_INTENTS, Phrase, intents

# The model's probability an intent needs before a phrase is filed under it; a second intent needs as much.
# Below, the phrase is left without intents (the editor asks the lead) rather than filed by a guess.
INFERENCE_SHARE = 0.35
# Lexicon evidence a group name or keyword must carry to name an intent by itself (the engine's SPEAK).
NAMED_EVIDENCE = 1.2
# Greeting and goodbye replies are common in every library; one is filed so only when the model is sure.
SOCIAL_SHARE = 0.6
_SOCIAL = frozenset({"greeting", "thanks_bye"})
_VARIABLE = re.compile(r"\{[^{}]*\}")
# Enough of a phrase to know what it answers; a long one adds only terms and conditions.
MAX_TEXT_CHARS = 120


def infer_phrase_intents(
    phrase: Phrase, scores: Callable[[str], dict[str, float]] | None = None
) -> tuple[str, ...]:
    """The intents `phrase` most likely answers, best first, or () when nothing says so clearly.

    `scores` maps a normalised piece of text to lexicon evidence; the engine passes its own lexicon's (which
    knows the library's keywords), everyone else gets the bundled lexicon's.
    """
    by_name = {i.name_zh: i.id for i in intents()}
    if phrase.group in by_name:
        return (by_name[phrase.group],)
    score = scores or _bundled_scores
    # A group or keyword that names an intent outright (发货, 开发票) is where the lead filed the phrase ...
    totals: dict[str, float] = defaultdict(float)
    for piece in (phrase.group, *phrase.keywords):
        for intent, value in score(normalize(piece)).items():
            totals[intent] += value
    named = [(s, i) for i, s in totals.items() if s >= NAMED_EVIDENCE and i not in _SOCIAL and i != NEUTRAL]
    by_group = [max(named)[1]] if named else []
    # ... and the model reads everything together, the text included (24小时内发韵达 also answers 快递).
    pieces = (phrase.group, *phrase.keywords, _VARIABLE.sub(" ", phrase.text)[:MAX_TEXT_CHARS])
    text = " ".join(part for part in (normalize(piece) for piece in pieces) if part)
    lexicon = {i: s for i, s in score(text).items() if i != NEUTRAL}
    shares = bundled_model().classify(text, lexicon)
    other = shares.pop(OTHER, 0.0)
    ranked = sorted(shares.items(), key=lambda item: -item[1])
    chosen = [
        intent for intent, share in ranked[:MAX_INTENTS]
        if share >= (SOCIAL_SHARE if intent in _SOCIAL else INFERENCE_SHARE) and share >= other
    ]
    # the text says best what a phrase answers; the group the lead filed it under is kept beside it
    return tuple(dict.fromkeys([*chosen[:1], *by_group, *chosen[1:]]))[:MAX_INTENTS]


def _bundled_scores(normalized: str) -> dict[str, float]:
    return _bundled_lexicon().scores(normalized)


@cache
def _bundled_lexicon() -> IntentLexicon:
    return IntentLexicon.bundled()  # ~50 ms to build: once per process, not once per phrase
