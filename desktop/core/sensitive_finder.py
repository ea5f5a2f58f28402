"""The shape of a sensitive-word check as renderers use it: light to import (the window's first paint needs it,
not the word list)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol


class SensitiveHit(Protocol):
    """Read-only, so the frozen `desktop.core.sensitive.SensitiveHit` fits."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SensitiveFinder = Callable[[str], Sequence[SensitiveHit]]


def no_sensitive_words(_text: str) -> list[SensitiveHit]:
    return []
