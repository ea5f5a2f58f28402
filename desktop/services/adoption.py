"""Counting adoption as the agent works: the window reports copies, shown suggestions and pastes here; finished
counts go to `save` (the window runs it on its DB worker). Qt-free, so the bench and the tests drive it alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlite_utils

from desktop.core.adoption import AdoptionTracker, Count
from desktop.store.adoption import AdoptionRepository


class AdoptionRecorder:
    def __init__(self, save: Callable[[list[Count]], None], today: Callable[[], dt.date] = dt.date.today) -> None:
        self._save = save
        self._today = today
        self._tracker = AdoptionTracker()
        self._buyer_message = False

    def message_copied(self, text: str) -> None:
        counts, self._buyer_message = self._tracker.copied(text, self._today())
        self._emit(counts)

    def suggestions_shown(self) -> None:
        """The list for the message just copied has replies (not for the agent's re-copy of its reply)."""
        if self._buyer_message:
            self._emit(self._tracker.shown(self._today()))

    def reply_pasted(self, phrase_id: str, rank: int | None, text: str) -> None:
        """A reply pasted from suggestion `rank` (1-based) or from search (None)."""
        self._emit(self._tracker.pasted(phrase_id, rank, text, self._today()))

    def flush(self) -> None:
        self._emit(self._tracker.flush())

    def _emit(self, counts: list[Count]) -> None:
        if counts:
            self._save(counts)


def save_counts(db: sqlite_utils.Database, counts: list[Count]) -> None:
    """What the window's `save` runs on its DB worker (`db` is the store's database there)."""
    AdoptionRepository(db).add(counts)
