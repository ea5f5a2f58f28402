"""Texts that Qt-free code hands to the window: Chinese source text plus fields, translated by the UI.

The core, store, sync and platform layers never import Qt, so they cannot call `tr()`. They return a `UiText`
(the Chinese source with %1, %2 … placeholders, and the values to put there); the window formats it with
`QCoreApplication.translate(UiText.context, …)` and the CLI, which speaks Chinese only, with `str()`.
`QT_TRANSLATE_NOOP` marks each source text where it is written, so lupdate finds it (it knows the name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Translate = Callable[[str, str], str]  # (context, source) → translated source, e.g. QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Marks `source` for the translation file under `context`; returns it unchanged."""
    return source


def _untranslated(_context: str, source: str) -> str:
    return source


@dataclass(frozen=True)
class UiText:
    context: str  # the translation context the source was marked under
    source: str  # Chinese, with %1 … %9 for the fields
    fields: tuple[str, ...] = ()

    def format(self, translate: Translate = _untranslated) -> str:
        text = translate(self.context, self.source)
        # Highest number first, so %1 does not eat the start of %10 (and a field's own "%2" is never touched
        # again: each placeholder is replaced once, right to left through the numbers).
        for number in range(len(self.fields), 0, -1):
            text = text.replace(f"%{number}", "\0" + str(number) + "\0")
        for number, value in enumerate(self.fields, start=1):
            text = text.replace("\0" + str(number) + "\0", value)
        return text

    def __str__(self) -> str:
        return self.format()
