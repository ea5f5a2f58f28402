"""Robustness: dev.tsv messages perturbed the way real chat text differs from clean questions, generated on the
fly (nothing is copied into the project), and the cost of each kind in top-1 / top-3.

Usage: .venv/bin/python bench/robustness.py [--set dev.tsv]
Kinds: Traditional characters, full-width Latin and digits, pinyin-initial slang, a homophone typo, emoji,
a pasted order number and link, two questions in one message (both must be in the top 3), and the question
at the end of a long complaint.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import opencc  # noqa: E402

from desktop.core.default_library import load_default_library  # noqa: E402
from desktop.core.engine import SuggestionEngine  # noqa: E402
from desktop.core.pinyin_table import _table, readings  # noqa: E402
from desktop.core.slang import common_abbreviations  # noqa: E402

SEED = 11
# Our own filler, nothing from the evaluation sets: what a buyer writes before getting to the point.
RANT = ("我真的是服了，买个东西这么麻烦，前前后后问了好几次，每次都说让我等等，等到现在也没个准话，"
        "我工作也很忙没时间天天盯着手机，家里人还一直问我东西到了没有，真的很影响心情，")
EMOJI = ["😭", "🙏", "😡", "[捂脸]", "😂"]


def traditional(message: str, _rng: random.Random) -> str:
    return opencc.OpenCC("s2t").convert(message)


def full_width(message: str, _rng: random.Random) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in message)


def slang(message: str, _rng: random.Random) -> str:
    by_word = sorted(((word, initials) for initials, word in common_abbreviations().items()), key=lambda w: -len(w[0]))
    for word, initials in by_word:
        message = message.replace(word, initials)
    return message


def homophone_index() -> dict[str, list[str]]:
    """Toneless reading -> common characters with it (from the GB2312 range, so typos look like typos)."""
    index: dict[str, list[str]] = {}
    for code in _table():
        ch = chr(code)
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if sounds := readings(ch):
            index.setdefault(sounds[0], []).append(ch)
    return index


HOMOPHONES = homophone_index()


def homophone(message: str, rng: random.Random) -> str:
    places = [i for i, c in enumerate(message) if readings(c) and len(HOMOPHONES.get(readings(c)[0], [])) > 1]
    if not places:
        return message
    i = rng.choice(places)
    options = [c for c in HOMOPHONES[readings(message[i])[0]] if c != message[i]]
    return message[:i] + rng.choice(options) + message[i + 1 :]


def emoji(message: str, rng: random.Random) -> str:
    """Emoji where buyers put them: after a clause (at a punctuation mark or space) and at the end."""
    breaks = [i + 1 for i, c in enumerate(message[:-1]) if c in "，,。！!？? ～~"]
    if breaks:
        at = rng.choice(breaks)
        message = message[:at] + rng.choice(EMOJI) + message[at:]
    return message + rng.choice(EMOJI) * 2


def order_and_link(message: str, rng: random.Random) -> str:
    number = "".join(rng.choice("0123456789") for _ in range(18))
    return f"订单号：{number} {message} https://item.taobao.com/item.htm?id={rng.randint(10**11, 10**12)}"


def long_complaint(message: str, _rng: random.Random) -> str:
    return RANT * 3 + message


KINDS: dict[str, Callable[[str, random.Random], str]] = {
    "Traditional": traditional, "full-width": full_width, "pinyin slang": slang, "homophone typo": homophone,
    "emoji": emoji, "order number + link": order_and_link, "long complaint": long_complaint,
}


def main() -> None:
    from quality_cv import load_rows
    from train_intent_model import shared_eval

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="dev.tsv")
    options = parser.parse_args()
    rows = [(m, w) for m, w in load_rows(shared_eval(options.set)) if w != {"other"}]
    engine = SuggestionEngine(load_default_library())

    def rates(messages: list[tuple[str, set[str]]]) -> tuple[float, float]:
        top1 = top3 = 0
        for message, want in messages:
            got = [set(s.phrase.intents) for s in engine.suggest(message, top=3)]
            top1 += bool(got and got[0] & want)
            top3 += any(g & want for g in got)
        return top1 / len(messages), top3 / len(messages)

    clean1, clean3 = rates(rows)
    print(f"{options.set}, {len(rows)} labelled messages: clean top-1 {clean1:.3f} top-3 {clean3:.3f}")
    print("| perturbation | changed rows | top-1 (clean on those) | top-3 (clean on those) | top-3 cost |")
    print("|---|---|---|---|---|")
    for name, perturb in KINDS.items():
        rng = random.Random(SEED)
        changed = [(perturb(m, rng), m, w) for m, w in rows]
        changed = [(p, m, w) for p, m, w in changed if p != m]
        p1, p3 = rates([(p, w) for p, _, w in changed])
        c1, c3 = rates([(m, w) for _, m, w in changed])
        print(f"| {name} | {len(changed)} | {p1:.3f} ({c1:.3f}) | {p3:.3f} ({c3:.3f}) | {c3 - p3:+.3f} |")

    rng = random.Random(SEED)
    single = [(m, w) for m, w in rows if len(w) == 1]
    both = either = 0
    pairs = 300
    for _ in range(pairs):
        (a, wa), (b, wb) = rng.sample(single, 2)
        while wa == wb:
            b, wb = rng.choice(single)
        got = set().union(*[set(s.phrase.intents) for s in engine.suggest(f"{a}，还有{b}", top=3)], set())
        both += bool(got & wa and got & wb)
        either += bool(got & (wa | wb))
    print(f"| two questions ({pairs} random pairs of dev messages with different intents) | {pairs} | "
          f"either in top 3 {either / pairs:.3f} | both in top 3 {both / pairs:.3f} | |")


if __name__ == "__main__":
    main()
