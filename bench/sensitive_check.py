#!/usr/bin/env python3
"""Sensitive-word check speed: building the matcher (default list, and with a 2,000-word team list merged in)
and p50/p95 of `find` on replies of typical and long length. Run by hand:

    .venv/bin/python bench/sensitive_check.py [--rounds N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from desktop.core.default_library import load_default_library
from desktop.core.sensitive import SensitiveWords, parse_entries
from desktop.core.templates import render


def team_list(size: int, seed: int = 11) -> str:
    """`size` made-up two-to-four-character words, as a team lead might keep in a sheet."""
    rng = random.Random(seed)
    alphabet = "的一是在有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)}
    return "\n".join(f"{word}\t团队" for word in sorted(words)[:size])


def timed(function, *args, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function(*args)
        samples.append(time.perf_counter() - start)
    return samples


def report(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1e6
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1e6
    print(f"{label:<46} p50 {p50:8.1f} µs   p95 {p95:8.1f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    rounds = parser.parse_args().rounds

    start = time.perf_counter()
    default = SensitiveWords.default()
    print(f"default list: {len(default)} words, loaded and indexed in {(time.perf_counter() - start) * 1e3:.1f} ms")
    text = team_list(2000)
    start = time.perf_counter()
    merged = default.merged(SensitiveWords(parse_entries(text)))
    print(f"with a 2,000-word team list: {len(merged)} words, built in {(time.perf_counter() - start) * 1e3:.1f} ms")

    replies = [render(p.text, {}) for p in load_default_library()]
    typical = replies[len(replies) // 2]
    long_reply = "\n".join(replies[:8])  # eight replies in one go, ~400 characters
    evasive = "亲，加我 微❤信 领 好 评 返 现，全網最低價，ＶＸ：abc123，" * 4
    for label, words in (("default", default), ("default + 2,000 team words", merged)):
        report(f"{label}: one reply ({len(typical)} chars)", timed(words.find, typical, rounds=rounds))
        report(f"{label}: eight replies ({len(long_reply)} chars)", timed(words.find, long_reply, rounds=rounds))
        report(f"{label}: evasions ({len(evasive)} chars)", timed(words.find, evasive, rounds=rounds))
    start = time.perf_counter()
    for reply in replies:
        default.find(reply)
    print(f"whole default library ({len(replies)} replies): {(time.perf_counter() - start) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
