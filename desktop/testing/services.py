"""`Services` around a store a test opened itself (usually `open_memory_store()`), for DB jobs and runners."""

from __future__ import annotations

from pathlib import Path

from desktop.paths import Paths
from desktop.services.context import Services
from desktop.settings import Settings
from desktop.store.database import Store
from desktop.store.phrases import PhraseRepository


def services_over(store: Store, home: Path) -> Services:
    """The store as the DB worker's context; paths and settings live under `home` (a test's tmp_path)."""
    paths = Paths(home)
    return Services(paths, Settings(paths.settings_file), store, PhraseRepository(store.db))
