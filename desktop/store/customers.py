"""Starred customers, their promises (承诺) and the shift handover notes (日清) in the local store."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils

from desktop.core.customers import Customer, Promise, StarColour, starred_after_remind


def to_text(moment: dt.datetime | None) -> str | None:
    """Times are stored as ISO 8601 in UTC, so they sort as text and survive a change of the shop's zone."""
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def from_text(text: str | None, zone: dt.tzinfo) -> dt.datetime | None:
    return None if not text else dt.datetime.fromisoformat(text).astimezone(zone)


def stored_time(text: str | None, zone: dt.tzinfo) -> dt.datetime:
    """A time every row has (when an order was placed, an event happened, a note was written)."""
    moment = from_text(text, zone)
    if moment is None:
        raise ValueError("a stored row lacks its time")
    return moment


def _customer(row: dict[str, Any]) -> Customer:
    return Customer(
        nickname=row["nickname"], star=StarColour(row["star"]) if row["star"] else None,
        tags=tuple(json.loads(row["tags"] or "[]")), note=row["note"] or "",
        updated_at=from_text(row["updated_at"], dt.UTC),
    )


class CustomerRepository:
    """Customers by nickname, promises and handover notes; every write is one transaction."""

    def __init__(self, db: sqlite_utils.Database, zone: dt.tzinfo = dt.UTC) -> None:
        self.db = db
        self.zone = zone

    # customers ---------------------------------------------------------------------------------------
    def get(self, nickname: str) -> Customer | None:
        rows = list(self.db.query("select * from customers where nickname = ?", [nickname]))
        return _customer(rows[0]) if rows else None

    def get_or_new(self, nickname: str) -> Customer:
        return self.get(nickname) or Customer(nickname)

    def all(self, *, starred_only: bool = False) -> list[Customer]:
        sql = "select * from customers"
        if starred_only:
            sql += " where star is not null and star != ''"
        return [_customer(r) for r in self.db.query(sql + " order by updated_at desc, nickname")]

    def nicknames(self) -> list[str]:
        """Everyone the store knows: customers with a record and buyers of imported orders."""
        sql = "select nickname from customers"
        if self.db.table("orders").exists():
            sql += " union select buyer from orders"
        return [r[0] for r in self.db.execute(sql)]

    def save(self, customer: Customer, at: dt.datetime) -> Customer:
        row = {
            "nickname": customer.nickname, "star": customer.star.value if customer.star else None,
            "tags": json.dumps(list(customer.tags), ensure_ascii=False), "note": customer.note,
            "updated_at": to_text(at),
        }
        with self.db.atomic():
            self.db.table("customers").upsert(row, pk="nickname")
        return _customer(row)

    def mark_reminded(self, nickname: str, at: dt.datetime) -> Customer:
        """A chased buyer gets a star (unless they have one) and the 催付过 tag."""
        customer = self.get_or_new(nickname)
        updated = starred_after_remind(customer)
        return updated if updated == customer else self.save(updated, at)

    def delete(self, nickname: str) -> None:
        with self.db.atomic():
            self.db.execute("delete from customers where nickname = ?", [nickname])

    # promises ----------------------------------------------------------------------------------------
    def _promise(self, row: dict[str, Any]) -> Promise:
        return Promise(row["id"], row["nickname"], row["text"], from_text(row["due"], self.zone),
                       from_text(row["created_at"], self.zone), from_text(row["done_at"], self.zone))

    def add_promise(self, nickname: str, text: str, due: dt.datetime | None, at: dt.datetime) -> Promise:
        with self.db.atomic():
            cursor = self.db.execute(
                "insert into promises (nickname, text, due, created_at) values (?, ?, ?, ?)",
                [nickname, text.strip(), to_text(due), to_text(at)],
            )
            promise_id = cursor.lastrowid
        return Promise(promise_id, nickname, text.strip(), due, at)

    def promises(self, *, nickname: str | None = None, open_only: bool = False) -> list[Promise]:
        clauses, params = [], []
        if nickname is not None:
            clauses.append("nickname = ?")
            params.append(nickname)
        if open_only:
            clauses.append("done_at is null")
        where = f" where {' and '.join(clauses)}" if clauses else ""
        sql = f"select * from promises{where} order by done_at is not null, due is null, due, id"
        return [self._promise(r) for r in self.db.query(sql, params)]

    def set_promise_done(self, promise_id: int, done_at: dt.datetime | None) -> None:
        with self.db.atomic():
            self.db.execute("update promises set done_at = ? where id = ?", [to_text(done_at), promise_id])

    def delete_promise(self, promise_id: int) -> None:
        with self.db.atomic():
            self.db.execute("delete from promises where id = ?", [promise_id])

    # handover notes (日清) ----------------------------------------------------------------------------
    def write_handover(self, text: str, at: dt.datetime) -> int:
        with self.db.atomic():
            note_id = self.db.execute(
                "insert into handover_notes (text, written_at) values (?, ?)", [text.strip(), to_text(at)]
            ).lastrowid
        assert note_id is not None  # sqlite3 sets it after every insert
        return note_id

    def unread_handover(self) -> tuple[int, str, dt.datetime] | None:
        """The newest note the next shift has not acknowledged yet."""
        row = self.db.execute(
            "select id, text, written_at from handover_notes where read_at is null order by id desc limit 1"
        ).fetchone()
        return None if row is None else (row[0], row[1], stored_time(row[2], self.zone))

    def mark_handover_read(self, note_id: int, at: dt.datetime) -> None:
        with self.db.atomic():
            self.db.execute("update handover_notes set read_at = ? where id <= ? and read_at is null",
                            [to_text(at), note_id])
