"""A learned intent classifier that decides beside the cue lexicon: multinomial logistic regression over a
message's character 1-3-grams and the lexicon's evidence, in pure Python.

Its weights (resources/intents/model.json) come from `bench/train_intent_model.py`; only n-grams seen in at
least two different training texts are kept, so no message can be read back from them. Loading takes a few
tens of milliseconds once per process; `probabilities` costs a dictionary lookup per n-gram.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

MODEL_RESOURCE = "intents/model.json"
OTHER = "other"
MAX_NGRAM = 3
# Lexicon evidence enters as one feature per intent, capped: a third strong cue says nothing new.
LEXICON_CAP = 3.0
LEXICON_PREFIX = "@"
_BOUNDARY_START, _BOUNDARY_END = "<", ">"


def text_features(normalized: str) -> dict[str, float]:
    """Character 1-3-grams of each clause (with clause start and end marks), L2-normalised so that a long
    message weighs no more than a short one."""
    grams: set[str] = set()
    for clause in normalized.split(" "):
        if not clause:
            continue
        marked = _BOUNDARY_START + clause + _BOUNDARY_END
        for n in range(1, MAX_NGRAM + 1):
            for start in range(len(marked) - n + 1):
                gram = marked[start : start + n]
                if gram not in (_BOUNDARY_START, _BOUNDARY_END):
                    grams.add(gram)
    if not grams:
        return {}
    value = 1.0 / math.sqrt(len(grams))
    return dict.fromkeys(grams, value)


def lexicon_features(scores: Mapping[str, float]) -> dict[str, float]:
    return {LEXICON_PREFIX + intent: min(s, LEXICON_CAP) / LEXICON_CAP for intent, s in scores.items() if s > 0}


def features(normalized: str, lexicon_scores: Mapping[str, float]) -> dict[str, float]:
    return {**text_features(normalized), **lexicon_features(lexicon_scores)}


@dataclass(frozen=True)
class IntentModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    # feature -> ((class index, weight), ...): only the weights that matter are kept
    weights: Mapping[str, tuple[tuple[int, float], ...]]

    @classmethod
    def from_json(cls, text: str) -> IntentModel:
        data = json.loads(text)
        classes = tuple(data["classes"])
        scale = float(data["scale"])
        weights: dict[str, tuple[tuple[int, float], ...]] = {}
        for feature, packed in data["weights"].items():
            # packed: [class, quantised weight, class, quantised weight, ...]
            weights[feature] = tuple((packed[i], packed[i + 1] * scale) for i in range(0, len(packed), 2))
        return cls(classes, tuple(data["bias"]), weights)

    def logits(self, feature_values: Mapping[str, float]) -> list[float]:
        totals = list(self.bias)
        weights = self.weights
        for feature, value in feature_values.items():
            for index, weight in weights.get(feature, ()):
                totals[index] += weight * value
        return totals

    def probabilities(self, feature_values: Mapping[str, float]) -> dict[str, float]:
        logits = self.logits(feature_values)
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {intent: e / total for intent, e in zip(self.classes, exps, strict=True)}

    def classify(self, normalized: str, lexicon_scores: Mapping[str, float] | None = None) -> dict[str, float]:
        return self.probabilities(features(normalized, lexicon_scores or {}))

    def feature_names(self) -> Iterable[str]:
        return self.weights.keys()


@cache
def bundled_model() -> IntentModel:
    text = resources.files("desktop.resources").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
    return IntentModel.from_json(text)


def to_json(classes: list[str], bias: list[float], weights: Mapping[str, list[tuple[int, float]]], *,
            scale: float, meta: Mapping[str, object]) -> str:
    """The shipped format: weights quantised to integers times `scale`, one compact JSON object."""
    packed = {
        feature: [v for index, w in pairs for v in (index, round(w / scale))]
        for feature, pairs in sorted(weights.items())
    }
    packed = {f: p for f, p in packed.items() if any(p[1::2])}
    body = {"meta": meta, "classes": classes, "bias": [round(b, 4) for b in bias], "scale": scale, "weights": packed}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
