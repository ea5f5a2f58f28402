"""What the overlay needs from the store, built on the DB worker and handed to the UI thread in one piece."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import Phrase
from desktop.ui.reply_model import SensitiveFinder, no_sensitive_words

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Library:
    """An engine and the phrases it was built from (hidden team phrases left out), swapped in as one."""

    engine: SuggestionEngine
    phrases: list[Phrase]
    find_sensitive: SensitiveFinder

    def groups(self) -> list[str]:
        return sorted({p.group for p in self.phrases})


def sensitive_finder() -> SensitiveFinder:
    """The word list's `find`; without a readable list the replies still come, just unmarked (and logged)."""
    try:
        from desktop.core.sensitive import SensitiveWords

        return SensitiveWords.default().find
    except (ImportError, OSError, ValueError) as error:
        log.warning("sensitive-word check unavailable: %s", error)
        return no_sensitive_words


def load_library(services: Services) -> Library:
    """Runs on the DB worker: read the phrases, build the index (the slow part), load the word list."""
    from desktop.services import build_engine

    return Library(build_engine(services.phrases), services.phrases.all(include_hidden=False), sensitive_finder())


def then_reload(change: Callable[[Services], object]) -> Callable[[Services], Library]:
    """A DB job that applies `change` and then rebuilds the library, so the UI swaps in the new engine."""

    def job(services: Services) -> Library:
        change(services)
        return load_library(services)

    return job
