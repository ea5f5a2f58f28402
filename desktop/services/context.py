"""Opening what both the command line and the window need: paths, settings, the store (with the library in place)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from desktop.core.default_library import load_default_library
from desktop.paths import Paths
from desktop.settings import Settings, open_settings
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
