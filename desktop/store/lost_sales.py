"""Buyers who did not buy and why (未成交原因), one row per buyer and day, in the local store."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from desktop.core.lost_sales import LostSale

KEEP_DAYS = 90  # a quarter of history for the agent's own report; older rows are dropped at the next write


def _sale(row: dict[str, Any]) -> LostSale:
    return LostSale(row["buyer"], dt.date.fromisoformat(row["day"]), row["reason"], row["note"] or "")


class LostSaleRepository:
    """One reason per buyer and day: recording again the same day replaces the reason (the agent corrects it)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def record(self, sale: LostSale, at: dt.datetime) -> None:
        with self.db.conn:
            self.db.table("lost_sales").upsert(
                {"buyer": sale.buyer, "day": sale.day.isoformat(), "reason": sale.reason, "note": sale.note,
                 "recorded_at": at.astimezone(dt.UTC).isoformat()},
                pk=("buyer", "day"),
            )
            cutoff = (sale.day - dt.timedelta(days=KEEP_DAYS)).isoformat()
            self.db.execute("delete from lost_sales where day < ?", [cutoff])

    def remove(self, buyer: str, day: dt.date) -> None:
        with self.db.conn:
            self.db.execute("delete from lost_sales where buyer = ? and day = ?", [buyer, day.isoformat()])

    def for_buyer(self, buyer: str) -> list[LostSale]:
        rows = self.db.query("select * from lost_sales where buyer = ? order by day desc", [buyer])
        return [_sale(row) for row in rows]

    def since(self, first_day: dt.date) -> list[LostSale]:
        rows = self.db.query("select * from lost_sales where day >= ? order by day, buyer", [first_day.isoformat()])
        return [_sale(row) for row in rows]

    def counts_by_day(self, first_day: dt.date) -> list[tuple[str, str, int]]:
        """(reason, day, buyers) since `first_day`: what the usage stats carry to the lead."""
        rows = self.db.execute(
            "select reason, day, count(*) from lost_sales where day >= ? group by reason, day order by day, reason",
            [first_day.isoformat()],
        ).fetchall()
        return [(reason, day, count) for reason, day, count in rows]
