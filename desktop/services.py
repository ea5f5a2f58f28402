"""Opening what both the command line and the window need: paths, settings, the store, the library."""

from __future__ import annotations

import os
from dataclasses import dataclass

from desktop.core.default_library import load_default_library
from desktop.core.engine import SuggestionEngine
from desktop.paths import Paths
from desktop.settings import Settings
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


def open_settings(paths: Paths) -> Settings:
    from desktop.platform.machine_config import read_installer_values, read_policy

    return Settings(paths.settings_file, policy=read_policy(), installer=read_installer_values())


def open_services(data_dir: str | os.PathLike[str] | None = None) -> Services:
    paths = Paths.resolve(data_dir).ensure()
    store = open_store(paths.database, backup_dir=paths.backups)
    phrases = PhraseRepository(store.db)
    ensure_default_library(phrases)
    return Services(paths, open_settings(paths), store, phrases)


def ensure_default_library(phrases: PhraseRepository) -> None:
    """A new store starts with the bundled library as its team library, until a team library is synced.

    Once one has been applied the team's phrases are the lead's, even none at all: an empty published
    library must not bring the bundled one back at the next start.
    """
    if phrases.count("team") == 0 and TeamRepository(phrases.db).mirror_state().applied_version is None:
        phrases.replace_source("team", load_default_library())


def build_engine(phrases: PhraseRepository) -> SuggestionEngine:
    """The engine the window builds too, with the team's featured phrase pinned (`kuaida suggest` = the window)."""
    pinned = TeamRepository(phrases.db).pinned_ids()
    return SuggestionEngine(phrases.all(include_hidden=False), phrases.learned_picks(), pinned_ids=pinned)


def template_values(settings: Settings) -> dict[str, str]:
    return {"客服": settings.get("agent_name"), "店铺": settings.get("shop_name")}
