"""The suggestion engine: which phrases answer the buyer message the agent just copied.

Interface contract (other parts rely on it; keep it stable):
- `SuggestionEngine(phrases, learned=(), pinned_ids=(), feature_key=b"", *, intent_model=None)` builds its
  index once; it is immutable afterwards except for `learn`, and safe to build on a worker thread and then use
  from the UI thread. `intent_model` defaults to the bundled one (tests and benches pass their own).
- `suggest(message, top)` returns at most `top` suggestions, best first, or [] when the message is chatter.
  `Suggestion.sure` is False when they are best guesses for a question the engine could not read clearly.
- `search(query, limit)` finds phrases for a typed query: text, shortcut code, pinyin initials.
- `features(message)` are the privacy-preserving features `learn` remembers (never the raw text): bigrams
  hashed with `feature_key`, the installation's secret (PhraseRepository.learning_key), so they cannot be
  reversed with a dictionary of common characters.
- `learn(message, phrase_id)` makes that phrase rise for similar messages; returns the features to persist.
- `pinned_ids`: featured (主推) phrases; the first one takes the top place when the message is about a product
  (its top intent is one of PRODUCT_INTENTS), never otherwise, so it cannot crowd out answers to 物流 or 退款.
- `model_input(message)`: the text the engine reads and the lexicon's evidence (what the model is trained on).

How it ranks: normalise (normalize.py), spell out pinyin slang (slang.py), cut a long text to its end and its
questions → the learned model (intent_model.py) reads the text with the cue lexicon's evidence as features
(intent_lexicon.py, plus the library's keywords), and each clause alone, so two questions both surface; a
strong cue keeps its intent even where the model is unsure → let a greeting or thanks give way to a question
beside it → stay silent only for chatter (`other` likely, no intent likely) → rank each likely intent's
phrases, the shop's own before bundled defaults, by word overlap with the message and by what the agent picked
for similar messages → interleave the intents (first of each, then second of each).
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from desktop.core.default_library import is_bundled
from desktop.core.intent_inference import infer_phrase_intents
from desktop.core.intent_lexicon import NEUTRAL, Cue, IntentLexicon, keyword_cues, neutral_words
from desktop.core.intent_model import OTHER, IntentModel, bundled_model
from desktop.core.normalize import bigrams, normalize
from desktop.core.phrases import Phrase
from desktop.core.search import PhraseSearch, Rank
from desktop.core.slang import SlangReader

# Lexicon evidence that says an intent outright: a strong cue (2), or two hints (1 each), never one hint.
# Such an intent stays in the answer whatever the model thinks (LEXICON_SHARE); a library keyword of three
# characters or more carries it.
SPEAK = 1.2
# Below this (no strong cue found), homophone typos are looked for too: 保休多久 is 保修多久 typed in a hurry.
# At or above it, the engine is sure and never silent.
SURE = 2.0
# Greetings and thanks only matter when the message asks nothing else: beside a greeting, a question this
# likely is what the buyer wants answered.
GREETED_QUESTION = 0.1
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
# Candidates scored per intent: this many times the places asked for, by word overlap.
PREFILTER = 4
MAX_INTERLEAVED_INTENTS = 3
# Buyers write a line or two. Of a long text (a rant, a pasted document) the engine reads at most this many
# normalised characters: the end, where the question usually is, and the clauses that ask something.
MAX_MESSAGE_CHARS = 300
# Raw characters normalised at most (head and tail of a pasted document), so it costs milliseconds, not tens.
MAX_RAW_CHARS = 3000
LONG_TAIL_CHARS = 200
# Word overlap with phrases (and learned picks) looks at the message's end only: a long text shares some
# bigram with nearly every phrase of a large library, which costs milliseconds and tells nothing.
OVERLAP_CHARS = 80
_QUESTION_CLAUSE = re.compile(r"吗|么|呢|嘛|怎|什么|啥|多久|多少|几|哪|能不能|可不可以|是不是|有没有|为什么|咋|\?")
_VARIABLE = re.compile(r"\{[^{}]*\}")
FEATURE_DIGEST_BYTES = 6  # per hashed bigram: enough to tell a library's worth of messages apart
# The share given to an intent that only takes the last place (a greeting beside a likely question).
_LAST_PLACE = -1.0

# The learned model and the lexicon decide together (chosen on dev.tsv, thresholds by cross-validation on
# train.tsv; see bench/README.md). An intent's share is the model's probability; a clause of a longer message
# is read on its own as well, so two questions in one line both surface.
CLAUSE_FACTOR = 0.6
LAST_CLAUSE_FACTOR = 1.0
LONG_MESSAGE = 60
# Homophone typos are looked for in this many characters at the end, where the question is.
HOMOPHONE_CHARS = 40
# A clause this short (亲, 嗯) says nothing alone.
MIN_CLAUSE_CHARS = 2
# Clauses read alone, from the end: a rant's twentieth clause is covered by the reading of the whole.
MAX_CLAUSES_READ = 6
LEXICON_SHARE = 0.4
# Quiet when the model finds the message most likely says nothing to answer (好的, an address, 嗯嗯) and the
# best intent is weak: silence is for chatter, not for a question the engine is unsure of.
QUIET_OTHER = 0.8
QUIET_BELOW = 0.3
# ... or when `other` is this many times likelier than the best intent (今天天气真好).
QUIET_RATIO = 4.0
# ... and whatever the model thinks of `other`, when no intent reaches even this share.
QUIET_FLOOR = 0.05
# An intent this likely gets a column of its own in the interleaved answer (a second question, a second guess).
COLUMN_MIN = 0.03
# Below this probability (and without a strong lexicon cue) the best guesses are shown marked less sure.
SURE_PROBABILITY = 0.5
# A shop's own phrases (team or personal) come before the bundled defaults for the same intent: they carry the
# shop's facts (its courier, its hours). Larger than the whole lexical-overlap range.
SHOP_FIRST = OVERLAP_WEIGHT + 0.05


@dataclass(frozen=True, slots=True)
class Suggestion:
    phrase: Phrase
    score: float
    # False when the engine shows its best guesses for a question it could not read clearly (the UI marks them).
    sure: bool = True


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the engine made of one message."""

    grams: frozenset[str]
    intents: list[tuple[str, float]]  # detected, strongest first (probability-like shares)
    quiet: bool = False
    sure: bool = True
    last: tuple[str, ...] = ()  # intents that take only the last place


