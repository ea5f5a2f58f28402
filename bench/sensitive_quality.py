"""Precision and recall of the sensitive-word guard on the corpus in bench/data/sensitive/.

Each corpus file holds one reply a line (`#` lines are comments): `*_evasions.txt` are replies that must be
flagged (banned words as agents and buyers write them to slip past a filter), `*_ordinary.txt` replies from
everyday shop practice that must not be. The tuning pair is what the word list and matcher were adjusted on
(tests/core/test_sensitive_corpus.py holds it to the thresholds); the held-out pair was written before the
tuning and is only measured, never tuned on.

    .venv/bin/python bench/sensitive_quality.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sensitive import SensitiveWords

CORPUS = Path(__file__).resolve().parent / "data" / "sensitive"
SETS = ("tuning", "heldout")


def read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class Score:
    evasions: int
    caught: int
    ordinary: int
    false_alarms: int
    missed: tuple[str, ...]
    wrongly_flagged: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.caught / self.evasions if self.evasions else 1.0

    @property
    def precision(self) -> float:
        flagged = self.caught + self.false_alarms
        return self.caught / flagged if flagged else 1.0

    @property
    def ordinary_left_alone(self) -> float:
        return 1 - self.false_alarms / self.ordinary if self.ordinary else 1.0


def score(name: str, words: SensitiveWords | None = None, folder: Path = CORPUS) -> Score:
    words = words or SensitiveWords.default()
    evasions = read_lines(folder / f"{name}_evasions.txt")
    ordinary = read_lines(folder / f"{name}_ordinary.txt")
    missed = tuple(text for text in evasions if not words.find(text))
    flagged = tuple(text for text in ordinary if words.find(text))
    return Score(len(evasions), len(evasions) - len(missed), len(ordinary), len(flagged), missed, flagged)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    words = SensitiveWords.default()
    print("| corpus | evasions caught (recall) | ordinary replies flagged | precision |")
    print("|---|---|---|---|")
    for name in SETS:
        result = score(name, words)
        print(f"| {name} | {result.caught}/{result.evasions} ({result.recall:.1%}) | "
              f"{result.false_alarms}/{result.ordinary} ({1 - result.ordinary_left_alone:.1%}) | "
              f"{result.precision:.1%} |")
        if args.misses:
            for text in result.missed:
                print(f"  missed ({name}): {text}")
            for text in result.wrongly_flagged:
                hits = "、".join(f"{h.word}@{h.matched}" for h in words.find(text))
                print(f"  false alarm ({name}): {text}  [{hits}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
