"""Train the intent model the engine ships (resources/intents/model.json), reproducibly.

Usage (needs the optional `train` extra: .venv/bin/pip install -e '.[train]'):
    .venv/bin/python bench/train_intent_model.py            # fit on everything, write the weights
    .venv/bin/python bench/train_intent_model.py --cv       # 5-fold cross-validation on train.tsv only

Training material:
- `../shared/eval/train.tsv`: buyer messages with their intents, and `agent_reply` (the agent's next line)
  as reply wording labelled with the message's intent, at a lower weight (noisy; it teaches the model to read
  a library phrase, which `infer_phrase_intents` relies on);
- `bench/training/examples.tsv`: buyer messages we wrote ourselves (pre-sales wording train.tsv lacks);
- the default library: every phrase's text and keywords under its intents (intent-less ones as `other`).
dev.tsv is never read here. Features are exactly the engine's (`SuggestionEngine.model_input`): the text's
character 1-3-grams and the lexicon's evidence. Only n-grams found in at least MIN_TEXTS different texts are
kept, so the weights cannot spell out any one message.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.default_library import load_default_library  # noqa: E402
from desktop.core.engine import SuggestionEngine  # noqa: E402
from desktop.core.intent_model import LEXICON_PREFIX, OTHER, IntentModel, features, to_json  # noqa: E402
from desktop.core.phrases import intent_ids  # noqa: E402

MODEL_PATH = ROOT / "resources" / "intents" / "model.json"
EXAMPLES = ROOT / "bench" / "training" / "examples.tsv"
MIN_TEXTS = 2
# Chosen by --cv (bench/README.md): regularisation and the weight of reply wording and library text.
C = 8.0
REPLY_WEIGHT = 0.3
LIBRARY_WEIGHT = 1.0
EXAMPLE_WEIGHT = 1.0
# Weights smaller than this are dropped, and the rest stored as multiples of SCALE: the file stays small.
PRUNE = 0.4
SCALE = 0.01
FOLDS = 5
SOCIAL = frozenset({"greeting", "thanks_bye"})
SEED = 20261204


def shared_eval(name: str) -> Path:
    """../shared/eval/NAME from the main checkout or a worktree under it."""
    for parent in ROOT.parents:
        if (candidate := parent / "shared" / "eval" / name).is_file():
            return candidate
    raise SystemExit(f"cannot find shared/eval/{name} above {ROOT}")


@dataclass(frozen=True)
class Example:
    text: str
    labels: tuple[str, ...]
    weight: float
    fold: int  # -1: always trained on (not a train.tsv row)


def read_tsv(path: Path) -> list[list[str]]:
    lines = [line.rstrip("\n") for line in path.open(encoding="utf-8") if not line.startswith("#")]
    return [line.split("\t") for line in lines[1:] if line.strip()]


def load_examples(train_path: Path) -> list[Example]:
    known = intent_ids() | {OTHER}
    rng = random.Random(SEED)
    examples: list[Example] = []
    for row in read_tsv(train_path):
        message, labels = row[0], tuple(row[1].split("|"))
        fold = rng.randrange(FOLDS)
        examples.append(Example(message, labels, 1.0, fold))
        reply = row[3] if len(row) > 3 else ""
        if reply.strip() and labels != (OTHER,):
            # the reply goes into the same fold as its message: it must not leak into the fold's test
            examples.append(Example(reply, labels, REPLY_WEIGHT, fold + FOLDS))
    for labels_text, message in read_tsv(EXAMPLES):
        labels = tuple(labels_text.split("|"))
        assert set(labels) <= known, labels
        examples.append(Example(message, labels, EXAMPLE_WEIGHT, -1))
    for phrase in load_default_library():
        labels = phrase.intents or (OTHER,)
        examples.append(Example(phrase.text, labels, LIBRARY_WEIGHT, -1))
        if set(labels) & SOCIAL:
            continue  # 好的, 嗯嗯, 收到 are keywords of the goodbye phrases, yet alone they are chatter (quiet)
        for keyword in phrase.keywords:
            examples.append(Example(keyword, labels, LIBRARY_WEIGHT, -1))
    return examples


def featurize(examples: list[Example]) -> list[dict[str, float]]:
    engine = SuggestionEngine(load_default_library(), intent_model=IntentModel((OTHER,), (0.0,), {}))
    return [features(*engine.model_input(e.text)) for e in examples]


def kept_features(rows: list[dict[str, float]]) -> set[str]:
    seen: Counter[str] = Counter()
    for row in rows:
        seen.update(row.keys())
    return {f for f, n in seen.items() if n >= MIN_TEXTS or f.startswith(LEXICON_PREFIX)}


Fitted = tuple[IntentModel, dict[str, list[tuple[int, float]]], list[float]]


def fit(rows: list[dict[str, float]], examples: list[Example], classes: list[str], c: float) -> Fitted:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vocabulary = kept_features(rows)
    xs, ys, ws = [], [], []
    for row, example in zip(rows, examples, strict=True):
        kept = {f: v for f, v in row.items() if f in vocabulary}
        for label in example.labels:  # a two-intent message teaches both, half each
            xs.append(kept)
            ys.append(classes.index(label))
            ws.append(example.weight / len(example.labels))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(xs)
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix, ys, sample_weight=ws)
    present = [classes[i] for i in model.classes_]
    weights: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for name, column in vectorizer.vocabulary_.items():
        for row_index, cls in enumerate(present):
            weight = float(model.coef_[row_index, column])
            if abs(weight) >= PRUNE:
                weights[name].append((classes.index(cls), weight))
    bias = [0.0] * len(classes)
    for row_index, cls in enumerate(present):
        bias[classes.index(cls)] = float(model.intercept_[row_index])
    missing = set(classes) - set(present)
    for cls in missing:
        bias[classes.index(cls)] = -20.0
    quantised = {f: tuple((i, round(w / SCALE) * SCALE) for i, w in pairs) for f, pairs in weights.items()}
    return IntentModel(tuple(classes), tuple(bias), quantised), dict(weights), bias


def folds(examples: list[Example]) -> Iterator[tuple[list[int], list[int]]]:
    for k in range(FOLDS):
        train = [i for i, e in enumerate(examples) if e.fold not in (k, k + FOLDS)]
        test = [i for i, e in enumerate(examples) if e.fold == k]
        yield train, test


def evaluate(model: IntentModel, rows: list[dict[str, float]], examples: list[Example]) -> tuple[float, float]:
    top1 = top3 = n = 0
    for row, example in zip(rows, examples, strict=True):
        if example.labels == (OTHER,):
            continue
        shares = model.probabilities(row)
        shares.pop(OTHER, None)
        ranked = sorted(shares, key=lambda i: -shares[i])
        n += 1
        top1 += ranked[0] in example.labels
        top3 += any(i in example.labels for i in ranked[:3])
    return top1 / n, top3 / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=None, help="train.tsv (default: ../shared/eval/train.tsv)")
    parser.add_argument("--cv", action="store_true", help="cross-validate on train.tsv instead of writing weights")
    parser.add_argument("--c", type=float, nargs="*", default=[C], help="regularisation values to try with --cv")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    options = parser.parse_args()
    examples = load_examples(options.train or shared_eval("train.tsv"))
    classes = [*sorted(intent_ids()), OTHER]
    rows = featurize(examples)
    if options.cv:
        for c in options.c:
            scores = []
            for train, test in folds(examples):
                model, _, _ = fit([rows[i] for i in train], [examples[i] for i in train], classes, c)
                scores.append(evaluate(model, [rows[i] for i in test], [examples[i] for i in test]))
            top1 = sum(s[0] for s in scores) / len(scores)
            top3 = sum(s[1] for s in scores) / len(scores)
            print(f"C={c}: model alone, cross-validated on train.tsv: top-1 {top1:.3f} top-3 {top3:.3f}")
        return
    model, weights, bias = fit(rows, examples, classes, C)
    meta = {
        "trained_by": "bench/train_intent_model.py", "C": C, "reply_weight": REPLY_WEIGHT,
        "min_texts": MIN_TEXTS, "examples": len(examples),
    }
    options.out.write_text(to_json(classes, bias, weights, scale=SCALE, meta=meta) + "\n", encoding="utf-8")
    print(f"wrote {options.out} ({options.out.stat().st_size // 1024} KB, {len(model.weights)} features)")


if __name__ == "__main__":
    main()