class SuggestionEngine:
    def __init__(
        self,
        phrases: Sequence[Phrase],
        learned: Iterable[tuple[str, str, float]] = (),
        pinned_ids: Sequence[str] = (),
        feature_key: bytes = b"",
        *,
        intent_model: IntentModel | None = None,
    ) -> None:
        # Keyed once; each bigram hashes a copy (cheaper than re-keying, about as fast as unkeyed hashing).
        self._feature_hash = hashlib.blake2b(digest_size=FEATURE_DIGEST_BYTES, key=feature_key)
        self.phrases = [p for p in phrases if p.enabled]
        self._by_id = {p.id: i for i, p in enumerate(self.phrases)}
        self.pinned_ids = tuple(pid for pid in pinned_ids if pid in self._by_id)
        self._lexicon = IntentLexicon.bundled(self._keyword_cues())
        self._model = intent_model or bundled_model()
        self._slang = SlangReader((c.intent, c.text, c.weight) for c in self._lexicon.cues if c.intent != NEUTRAL)
        self._latin_cues = frozenset(c.text for c in self._lexicon.cues if c.text.isascii())
        self._shop = [not is_bundled(p) for p in self.phrases]
        # A bundled phrase without intents is agent-initiated on purpose (催付, 好评感谢): only a shop's own
        # phrases, from a file that cannot say, get intents inferred.
        self._intents = [p.intents or (() if is_bundled(p) else self._infer_intents(p)) for p in self.phrases]
        self._by_intent: dict[str, list[int]] = defaultdict(list)
        for index, phrase_intents in enumerate(self._intents):
            for intent in phrase_intents:
                self._by_intent[intent].append(index)
        self._shop_members = {
            intent: [i for i in members if self._shop[i]] for intent, members in self._by_intent.items()
        }
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
        """For an imported phrase without intents: what its text, group and keywords say, if they say it clearly."""
        return infer_phrase_intents(phrase, self._lexicon.scores)

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
    def model_input(self, message: str) -> tuple[str, dict[str, float]]:
        """The text the engine reads (normalised, slang spelled out, a long message cut to its questions) and
        the lexicon's evidence for it: what the learned model is trained and run on."""
        text = self._slang.expand(_window(message), self._latin_cues)
        return text, self._lexicon_scores(text)

    def _lexicon_scores(self, text: str) -> dict[str, float]:
        if len(text) <= LONG_MESSAGE:
            scores = self._lexicon.scores(text)
        else:
            # Cues and patterns never cross a clause, and matching grows with the square of the matches in
            # one go: a long text is scored clause by clause, each intent by its best clause (a rant repeating
            # its grievance is not more evidence).
            scores = {}
            for part in text.split(" "):
                for intent, score in self._lexicon.scores(part).items():
                    scores[intent] = max(score, scores.get(intent, 0.0))
        if not any(s >= SURE for i, s in scores.items() if i not in SOCIAL_INTENTS):
            # typos are looked for where the question is: the end (pinyin matching is the costliest step)
            for intent, score in self._lexicon.homophone_scores(text[-HOMOPHONE_CHARS:]).items():
                if intent not in SOCIAL_INTENTS:
                    scores[intent] = max(scores.get(intent, 0.0), score)
        return scores

    def _read(self, message: str) -> _Reading:
        text, lexicon = self.model_input(message)
        shares = self._model.classify(text, lexicon)
        other = shares.pop(OTHER, 0.0)
        for intent, evidence in lexicon.items():
            # a strong cue keeps its intent in the answer even where the model, fitted on after-sales chats,
            # has seen too little of that wording (pre-sales questions)
            if evidence >= SPEAK and intent != NEUTRAL:
                shares[intent] = max(shares.get(intent, 0.0), LEXICON_SHARE * min(evidence, SURE) / SURE)
        parts = [part for part in text.split(" ") if part]
        if len(parts) > 1:
            for index, part in enumerate(parts):
                if len(part) < MIN_CLAUSE_CHARS or index < len(parts) - MAX_CLAUSES_READ:
                    continue
                # at the end of a long message is what the buyer asks now: it counts as much as the whole
                last_clause = index == len(parts) - 1 and len(text) >= LONG_MESSAGE
                factor = LAST_CLAUSE_FACTOR if last_clause else CLAUSE_FACTOR
                # (the whole message was already searched for homophone typos: plain cues suffice here)
                for intent, share in self._model.classify(part, self._lexicon.scores(part)).items():
                    if intent != OTHER and share * factor > shares.get(intent, 0.0):
                        shares[intent] = share * factor
        ranked = sorted(shares.items(), key=lambda item: -item[1])
        ranked = _social_gives_way(ranked, self._by_intent.keys())
        best = max((s for i, s in ranked if i in self._by_intent), default=0.0)
        strong_cue = any(s >= SURE for i, s in lexicon.items() if i not in SOCIAL_INTENTS and i != NEUTRAL)
        chatter = best < QUIET_FLOOR or (best < QUIET_BELOW and (other >= QUIET_OTHER or other >= QUIET_RATIO * best))
        quiet = not text or (chatter and not strong_cue)
        sure = best >= SURE_PROBABILITY or strong_cue
        intents = [(i, s) for i, s in ranked if s >= COLUMN_MIN] or ranked[:1]
        last = tuple(i for i, s in ranked if s == _LAST_PLACE)
        return _Reading(frozenset(bigrams(text[-OVERLAP_CHARS:])), intents, quiet, sure, last)

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
        alone = sorted((b, pid) for pid, b in learned.items() if b >= LEARNED_ALONE)
        detected = [] if reading.quiet else [(i, s) for i, s in reading.intents if i in self._by_intent]
        if not detected and not alone:
            return []
        strongest = detected[0][1] if detected else 1.0
        columns = [self._rank_intent(i, s / strongest, reading.grams, learned, top + 1) for i, s in detected]
        ordered = _interleave(columns[:MAX_INTERLEAVED_INTENTS])
        if reading.last and detected and top >= 2 and reading.last[0] in self._by_intent:
            weak = self._rank_intent(reading.last[0], 0.0, reading.grams, learned, 1)
            ordered = [*_unique(ordered)[: top - 1], *weak]
        picked_alone = [Suggestion(self.phrases[self._by_id[pid]], 1.0 + b) for b, pid in reversed(alone)]
        pinned = self._pinned(detected)
        chosen = _unique([*pinned, *picked_alone, *ordered])[:top]
        if reading.sure:
            return chosen
        return [Suggestion(s.phrase, s.score, sure=False) for s in chosen]

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
        overlapping: Iterable[int] = overlap.keys()
        if len(overlap) > PREFILTER * top:
            # Only the best overlaps can win (the other terms are the shop bonus, learned picks and tiny
            # tie-breaks): the shop's best and everyone's best are enough to score.
            overlapping = {
                *heapq.nlargest(PREFILTER * top, overlap, key=overlap.__getitem__),
                *heapq.nlargest(top, (i for i in overlap if self._shop[i]), key=overlap.__getitem__),
            }
        candidates = set(members[:top]) | set(self._shop_members.get(intent, ())[:top]) | set(overlapping)
        candidates.update(self._by_id[pid] for pid in learned if pid in self._by_id)
        position = {index: rank for rank, index in enumerate(members[: top + 1])}

        def score(index: int) -> float:
            phrase = self.phrases[index]
            if intent not in self._intents[index]:
                return -1.0
            lexical = OVERLAP_WEIGHT * min(1.0, overlap.get(index, 0.0) / denominator)
            order = -0.001 * position.get(index, top + 1)
            secondary = SECONDARY_INTENT if self._intents[index][0] != intent else 0.0
            shop = SHOP_FIRST if self._shop[index] else 0.0
            return confidence + lexical + shop + learned.get(phrase.id, 0.0) + order - secondary

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

    def search_ranked(self, query: str, limit: int = 20) -> list[tuple[Rank, Phrase]]:
        return self._search.ranked(query, limit)

    def learn(self, message: str, phrase_id: str) -> list[str]:
        features = self.features(message)
        for feature in features:
            self._learned[feature][phrase_id] = self._learned[feature].get(phrase_id, 0.0) + 1.0
        return features


