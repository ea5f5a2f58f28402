"""Orders and their payment reminders (催付) in the local store: import, by-hand orders, reminder history.

Only the state of a reminder is stored (count, last time, snooze, settlement); deadlines and nudges are
computed from the order time and the current settings, so changing a setting applies to every reminder.
Importing the same export twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlite_utils

from desktop.core import reminders as machine
from desktop.core.orders import Order, OrderStatus, format_amount
from desktop.core.reminders import DayConversion, Reminder, ReminderPolicy, ReminderState, conversion_by_day
from desktop.store.customers import CustomerRepository, from_text, stored_time, to_text


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    reminders_opened: int = 0
    settled_paid: int = 0
    settled_closed: int = 0

    def describe(self) -> str:
        return (f"新增 {self.added} 单，更新 {self.updated} 单，未变 {self.unchanged} 单；"
                f"新催付 {self.reminders_opened} 条，已付款 {self.settled_paid} 条，已关闭 {self.settled_closed} 条")


_ORDER_COLUMNS = ("order_id", "buyer", "status", "created_at", "amount", "title", "platform", "paid_at")
_REMINDER_SQL = """
select o.order_id, o.buyer, o.created_at, o.amount, o.title, o.platform,
       r.state, r.remind_count, r.last_reminded_at, r.snoozed_until, r.settled_at
