"""话术优化 rounds this PC has shown the agent (each once) and answered."""

from __future__ import annotations

import datetime as dt

import sqlite_utils


class RoundRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def seen(self) -> set[str]:
        return {row[0] for row in self.db.execute("select round_id from rounds_seen")}

    def answered(self) -> set[str]:
        return {row[0] for row in self.db.execute("select round_id from rounds_seen where answered_at is not null")}

    def mark_seen(self, round_id: str, at: dt.datetime) -> None:
        with self.db.conn:
            self.db.execute("insert or ignore into rounds_seen (round_id, seen_at) values (?, ?)",
                            [round_id, at.astimezone(dt.UTC).isoformat()])

    def mark_answered(self, round_id: str, at: dt.datetime) -> None:
        self.mark_seen(round_id, at)
        with self.db.conn:
            self.db.execute("update rounds_seen set answered_at = ? where round_id = ?",
                            [at.astimezone(dt.UTC).isoformat(), round_id])