def _social_gives_way(ranked: list[tuple[str, float]], answerable: Collection[str]) -> list[tuple[str, float]]:
    """A greeting or thanks beside a question yields to it. "你好，请问有XL码吗" asks about the size: the greeting
    only opens it, so even a likely question leads, and the greeting keeps at most the last place (none beside
    a sure question, whose answers open with 亲 anyway). Thanks close a chat ("已经退了，谢谢您"), so they yield
    only to a sure question. Only questions the library can answer count: a greeting is better than nothing."""
    questions = [(i, s) for i, s in ranked if i not in SOCIAL_INTENTS and i in answerable]
    social = [(i, s) for i, s in ranked if i in SOCIAL_INTENTS and s >= COLUMN_MIN]
    if not questions or not social:
        return ranked
    best = questions[0][1]
    yielding = [i for i, _ in social if best >= (GREETED_QUESTION if i == "greeting" else SURE_PROBABILITY)]
    if not yielding:
        return ranked
    kept = [(i, s) for i, s in social if i not in yielding]
    tail = [(i, _LAST_PLACE) for i in yielding[:1] if best < SURE_PROBABILITY]
    leading = [(questions[0][0], max(best, social[0][1])), *questions[1:]]
    return [*leading, *kept, *tail]


def _features(reading: _Reading, keyed: hashlib.blake2b) -> list[str]:
    hashed = set()
    for gram in reading.grams:
        digest = keyed.copy()
        digest.update(gram.encode())
        hashed.add("g:" + digest.hexdigest())
    # the intents the engine is sure of: a similar message later is recognised by them too
    detected = () if reading.quiet else [i for i, share in reading.intents if share >= SURE_PROBABILITY]
    return sorted(hashed | {"i:" + intent for intent in detected})


def _window(message: str) -> str:
    """The normalised message, or for a long one the part worth reading: its last clauses (the end of a rant
    is what the buyer wants now) and, before them, the latest other clauses that ask something."""
    if len(message) > MAX_RAW_CHARS:
        message = message[: MAX_RAW_CHARS // 4] + "\n" + message[-(MAX_RAW_CHARS * 3) // 4 :]
    text = normalize(message)
    if len(text) <= MAX_MESSAGE_CHARS:
        return text
    parts = text.split(" ")
    kept: list[int] = []
    budget = LONG_TAIL_CHARS
    for index in range(len(parts) - 1, -1, -1):
        if len(parts[index]) > budget:
            break
        budget -= len(parts[index]) + 1
        kept.append(index)
    budget += MAX_MESSAGE_CHARS - LONG_TAIL_CHARS
    for index in range(min(kept, default=len(parts)) - 1, -1, -1):
        if len(parts[index]) <= budget and _QUESTION_CLAUSE.search(parts[index]):
            budget -= len(parts[index]) + 1
            kept.append(index)
    if not kept:  # one endless clause: its end
        return text[-MAX_MESSAGE_CHARS:]
    return " ".join(parts[i] for i in sorted(kept))


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
