"""Opening what both the command line and the window need: paths, settings, the store, the library."""

from __future__ import annotations

import os
from dataclasses import dataclass

from desktop.core.default_library import load_default_library, phrases_to_suggest
from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import Phrase
from desktop.paths import Paths
from desktop.settings import BY_KEY, Settings, open_settings
from desktop.store.database import Store, open_store
from desktop.store.phrases import PhraseRepository
from desktop.store.team import TeamRepository


@dataclass
class Services:
    paths: Paths
    settings: Settings
    store: Store
    phrases: PhraseRepository

    def close(self) -> None:
        self.store.close()


def open_services(
    data_dir: str | os.PathLike[str] | None = None, *, paths: Paths | None = None, settings: Settings | None = None
) -> Services:
    """Open the store (migrated, checked, backed up) with the library in place. The window passes the paths
    and settings it already holds and calls this on its DB worker, which then owns the connection."""
    paths = (paths or Paths.resolve(data_dir)).ensure()
    store = open_store(paths.database, backup_dir=paths.backups)
    phrases = PhraseRepository(store.db)
    ensure_default_library(phrases)
    return Services(paths, settings or open_settings(paths), store, phrases)


def ensure_default_library(phrases: PhraseRepository) -> None:
    """A new store starts with the bundled library as its team library, until a team library is synced.

    Once one has been applied the team's phrases are the lead's, even none at all: an empty published
    library must not bring the bundled one back at the next start.
    """
    if phrases.count("team") == 0 and TeamRepository(phrases.db).mirror_state().applied_version is None:
        phrases.replace_source("team", load_default_library())


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


def template_values(settings: Settings) -> dict[str, str]:
    return {"客服": settings.get("agent_name"), "店铺": settings.get("shop_name")}
