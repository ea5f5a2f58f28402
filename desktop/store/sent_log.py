"""Today's sent replies, as keyed digests of day + buyer + text only (desktop/core/send_guard.py): the
duplicate-send guard's memory across restarts. Older days are pruned whenever today's are read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlite_utils


class SentLog:
    """The table `sent_replies` (desktop/store/schema.py, `create_sent_log`)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def today(self, day: dt.date) -> list[str]:
        """The digests stored for `day`; every earlier day is deleted on the way (pruned daily)."""
        with self.db.atomic():
            self.db.execute("delete from sent_replies where day < ?", [day.isoformat()])
        return [row[0] for row in self.db.execute("select digest from sent_replies where day = ?", [day.isoformat()])]

    def add(self, day: dt.date, digests: Iterable[str]) -> None:
        with self.db.atomic():
            self.db.execute("delete from sent_replies where day < ?", [day.isoformat()])
            self.db.conn.executemany("insert or ignore into sent_replies (day, digest) values (?, ?)",
                                     [(day.isoformat(), d) for d in digests])
