"""What the overlay needs from the store, built on the DB worker and handed to the UI thread in one piece."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import Phrase
from desktop.core.search import PhraseSearch, merge_ranked
from desktop.ui.suggestions.reply_model import SensitiveFinder, no_sensitive_words

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Library:
    """An engine and the phrases it was built from (hidden team phrases left out), swapped in as one,
    with what the synced team library adds: its sensitive words (in `find_sensitive`) and today's campaign."""

    engine: SuggestionEngine
    phrases: list[Phrase]
    find_sensitive: SensitiveFinder
    promotion: str = ""  # the team's active campaign, fills {活动} unless the agent set one
    hidden: list[Phrase] = field(default_factory=list)  # 不再推荐: never suggested, still found by search
    hidden_index: PhraseSearch | None = None  # over `hidden` (a short list: cheap beside the engine's index)

    def groups(self) -> list[str]:
        return sorted({p.group for p in self.phrases})

    @property
    def hidden_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.hidden)

    def search(self, query: str, limit: int) -> list[Phrase]:
        """Typed search (on the compute lane): the engine's hits and the hidden phrases', best match first,
        so a hidden phrase's exact code still finds it."""
        if self.hidden_index is None:
            return self.engine.search(query, limit)
        return merge_ranked(self.engine.search_ranked(query, limit), self.hidden_index.ranked(query, limit), limit)


def sensitive_finder(team_words: Iterable[tuple[str, str]] = ()) -> SensitiveFinder:
    """The word list's `find` (bundled + the team's words); without a readable list the replies still
    come, just unmarked (and logged)."""
    try:
        from desktop.core.sensitive import SensitiveWords

        return SensitiveWords.with_team(team_words).find
    except (ImportError, OSError, ValueError) as error:
        log.warning("sensitive-word check unavailable: %s", error)
        return no_sensitive_words


def load_library(services: Services) -> Library:
    """Runs on the DB worker: read the phrases and the team extras, build the index (the slow part)."""
    from desktop.services import build_engine, engine_phrases
    from desktop.store.team import TeamRepository

    team = TeamRepository(services.store.db)
    phrases = engine_phrases(services.phrases, services.settings)
    engine = build_engine(services.phrases, services.settings, phrases)
    words = [(w.word, w.category) for w in team.sensitive_words()]
    promotion = team.active_promotion()
    hidden = services.phrases.hidden()
    return Library(engine, phrases, sensitive_finder(words), promotion.name if promotion else "", hidden,
                   PhraseSearch(hidden) if hidden else None)


def then_reload(change: Callable[[Services], object]) -> Callable[[Services], Library]:
    """A DB job that applies `change` and then rebuilds the library, so the UI swaps in the new engine."""

    def job(services: Services) -> Library:
        change(services)
        return load_library(services)

    return job
