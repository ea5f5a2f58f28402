"""A shop's own library, as a new shop brings it: bench/foreign_library/shop.csv (Qianniu's three columns, a
different shop's groups, codes, tone and facts, no intents), scored on dev.tsv and train.tsv with only that
library's phrases counting. The engine infers the phrases' intents itself; the hidden key
(bench/foreign_library/key.tsv, phrase code -> intents) is used only here, to count hits.

Usage: .venv/bin/python bench/foreign_library.py
A message counts when the key gives the library an answer for one of its intents; it is a hit when one of
the top 3 suggestions is such a phrase.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from desktop.core.engine import SuggestionEngine  # noqa: E402
from desktop.core.intent_inference import infer_phrase_intents  # noqa: E402
from desktop.core.library_io import plan_import, read_library  # noqa: E402
from desktop.core.phrases import Phrase  # noqa: E402

HERE = ROOT / "bench" / "foreign_library"


def load_key() -> dict[str, set[str]]:
    lines = [line.rstrip("\n").split("\t") for line in (HERE / "key.tsv").open(encoding="utf-8")
             if line.strip() and not line.startswith("#")]
    return {code: set(intents.split("|")) for code, intents in lines[1:]}


def load_shop() -> list[Phrase]:
    plan = plan_import(read_library(HERE / "shop.csv"), [], "team")  # as `kuaida library import --source team`
    assert not plan.skipped, plan.skipped
    return plan.added


def main() -> None:
    from quality_cv import load_rows
    from train_intent_model import shared_eval

    key = load_key()
    phrases = load_shop()
    inferred = {p.code: set(infer_phrase_intents(p)) for p in phrases}
    with_intents = sum(bool(v) for v in inferred.values())
    keyed = [c for c in inferred if c in key]
    agree = sum(bool(inferred[c] & key[c]) for c in keyed)
    print(f"{len(phrases)} phrases; intents inferred for {with_intents}; of the {len(keyed)} keyed phrases, "
          f"{agree} got one of their key intents")
    answerable = set().union(*key.values())
    engine = SuggestionEngine(phrases)
    for name in ("dev.tsv", "train.tsv"):
        counted = hits = first = 0
        for message, want in load_rows(shared_eval(name)):
            if not want & answerable:
                continue
            counted += 1
            got = [key.get(s.phrase.code, set()) for s in engine.suggest(message, top=3)]
            hits += any(g & want for g in got)
            first += bool(got and got[0] & want)
        print(f"{name}: {counted} messages the shop's library answers; its own phrase first {first / counted:.3f}, "
              f"in the top 3 {hits / counted:.3f}")


if __name__ == "__main__":
    main()
