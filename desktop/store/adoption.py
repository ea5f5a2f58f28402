"""Adoption counts (`desktop.core.adoption`) in the local store: (day, phrase id, outcome) → count, never text.
The table is declared in `desktop/store/schema.py` (set `kuaida.adoption`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlite_utils

from desktop.core.adoption import Count


class AdoptionRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, counts: Iterable[Count]) -> int:
        """Add finished counts in one transaction; returns how many."""
        rows = [(c.day, c.phrase_id, c.outcome.value) for c in counts]
        if rows:
            with self.db.atomic():
                self.db.conn.executemany(
                    "insert into adoption_counts (day, phrase_id, outcome, count) values (?, ?, ?, 1) "
                    "on conflict(day, phrase_id, outcome) do update set count = count + 1",
                    rows,
                )
        return len(rows)

    def counts(self, since: dt.date | None = None) -> list[tuple[str, str, str, int]]:
        """(day, phrase id, outcome, count) rows from `since` on, by day."""
        sql = "select day, phrase_id, outcome, count from adoption_counts where day >= ? order by day, phrase_id"
        return [tuple(r) for r in self.db.execute(sql, [(since or dt.date.min).isoformat()])]