from reminders r join orders o on o.order_id = r.order_id
"""


def _order_row(order: Order) -> tuple[str | None, ...]:
    return (order.order_id, order.buyer, order.status.value, to_text(order.created_at),
            format_amount(order.amount) or None, order.title, order.platform, to_text(order.paid_at))


class OrderRepository:
    """Orders and reminders. `zone` is the shop's zone: times come back in it, ready to show and to render."""

    def __init__(self, db: sqlite_utils.Database, zone: dt.tzinfo = dt.UTC) -> None:
        self.db = db
        self.zone = zone

    # orders ------------------------------------------------------------------------------------------
    def _order(self, row: dict[str, Any]) -> Order:
        return Order(
            row["order_id"], row["buyer"], OrderStatus(row["status"]), stored_time(row["created_at"], self.zone),
            Decimal(row["amount"]) if row["amount"] else None, row["title"] or "", row["platform"] or "",
            from_text(row["paid_at"], self.zone),
        )

    def get_order(self, order_id: str) -> Order | None:
        rows = list(self.db.query("select * from orders where order_id = ?", [order_id]))
        return self._order(rows[0]) if rows else None

    def orders_of(self, buyer: str) -> list[Order]:
        sql = "select * from orders where buyer = ? order by created_at desc"
        return [self._order(r) for r in self.db.query(sql, [buyer])]

    def order_buyers(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("select order_id, buyer from orders")}

    def count(self) -> int:
        return self.db.table("orders").count

    def apply_import(self, orders: Iterable[Order], now: dt.datetime, source: str = "import") -> ImportSummary:
        """Upsert orders and settle their reminders in one transaction; unchanged rows are not written."""
        orders = list(orders)
        summary = ImportSummary()
        existing = {r[0]: r for r in self.db.execute(f"select {', '.join(_ORDER_COLUMNS)} from orders")}
        reminder_states = dict(self.db.execute("select order_id, state from reminders").fetchall())
        changed_rows, new_reminders, settlements, events = [], [], [], []
        for order in orders:
            row = _order_row(order)
            if order.order_id not in existing:
                summary.added += 1
                changed_rows.append((*row, source))
            elif existing[order.order_id] != row:
                summary.updated += 1
                changed_rows.append((*row, source))
            else:
                summary.unchanged += 1
            state = reminder_states.get(order.order_id)
            if order.status is OrderStatus.AWAITING_PAYMENT:
                if state is None:
                    new_reminders.append((order.order_id, ReminderState.PENDING.value, 0))
                    reminder_states[order.order_id] = ReminderState.PENDING.value
                    summary.reminders_opened += 1
                continue
            if state is None or ReminderState(state) not in machine.OPEN_STATES | {ReminderState.EXPIRED}:
                continue
            settled = ReminderState.PAID if order.status is OrderStatus.PAID else ReminderState.CLOSED
            at = to_text(order.paid_at or now) if settled is ReminderState.PAID else to_text(now)
            settlements.append((settled.value, at, order.order_id))
            events.append((order.order_id, settled.value, at))
            reminder_states[order.order_id] = settled.value
            if settled is ReminderState.PAID:
                summary.settled_paid += 1
            else:
                summary.settled_closed += 1
        with self.db.atomic():
            self.db.conn.executemany(
                f"insert into orders ({', '.join(_ORDER_COLUMNS)}, source) values ({', '.join('?' * 9)}) "
                "on conflict(order_id) do update set buyer = excluded.buyer, status = excluded.status, "
                "created_at = excluded.created_at, amount = excluded.amount, title = excluded.title, "
                "platform = excluded.platform, paid_at = excluded.paid_at",
                changed_rows,
            )
            self.db.conn.executemany(
                "insert into reminders (order_id, state, remind_count) values (?, ?, ?)", new_reminders
            )
            self.db.conn.executemany(
                "update reminders set state = ?, settled_at = ?, snoozed_until = null where order_id = ?",
                settlements,
            )
            self.db.conn.executemany("insert into reminder_events (order_id, kind, at) values (?, ?, ?)", events)
        return summary

    def add_order(self, order: Order, now: dt.datetime) -> ImportSummary:
        """An order entered by hand or from the clipboard (加入催付)."""
        return self.apply_import([order], now, source="hand")

    # reminders ---------------------------------------------------------------------------------------
    def _reminder(self, row: dict[str, Any]) -> Reminder:
        return Reminder(
            row["order_id"], row["buyer"], stored_time(row["created_at"], self.zone),
            Decimal(row["amount"]) if row["amount"] else None, row["title"] or "", row["platform"] or "",
            ReminderState(row["state"]), row["remind_count"] or 0, from_text(row["last_reminded_at"], self.zone),
            from_text(row["snoozed_until"], self.zone), from_text(row["settled_at"], self.zone),
        )

    def reminder(self, order_id: str) -> Reminder | None:
        rows = list(self.db.query(_REMINDER_SQL + " where r.order_id = ?", [order_id]))
        return self._reminder(rows[0]) if rows else None

    def reminders(self, *, open_only: bool = True, buyer: str | None = None) -> list[Reminder]:
        clauses, params = [], []
        if open_only:
            clauses.append("r.state in ('pending', 'reminded')")
        if buyer is not None:
            clauses.append("o.buyer = ?")
            params.append(buyer)
        where = f" where {' and '.join(clauses)}" if clauses else ""
        return [self._reminder(r) for r in self.db.query(_REMINDER_SQL + where + " order by o.created_at", params)]

    def _save(self, reminder: Reminder, event: str, at: dt.datetime) -> Reminder:
        with self.db.atomic():
            self.db.execute(
                "update reminders set state = ?, remind_count = ?, last_reminded_at = ?, snoozed_until = ?, "
                "settled_at = ? where order_id = ?",
                [reminder.state.value, reminder.remind_count, to_text(reminder.last_reminded_at),
                 to_text(reminder.snoozed_until), to_text(reminder.settled_at), reminder.order_id],
            )
            self.db.execute("insert into reminder_events (order_id, kind, at) values (?, ?, ?)",
                            [reminder.order_id, event, to_text(at)])
        return reminder

    def _require(self, order_id: str) -> Reminder:
        reminder = self.reminder(order_id)
        if reminder is None:
            raise KeyError("没有这笔订单的催付")  # no order number: the task runner logs failures
        return reminder

    def open_reminder(self, order_id: str) -> Reminder:
        """Put a known order on the reminder list (加入催付), or return its reminder when it has one."""
        if (existing := self.reminder(order_id)) is not None:
            return existing
        with self.db.atomic():
            self.db.execute("insert into reminders (order_id, state, remind_count) values (?, 'pending', 0)",
                            [order_id])
        return self._require(order_id)

    def mark_reminded(self, order_id: str, at: dt.datetime, *, star_buyer: bool = True) -> Reminder:
        """One reminder sent: count it, and by default star and tag the buyer (in the same transaction)."""
        with self.db.atomic():
            reminder = self._save(machine.mark_reminded(self._require(order_id), at), "reminded", at)
            if star_buyer:
                CustomerRepository(self.db, self.zone).mark_reminded(reminder.buyer, at)
        return reminder

    def snooze(self, order_id: str, until: dt.datetime, at: dt.datetime) -> Reminder:
        return self._save(machine.snooze(self._require(order_id), until), "snoozed", at)

    def settle(self, order_id: str, state: ReminderState, at: dt.datetime) -> Reminder:
        """Settle by hand: the agent saw the payment (paid) or the buyer cancelled (closed)."""
        current = self._require(order_id)
        settle = machine.settle_paid if state is ReminderState.PAID else machine.settle_closed
        settled = settle(current, at)
        return self._save(settled, state.value, at)

    def expire_overdue(self, policy: ReminderPolicy, now: dt.datetime) -> list[str]:
        """Open reminders whose auto-close deadline passed become expired; returns their order numbers."""
        overdue = [r for r in self.reminders() if policy.is_overdue(r, now)]
        with self.db.atomic():
            for reminder in overdue:
                self._save(machine.expire(reminder, policy.deadline(reminder)), "expired", now)
        return [r.order_id for r in overdue]

    # history and numbers -----------------------------------------------------------------------------
    def history(self, order_id: str) -> list[tuple[str, dt.datetime]]:
        sql = "select kind, at from reminder_events where order_id = ? order by at, id"
        return [(kind, stored_time(at, self.zone)) for kind, at in self.db.execute(sql, [order_id])]

    def conversion(self, since: dt.datetime | None = None) -> list[DayConversion]:
        """Per shop-local day: reminders sent and how many of those orders then paid (催付转化)."""
        since_text = to_text(since) if since else ""
        sent = [(o, stored_time(at, self.zone)) for o, at in self.db.execute(
            "select order_id, at from reminder_events where kind = 'reminded' and at >= ?", [since_text])]
        paid = {o: stored_time(at, self.zone) for o, at in self.db.execute(
            "select order_id, settled_at from reminders where state = 'paid' and settled_at is not null")}
        return conversion_by_day(sent, paid, self.zone)
