"""The library both the command line and the window suggest from: which phrases, the engine over them,
the team's sensitive words and today's campaign, built in one piece (on the window's DB worker)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.default_library import phrases_to_suggest
from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import Phrase
from desktop.core.search import PhraseSearch, merge_ranked
from desktop.core.sensitive_finder import SensitiveFinder, no_sensitive_words
from desktop.services.context import Services
from desktop.settings import BY_KEY, Settings
from desktop.store.phrases import PhraseRepository
from desktop.store.team import TeamRepository

if TYPE_CHECKING:
    from desktop.core.sensitive import EntryLike

log = logging.getLogger(__name__)


def engine_phrases(phrases: PhraseRepository, settings: Settings | None = None) -> list[Phrase]:
    """Which phrases are suggested (hidden ones never; the bundled defaults only until the shop has its own
    library, unless it keeps them): one decision for `kuaida suggest` and the window (ui/library.py)."""
    keep = settings.get("keep_bundled_phrases") if settings else BY_KEY["keep_bundled_phrases"].default
    synced = TeamRepository(phrases.db).mirror_state().applied_version is not None
    return phrases_to_suggest(phrases.all(include_hidden=False), own_library=phrases.has_own_library(),
                              keep_bundled=bool(keep), team_synced=synced)


def build_engine(
    phrases: PhraseRepository, settings: Settings | None = None, chosen: list[Phrase] | None = None
) -> SuggestionEngine:
    """The engine the window builds too (`kuaida suggest` = the window): the phrases `engine_phrases` chose,
    what the agent's picks taught it, hashed with this installation's secret, and the team's featured
    phrase pinned."""
    pinned = TeamRepository(phrases.db).pinned_ids()
    return SuggestionEngine(
        engine_phrases(phrases, settings) if chosen is None else chosen, phrases.learned_picks(),
        pinned_ids=pinned, feature_key=phrases.learning_key(),
    )


def seller_names(settings: Settings) -> tuple[str, ...]:
    """Names that mark the seller's own lines in a block copied from the chat client (chat_block)."""
    return tuple(name for name in (settings.get("agent_name"), settings.get("shop_name")) if name)




def _no_fix(_text: str) -> str:
    return ""


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
    # The reply with the word list's replacements in place, "" when it gives none (the ⚠ question offers it).
    fix_sensitive: Callable[[str], str] = _no_fix

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


def sensitive_checks(team_words: Iterable[EntryLike] = ()) -> tuple[SensitiveFinder, Callable[[str], str]]:
    """The word list's `find` (bundled + the team's words), and a fixer: text → the text with the list's
    replacements, "" when none applies. Without a readable list the replies still come, just unmarked (and
    logged)."""
    try:
        from desktop.core.sensitive import SensitiveWords

        words = SensitiveWords.with_team(team_words)
    except (ImportError, OSError, ValueError) as error:
        log.warning("sensitive-word check unavailable: %s", error)
        return no_sensitive_words, _no_fix

    def fix(text: str) -> str:
        found = words.fix(text)
        return found.text if found.fixed else ""

    return words.find, fix


def load_library(services: Services) -> Library:
    """Runs on the DB worker: read the phrases and the team extras, build the index (the slow part)."""
    team = TeamRepository(services.store.db)
    phrases = engine_phrases(services.phrases, services.settings)
    engine = build_engine(services.phrases, services.settings, phrases)
    words = team.sensitive_words()
    promotion = team.active_promotion()
    hidden = services.phrases.hidden()
    find_sensitive, fix_sensitive = sensitive_checks(words)
    return Library(engine, phrases, find_sensitive, promotion.name if promotion else "", hidden,
                   PhraseSearch(hidden) if hidden else None, fix_sensitive)


def then_reload(change: Callable[[Services], object]) -> Callable[[Services], Library]:
    """A DB job that applies `change` and then rebuilds the library, so the UI swaps in the new engine."""

    def job(services: Services) -> Library:
        change(services)
        return load_library(services)

    return job
