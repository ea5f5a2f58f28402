"""Copy → suggestions painted with and without the service guard (duplicate-send guard, service timers and
high-risk guard rails on), runs alternated so that load from other processes hits both alike.

    .venv/bin/python bench/guard_latency.py [--rounds 300] [--pairs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics

from overlay_latency import measure, percentile, synthetic_library


def arrange_cost(library: list | None, rounds: int = 3000) -> tuple[float, float]:
    """The guard's own share: `ServiceGuard.arrange` over the engine's nine suggestions, past the reply
    alarm and with replies recorded, so guard rails, the apology and greeting rotation all run."""
    import dataclasses
    import datetime as dt
    import time

    from overlay_latency import MESSAGES

    from desktop.core.default_library import load_default_library
    from desktop.core.engine import SuggestionEngine
    from desktop.services.service_guard import GuardOptions, ServiceGuard
    from desktop.settings import BY_KEY

    phrases = library or load_default_library()
    engine = SuggestionEngine(phrases)
    options = dataclasses.replace(GuardOptions.from_settings(lambda key: BY_KEY[key].default), timers=True)
    guard = ServiceGuard(options, b"k" * 32)
    now = dt.datetime.now(dt.UTC)
    answered = [(m, engine.suggest(m, 9)) for m in MESSAGES]
    timings = []
    for n in range(rounds):
        message, suggestions = answered[n % len(answered)]
        guard.copied("买家", now)
        start = time.perf_counter()
        guard.arrange(suggestions, message, phrases, lambda p: p.text, now + dt.timedelta(minutes=4))
        timings.append((time.perf_counter() - start) * 1000)
        if suggestions:
            guard.pasted(suggestions[0].phrase, suggestions[0].phrase.text, now)
    return statistics.median(timings), percentile(timings, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for label, phrases in (("default library", None), ("10,000 phrases", synthetic_library(10_000))):
        p50, p95 = arrange_cost(phrases)
        print(f"{label:16} arrange alone: p50 {p50:6.3f} ms   p95 {p95:6.3f} ms")
        runs: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.pairs):
            for guard in (False, True):
                timings, _count = measure(phrases, args.rounds, guard=guard)
                runs[guard].extend(timings)
        for guard, timings in runs.items():
            name = "guard on " if guard else "guard off"
            print(f"{label:16} {name}: p50 {statistics.median(timings):6.2f} ms   "
                  f"p95 {percentile(timings, 0.95):6.2f} ms   n={len(timings)}")


if __name__ == "__main__":
    main()
