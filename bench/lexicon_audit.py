"""Audit resources/intents/lexicon.tsv against the evaluation sets, with train.tsv as the arbiter: which cues
of four or more characters match dev.tsv rows but no train.tsv row (fitted to dev, unsupported elsewhere),
and which cues point train rows at the wrong intent most of the time.

Usage: .venv/bin/python bench/lexicon_audit.py [--min-length 4]
Prints the cues; the pruning itself is an edit of lexicon.tsv, reviewed by hand.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from desktop.core.intent_lexicon import NEUTRAL, bundled_lexicon  # noqa: E402
from desktop.core.normalize import normalize  # noqa: E402

# A cue that matches this many train rows and names one of their intents less often than WRONG_SHARE is wrong.
MIN_EVIDENCE = 3
WRONG_SHARE = 0.25


def matches(rows: list[tuple[str, set[str]]], cue: str) -> list[set[str]]:
    return [want for text, want in rows if cue in text]


def main() -> None:
    from quality_cv import load_rows
    from train_intent_model import shared_eval

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-length", type=int, default=4)
    options = parser.parse_args()
    dev = [(normalize(m), w) for m, w in load_rows(shared_eval("dev.tsv"))]
    train = [(normalize(m), w) for m, w in load_rows(shared_eval("train.tsv"))]
    cues, _ = bundled_lexicon()
    by_text: dict[str, set[str]] = defaultdict(set)
    for cue in cues:
        if cue.intent != NEUTRAL:
            by_text[cue.text].add(cue.intent)
    print("# dev-only: cues matching dev rows and no train row")
    for text, intents in sorted(by_text.items()):
        if len(text) < options.min_length:
            continue
        on_dev, on_train = matches(dev, text), matches(train, text)
        if on_dev and not on_train:
            right = sum(bool(w & intents) for w in on_dev)
            print(f"{'|'.join(sorted(intents))}\t{text}\tdev rows {len(on_dev)}, right {right}")
    print("# wrong on train: cues whose train rows rarely carry their intent")
    for text, intents in sorted(by_text.items()):
        on_train = matches(train, text)
        labelled = [w for w in on_train if w != {"other"}]
        if len(labelled) >= MIN_EVIDENCE and sum(bool(w & intents) for w in labelled) / len(labelled) < WRONG_SHARE:
            right = sum(bool(w & intents) for w in labelled)
            print(f"{'|'.join(sorted(intents))}\t{text}\ttrain rows {len(labelled)}, right {right}")


if __name__ == "__main__":
    main()
