"""The suggestion engine: which phrases answer the buyer message the agent just copied.

Interface contract (other parts rely on it; keep it stable):
- `SuggestionEngine(phrases, learned=(), pinned_ids=(), feature_key=b"")` builds its index once; it is
  immutable afterwards except for `learn`, and safe to build on a worker thread and then use from the UI thread.
- `suggest(message, top)` returns at most `top` suggestions, best first, or [] when nothing fits.
- `search(query, limit)` finds phrases for a typed query: text, shortcut code, pinyin initials.
- `features(message)` are the privacy-preserving features `learn` remembers (never the raw text): bigrams
  hashed with `feature_key`, the installation's secret (PhraseRepository.learning_key), so they cannot be
  reversed with a dictionary of common characters.
- `learn(message, phrase_id)` makes that phrase rise for similar messages; returns the features to persist.
- `pinned_ids`: featured (主推) phrases; the first one takes the top place when the message is about a product
  (its top intent is one of PRODUCT_INTENTS), never otherwise, so it cannot crowd out answers to 物流 or 退款.

How it ranks: normalise (normalize.py) → score intents with the cue lexicon plus the library's keywords
(intent_lexicon.py) → let a greeting or thanks give way to a question beside it (after 你好/在吗 even a hint
word is the question) → stay silent below SPEAK → rank each detected intent's phrases by word overlap with the
message and by what the agent picked for similar messages → interleave the intents that are each sure enough
(two questions in one line get both answered) and give a weaker second intent the last place.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from desktop.core.intent_inference import infer_phrase_intents
from desktop.core.intent_lexicon import Cue, IntentLexicon, keyword_cues, neutral_words
from desktop.core.normalize import bigrams, normalize
from desktop.core.phrases import Phrase
from desktop.core.search import PhraseSearch

# Intent evidence needed before the engine speaks: a strong cue (2), or two hints (1 each), never one hint.
SPEAK = 1.2
# Below this (no strong cue found), homophone typos are looked for too: 保休多久 is 保修多久 typed in a hurry.
SURE = 2.0
# A second intent this sure (a full hint word), but below SPEAK, takes the last of three or more places:
# it covers a half-worded second question.
HINT = 1.0
# Greetings and thanks only matter when the message asks nothing else: beside one, a question this sure (a
# hint word) is what the buyer wants answered.
GREETED_QUESTION = HINT
SOCIAL_INTENTS = frozenset({"greeting", "thanks_bye"})
PRODUCT_INTENTS = frozenset({"stock", "size_spec", "material_quality", "authenticity", "recommend", "promotion"})
# The library's own keywords are hints for the intents of the phrases that list them; a keyword of three
# characters or more (小方块, 以旧换新) is specific enough to speak on its own.
KEYWORD_CUE_WEIGHT = 1.0
LONG_KEYWORD = 3
# Ranking inside an intent: share of message bigrams found in the phrase (in a keyword they count more) ...
OVERLAP_WEIGHT = 0.3
KEYWORD_OVERLAP = 2.0
# ... and, about equal otherwise, a phrase written for the intent (listed first) before one that also touches it:
# 有XL码吗 wants the stock answer, not the shipping phrase that mentions 现货 on the side.
SECONDARY_INTENT = 0.01
# ... and what the agent picked before: one pick for the same message adds LEARNED_WEIGHT / LEARNED_SATURATION.
LEARNED_WEIGHT = 1.0
LEARNED_SATURATION = 2.0
# Picked often enough for messages like this one, a phrase is suggested even if no intent is detected.
LEARNED_ALONE = 0.5
# Postings that cover most of an intent's phrases cannot tell them apart; long ones are cut to stay fast.
MAX_POSTING = 100
MAX_INTERLEAVED_INTENTS = 3
# Buyers write a line or two; only the start of a long copied text is read, so a pasted document costs
# a few milliseconds, not tens.
MAX_MESSAGE_CHARS = 300
_VARIABLE = re.compile(r"\{[^{}]*\}")
FEATURE_DIGEST_BYTES = 6  # per hashed bigram: enough to tell a library's worth of messages apart


@dataclass(frozen=True, slots=True)
class Suggestion:
    phrase: Phrase
    score: float


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the engine made of one message."""

    grams: frozenset[str]
    intents: list[tuple[str, float]]  # detected, strongest first


