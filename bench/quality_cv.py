"""Suggestion quality in-process: dev.tsv with the shipped model, and train.tsv cross-validated (each fold scored
by an engine whose model never saw that fold's messages or replies), counted as `../shared/eval/score.py` does.

Usage: .venv/bin/python bench/quality_cv.py [--no-cv]   (cross-validation needs the `train` extra)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from desktop.core.default_library import load_default_library  # noqa: E402
from desktop.core.engine import SuggestionEngine  # noqa: E402
from desktop.core.intent_model import OTHER, IntentModel, to_json  # noqa: E402

Row = tuple[str, set[str]]


def load_rows(path: Path) -> list[Row]:
    lines = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")][1:]
    return [(row[0].replace("\n", " "), set(row[1].split("|"))) for row in lines if row and row[0]]


def score(engine: SuggestionEngine, rows: Iterable[Row], intents_of=None) -> dict[str, float]:
    """top-1, top-3 over labelled rows; quiet over `other` rows. `intents_of(phrase)` defaults to its intents."""
    intents_of = intents_of or (lambda phrase: set(phrase.intents))
    top1 = top3 = labelled = quiet = other = 0
    for message, want in rows:
        got = [intents_of(s.phrase) for s in engine.suggest(message, top=3)]
        if want == {OTHER}:
            other += 1
            quiet += not got
            continue
        labelled += 1
        top1 += bool(got and got[0] & want)
        top3 += any(g & want for g in got[:3])
    return {"top1": top1 / max(labelled, 1), "top3": top3 / max(labelled, 1), "quiet": quiet, "other": other,
            "labelled": labelled}


def describe(name: str, result: dict[str, float]) -> str:
    return (f"{name}: top-1 {result['top1']:.3f} top-3 {result['top3']:.3f} "
            f"quiet {result['quiet']}/{result['other']} ({result['quiet'] / max(result['other'], 1):.0%})")


def fold_models(train_path: Path, cache: Path | None = None) -> list[tuple[IntentModel, list[Row]]]:
    """One model per fold, trained without that fold, and the fold's rows. `cache` keeps the fitted models
    (JSON) between runs while engine thresholds are compared; delete it after retraining changes."""
    import train_intent_model as trainer

    examples = trainer.load_examples(train_path)
    classes = [*sorted(trainer.intent_ids()), OTHER]
    rows: list[dict[str, float]] | None = None
    result = []
    for k, (train, test) in enumerate(trainer.folds(examples)):
        held_out = [(examples[i].text, set(examples[i].labels)) for i in test]
        cached = cache / f"fold{k}.json" if cache else None
        if cached and cached.is_file():
            result.append((IntentModel.from_json(cached.read_text(encoding="utf-8")), held_out))
            continue
        rows = rows or trainer.featurize(examples)
        _, weights, bias = trainer.fit([rows[i] for i in train], [examples[i] for i in train], classes, trainer.C)
        text = to_json(classes, bias, weights, scale=trainer.SCALE, meta={})
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(text, encoding="utf-8")
        result.append((IntentModel.from_json(text), held_out))
    return result


def cross_validated(train_path: Path, cache: Path | None = None) -> dict[str, float]:
    library = load_default_library()
    totals = {"top1": 0.0, "top3": 0.0, "quiet": 0, "other": 0, "labelled": 0}
    for model, held_out in fold_models(train_path, cache):
        result = score(SuggestionEngine(library, intent_model=model), held_out)
        for key in ("quiet", "other", "labelled"):
            totals[key] += result[key]
        totals["top1"] += result["top1"] * result["labelled"]
        totals["top3"] += result["top3"] * result["labelled"]
    totals["top1"] /= totals["labelled"]
    totals["top3"] /= totals["labelled"]
    return totals


def main() -> None:
    import train_intent_model as trainer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cv", action="store_true", help="only dev.tsv and in-sample train.tsv")
    parser.add_argument("--cache", type=Path, default=None, help="keep the fold models here between runs")
    options = parser.parse_args()
    engine = SuggestionEngine(load_default_library())
    print(describe("dev.tsv", score(engine, load_rows(trainer.shared_eval("dev.tsv")))))
    train_path = trainer.shared_eval("train.tsv")
    print(describe("train.tsv (in-sample)", score(engine, load_rows(train_path))))
    if not options.no_cv:
        print(describe(f"train.tsv ({trainer.FOLDS}-fold cross-validated)", cross_validated(train_path, options.cache)))


if __name__ == "__main__":
    main()
