"""Pinyin-initial slang inside buyer messages: `fh了吗` is 发货了吗, `tk到哪了` is 退款到哪了.

Buyers type the initials of a word their IME would otherwise make them pick. The common abbreviations of shop
chat are listed in resources/intents/slang.tsv; beyond them, an initials token stands for a cue of the engine
(lexicon or library keyword) when exactly one cue has those initials. Tokens that are Latin words in their
own right (xl, ok, vip, cm) are cues or listed below and stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from desktop.core.pinyin_table import initial

# Latin tokens buyers use as themselves: sizes, units, platforms, devices; never read as initials.
LATIN_WORDS = frozenset({
    "xs", "xl", "xxl", "xxxl", "ok", "hi", "cm", "mm", "kg", "ml", "mg", "gb", "tb", "jd", "pdd", "qq", "vx",
    "wx", "id", "app", "vip", "usb", "wifi", "pc", "tv", "ps", "diy", "led", "lcd", "ios", "mac", "ipad",
    "oppo", "vivo", "mi", "sku", "nfc", "gps", "cpu", "ram", "rom", "hd", "ai", "no", "yes", "ps5", "ins",
})
SLANG_RESOURCE = "intents/slang.tsv"
MIN_LENGTH, MAX_LENGTH = 2, 4
_TOKEN = re.compile(r"(?<![a-z0-9])[a-z]{2,4}(?![a-z0-9])")


@cache
def common_abbreviations() -> dict[str, str]:
    text = resources.files("desktop.resources").joinpath(SLANG_RESOURCE).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {initials.strip(): word.strip() for initials, word in rows}


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class SlangReader:
    """Expands initials tokens in a normalised message into the cue words they abbreviate."""

    def __init__(self, cues: Iterable[tuple[str, str, float]]) -> None:
        """`cues`: (intent, text, weight). For each initials key the heaviest cue wins; a tie between cues of
        different intents (zp: 正品 or 赠品?) leaves the key unread rather than guessing."""
        best: dict[str, tuple[float, str, set[str]]] = {}
        for intent, text, weight in cues:
            if not MIN_LENGTH <= len(text) <= MAX_LENGTH or not all(map(_is_cjk, text)) or weight < 1.0:
                continue
            key = "".join(initial(ch) for ch in text)
            if len(key) != len(text) or key in LATIN_WORDS:
                continue
            current = best.get(key)
            if current is None or weight > current[0]:
                best[key] = (weight, text, {intent})
            elif weight == current[0] and text != current[1]:
                current[2].add(intent)
        derived = {key: text for key, (_, text, intents) in best.items() if len(intents) == 1}
        # Cue weights cannot say which of 退款/同款/太坑 a `tk` means; how buyers use it can: the table decides.
        self._words = {**derived, **common_abbreviations()}

    def expand(self, normalized: str, keep: frozenset[str] = frozenset()) -> str:
        """`normalized` with each initials token that abbreviates a known word replaced by the word; tokens in
        `keep` (Latin cues such as `hi`) stay."""
        if not any("a" <= c <= "z" for c in normalized):
            return normalized

        def replace(match: re.Match[str]) -> str:
            token = match.group()
            if token in keep or token in LATIN_WORDS:
                return token
            return self._words.get(token, token)

        return _TOKEN.sub(replace, normalized)

    def __len__(self) -> int:
        return len(self._words)