class SuggestionEngine:
    def __init__(
        self,
        phrases: Sequence[Phrase],
        learned: Iterable[tuple[str, str, float]] = (),
        pinned_ids: Sequence[str] = (),
        feature_key: bytes = b"",
    ) -> None:
        # Keyed once; each bigram hashes a copy (cheaper than re-keying, about as fast as unkeyed hashing).
        self._feature_hash = hashlib.blake2b(digest_size=FEATURE_DIGEST_BYTES, key=feature_key)
        self.phrases = [p for p in phrases if p.enabled]
        self._by_id = {p.id: i for i, p in enumerate(self.phrases)}
        self.pinned_ids = tuple(pid for pid in pinned_ids if pid in self._by_id)
        self._lexicon = IntentLexicon.bundled(self._keyword_cues())
        self._piece_cache: dict[str, dict[str, float]] = {}
        inferred: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        self._intents = [
            p.intents or inferred.setdefault((p.group, p.keywords), self._infer_intents(p)) for p in self.phrases
        ]
        self._by_intent: dict[str, list[int]] = defaultdict(list)
        for index, phrase_intents in enumerate(self._intents):
            for intent in phrase_intents:
                self._by_intent[intent].append(index)
        texts = [normalize(_VARIABLE.sub(" ", p.text)) for p in self.phrases]
        self._postings = self._build_postings(texts)
        self._search = PhraseSearch(self.phrases, [t.replace(" ", "") for t in texts])
        self._learned: dict[str, dict[str, float]] = defaultdict(dict)
        for feature, phrase_id, weight in learned:
            self._learned[feature][phrase_id] = self._learned[feature].get(phrase_id, 0.0) + weight

    # building --------------------------------------------------------------------------------------
    def _keyword_cues(self) -> list[Cue]:
        by_keyword: dict[str, set[str]] = defaultdict(set)
        for phrase in self.phrases:
            for keyword in phrase.keywords:
                by_keyword[keyword].update(phrase.intents)
        cleaned: dict[str, set[str]] = defaultdict(set)
        for keyword, ids in by_keyword.items():
            if len(text := normalize(keyword).replace(" ", "")) >= 2 and text not in neutral_words():
                cleaned[text].update(ids)
        short = {k: v for k, v in cleaned.items() if len(k) < LONG_KEYWORD}
        long = {k: v for k, v in cleaned.items() if len(k) >= LONG_KEYWORD}
        return [*keyword_cues(short, KEYWORD_CUE_WEIGHT), *keyword_cues(long, SPEAK)]

    def _infer_intents(self, phrase: Phrase) -> tuple[str, ...]:
        """For an imported phrase without intents: what its group and keywords say, if they say it clearly."""
        return infer_phrase_intents(phrase, self._normalized_piece_scores)

    def _normalized_piece_scores(self, piece: str) -> dict[str, float]:
        if piece not in self._piece_cache:
            self._piece_cache[piece] = self._lexicon.scores(piece)
        return self._piece_cache[piece]

    def _build_postings(self, texts: list[str]) -> dict[str, tuple[dict[str, list[int]], dict[str, list[int]]]]:
        """intent -> (bigram -> its phrases with it in the text, bigram -> those with it in a keyword)."""
        text_postings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        keyword_postings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        keyword_grams: dict[tuple[str, ...], set[str]] = {}  # libraries repeat keyword lists a lot
        for index, phrase in enumerate(self.phrases):
            if not self._intents[index]:
                continue
            grams = bigrams(texts[index])
            if phrase.keywords and phrase.keywords not in keyword_grams:
                keyword_grams[phrase.keywords] = bigrams(normalize(" ".join(phrase.keywords)))
            for intent in self._intents[index]:
                by_gram = text_postings[intent]
                for gram in grams:
                    by_gram[gram].append(index)
                if phrase.keywords:
                    by_gram = keyword_postings[intent]
                    for gram in keyword_grams[phrase.keywords]:
                        by_gram[gram].append(index)
        return {
            intent: (self._useful(intent, text_postings[intent]), self._useful(intent, keyword_postings[intent]))
            for intent in self._by_intent
        }

    def _useful(self, intent: str, by_gram: dict[str, list[int]]) -> dict[str, list[int]]:
        """Drop bigrams most of the intent's phrases share (they cannot tell them apart); cut long postings."""
        common = max(2, len(self._by_intent[intent]) // 2)
        return {gram: indexes[:MAX_POSTING] for gram, indexes in by_gram.items() if len(indexes) <= common}

    # reading a message -----------------------------------------------------------------------------
    def _read(self, message: str) -> _Reading:
        text = normalize(message[: MAX_MESSAGE_CHARS * 2])[:MAX_MESSAGE_CHARS]
        scores = self._lexicon.scores(text)
        if not any(s >= SURE for i, s in scores.items() if i not in SOCIAL_INTENTS):
            for intent, score in self._lexicon.homophone_scores(text).items():
                if intent not in SOCIAL_INTENTS:
                    scores[intent] = max(scores.get(intent, 0.0), score)
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        ranked = _social_gives_way(ranked, self._by_intent.keys())
        return _Reading(frozenset(bigrams(text)), [(i, s) for i, s in ranked if s >= HINT])

    def features(self, message: str) -> list[str]:
        """Hashed bigrams of the normalised message and its detected intents: enough to recognise a similar
        message, not to read the original one back."""
        return _features(self._read(message), self._feature_hash)

    # suggesting ------------------------------------------------------------------------------------
    def suggest(self, message: str, top: int = 3) -> list[Suggestion]:
        if top <= 0:
            return []
        reading = self._read(message)
        learned = self._learned_boosts(_features(reading, self._feature_hash)) if self._learned else {}
        sure = [(i, s) for i, s in reading.intents if s >= SPEAK and i in self._by_intent]
        alone = sorted((b, pid) for pid, b in learned.items() if b >= LEARNED_ALONE)
        if not sure and not alone:
            return []
        strongest = sure[0][1] if sure else 1.0
        columns = [self._rank_intent(i, s / strongest, reading.grams, learned, top + 1) for i, s in sure]
        columns = columns[:MAX_INTERLEAVED_INTENTS]
        hints = [(i, s) for i, s in reading.intents[len(sure) :] if i in self._by_intent and s < SPEAK]
        ordered = _interleave(columns)
        if len(columns) == 1 and hints and top >= 3:
            # A weaker second intent takes the last place: a two-part question half worded still gets covered.
            weak = self._rank_intent(hints[0][0], hints[0][1] / strongest, reading.grams, learned, 1)
            ordered = [*columns[0][: top - 1], *weak, *columns[0][top - 1 :]]
        picked_alone = [Suggestion(self.phrases[self._by_id[pid]], 1.0 + b) for b, pid in reversed(alone)]
        pinned = self._pinned(sure)
        return _unique([*pinned, *picked_alone, *ordered])[:top]

    def _rank_intent(
        self, intent: str, confidence: float, grams: frozenset[str], learned: dict[str, float], top: int
    ) -> list[Suggestion]:
        members = self._by_intent[intent]
        overlap: dict[int, float] = defaultdict(float)
        text_postings, keyword_postings = self._postings.get(intent, ({}, {}))
        for gram in grams:
            for index in text_postings.get(gram, ()):
                overlap[index] += 1.0
            for index in keyword_postings.get(gram, ()):
                overlap[index] += KEYWORD_OVERLAP

        denominator = max(len(grams), 1)
        # Library order breaks ties (the author's first phrase is the direct answer), so the head of the
        # intent competes with the phrases that share words with the message and those learned from picks.
        candidates = set(members[:top]) | overlap.keys()
        candidates.update(self._by_id[pid] for pid in learned if pid in self._by_id)
        position = {index: rank for rank, index in enumerate(members[: top + 1])}

        def score(index: int) -> float:
            phrase = self.phrases[index]
            if intent not in self._intents[index]:
                return -1.0
            lexical = OVERLAP_WEIGHT * min(1.0, overlap.get(index, 0.0) / denominator)
            order = -0.001 * position.get(index, top + 1)
            secondary = SECONDARY_INTENT if self._intents[index][0] != intent else 0.0
            return confidence + lexical + learned.get(phrase.id, 0.0) + order - secondary

        best = heapq.nlargest(top, ((score(i), i) for i in candidates))
        return [Suggestion(self.phrases[i], round(s, 4)) for s, i in best if s >= 0]

    def _learned_boosts(self, features: list[str]) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for feature in features:
            for phrase_id, weight in self._learned.get(feature, {}).items():
                totals[phrase_id] += min(weight, LEARNED_SATURATION)
        scale = LEARNED_WEIGHT / (LEARNED_SATURATION * max(len(features), 1))
        return {pid: total * scale for pid, total in totals.items() if pid in self._by_id}

    def _pinned(self, sure: list[tuple[str, float]]) -> list[Suggestion]:
        if not self.pinned_ids or not sure or sure[0][0] not in PRODUCT_INTENTS:
            return []
        return [Suggestion(self.phrases[self._by_id[self.pinned_ids[0]]], 2.0)]

    # typed search and learning ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[Phrase]:
        return self._search.search(query, limit)

    def learn(self, message: str, phrase_id: str) -> list[str]:
        features = self.features(message)
        for feature in features:
            self._learned[feature][phrase_id] = self._learned[feature].get(phrase_id, 0.0) + 1.0
        return features


def _social_gives_way(ranked: list[tuple[str, float]], answerable: Collection[str]) -> list[tuple[str, float]]:
    """A greeting or thanks beside a question yields to it. "你好，请问有XL码吗" asks about the size: the greeting
    only opens it, so even a hint word there is the question and speaks, and the greeting keeps at most the
    last place (none beside a sure question, whose answers open with 亲 anyway). Thanks close a chat ("已经退
    了，谢谢您"), so they yield only to a sure question. Only questions the library can answer count: a greeting
    is better than nothing."""
    questions = [(i, s) for i, s in ranked if i not in SOCIAL_INTENTS and i in answerable]
    social = [(i, s) for i, s in ranked if i in SOCIAL_INTENTS and s >= SPEAK]
    best = questions[0][1] if questions else 0.0
    yielding = [i for i, _ in social if best >= (GREETED_QUESTION if i == "greeting" else SPEAK)]
    if not yielding:
        return ranked
    questions[0] = (questions[0][0], max(best, SPEAK))
    tail = [(i, HINT) for i in yielding[:1] if best < SPEAK]
    kept = [(i, s) for i, s in social if i not in yielding]  # thanks beside a greeted hint: after the question
    return [*questions, *kept, *tail]


def _features(reading: _Reading, keyed: hashlib.blake2b) -> list[str]:
    hashed = set()
    for gram in reading.grams:
        digest = keyed.copy()
        digest.update(gram.encode())
        hashed.add("g:" + digest.hexdigest())
    return sorted(hashed | {"i:" + intent for intent, score in reading.intents if score >= SPEAK})


def _interleave(columns: list[list[Suggestion]]) -> list[Suggestion]:
    """First of each intent, then second of each, ...: every detected question gets an answer early."""
    ordered: list[Suggestion] = []
    for rank in range(max((len(c) for c in columns), default=0)):
        ordered.extend(column[rank] for column in columns if rank < len(column))
    return ordered


def _unique(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    seen: set[str] = set()
    unique = []
    for suggestion in suggestions:
        if suggestion.phrase.id not in seen:
            seen.add(suggestion.phrase.id)
            unique.append(suggestion)
    return unique
