"""Pinyin readings of single characters, for homophone typos and typed initials (fh → 发货).

Reads pypinyin's per-character table directly: importing the `pypinyin` package also loads its phrase
dictionary, which costs ~0.5 s of start-up that `kuaida suggest` does not need. Falls back to the import
where the table file is not on disk (e.g. a bundle that keeps only bytecode).
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path


@cache
def _table() -> dict[int, str]:
    spec = importlib.util.find_spec("pypinyin")
    if spec is not None and spec.origin:
        table_file = Path(spec.origin).with_name("pinyin_dict.json")
        if table_file.is_file():
            return {int(code): value for code, value in json.loads(table_file.read_text(encoding="utf-8")).items()}
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)


def _toneless(syllable: str) -> str:
    """fā → fa, lǜ → lu: buyers' typos come from the IME, which ignores tones."""
    return "".join(c for c in unicodedata.normalize("NFKD", syllable) if not unicodedata.combining(c))


@cache
def readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one character, the usual one first; () for anything without a reading."""
    value = _table().get(ord(ch))
    if not value:
        return ()
    return tuple(dict.fromkeys(_toneless(s) for s in value.split(",")))


@cache
def initial(ch: str) -> str:
    """The first letter of a character's usual reading; letters and digits stand for themselves."""
    if ch.isascii():
        return ch.lower() if ch.isalnum() else ""
    sounds = readings(ch)
    return sounds[0][0] if sounds else ""
