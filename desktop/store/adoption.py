"""Adoption counts (`desktop.core.adoption`) in the local store: (day, phrase id, outcome) → count, never text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlite_utils
from sqlite_utils.migrations import Migrations

from desktop.core.adoption import Count
from desktop.store.database import register

migrations = register(Migrations("kuaida.adoption"))


@migrations()
def create_adoption_table(db: sqlite_utils.Database) -> None:
    db.table("adoption_counts").create({"day": str, "phrase_id": str, "outcome": str, "count": int},
                                 pk=("day", "phrase_id", "outcome"))


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
