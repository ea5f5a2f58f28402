"""The DB-worker side of the 催付 and 客户 panels: each function takes the worker's `Services` and returns a
plain snapshot for the UI thread. No Qt here; the panels pass these to `TaskRunner.db`."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.clipboard_ids import IdKind, find_ids
from desktop.core.customers import Customer, CustomerIndex, CustomerMatch, Promise, find_customer_in_text
from desktop.core.formula_guard import neutralised_rows
from desktop.core.orders import Order, OrderFile
from desktop.core.phrases import Phrase
from desktop.core.reminder_ladder import caps_from
from desktop.core.reminders import (
    CONVERSION_HEADER,
    REMINDER_GROUP,
    DayConversion,
    Reminder,
    ReminderPolicy,
    ReminderState,
    conversion_rows,
)
from desktop.store.customers import CustomerRepository
from desktop.store.orders import ImportSummary, OrderRepository

if TYPE_CHECKING:
    from desktop.services.context import Services


def orders(services: Services, zone: dt.tzinfo) -> OrderRepository:
    return OrderRepository(services.store.db, zone)


def customers(services: Services, zone: dt.tzinfo) -> CustomerRepository:
    return CustomerRepository(services.store.db, zone)


# reminders ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReminderSnapshot:
    reminders: list[Reminder]  # the open ones
    phrases: list[Phrase]  # the 催付 group of the library, in library order
    days: list[DayConversion]  # 催付转化 per day, oldest first
    expired: list[str] = field(default_factory=list)  # order numbers that expired during this load
    # Per buyer, the reminders of the caps' window as (order, time): what `reminder_ladder.check_caps` counts.
    history: dict[str, list[tuple[str, dt.datetime]]] = field(default_factory=dict)

    def day(self, day: dt.date) -> DayConversion | None:
        return next((d for d in self.days if d.day == day), None)


def load_reminders(services: Services, policy: ReminderPolicy, zone: dt.tzinfo, now: dt.datetime) -> ReminderSnapshot:
    repo = orders(services, zone)
    expired = repo.expire_overdue(policy, now)
    phrases = [p for p in services.phrases.all(include_hidden=False) if p.group == REMINDER_GROUP and p.enabled]
    history = repo.buyer_reminders(now - dt.timedelta(days=caps_from(services.settings.get).window_days))
    return ReminderSnapshot(repo.reminders(), phrases, repo.conversion(), expired, history)


def remind(services: Services, zone: dt.tzinfo, order_id: str, now: dt.datetime, star: bool,
           step: int | None = None, phrase_id: str | None = None) -> Reminder:
    return orders(services, zone).mark_reminded(order_id, now, star_buyer=star, step=step, phrase_id=phrase_id)


def snooze(services: Services, zone: dt.tzinfo, order_id: str, until: dt.datetime, now: dt.datetime) -> Reminder:
    return orders(services, zone).snooze(order_id, until, now)


def settle(services: Services, zone: dt.tzinfo, order_id: str, state: ReminderState, now: dt.datetime) -> Reminder:
    return orders(services, zone).settle(order_id, state, now)


@dataclass(frozen=True)
class ImportOutcome:
    file: OrderFile
    summary: ImportSummary


def store_orders(services: Services, zone: dt.tzinfo, parsed: OrderFile, now: dt.datetime) -> ImportOutcome:
    """Store an export already read (on the I/O pool: a big .xlsx must not hold up the DB worker)."""
    return ImportOutcome(parsed, orders(services, zone).apply_import(parsed.orders, now))


def add_order(services: Services, zone: dt.tzinfo, order: Order, now: dt.datetime) -> Reminder:
    repo = orders(services, zone)
    repo.add_order(order, now)
    return repo.open_reminder(order.order_id)


def open_reminder_for(services: Services, zone: dt.tzinfo, order_id: str) -> Reminder | None:
    """加入催付 for an order number the store knows; None when it does not (the UI then asks for the buyer)."""
    repo = orders(services, zone)
    return repo.open_reminder(order_id) if repo.get_order(order_id) is not None else None


def export_conversion(services: Services, zone: dt.tzinfo, path: Path) -> int:
    rows = conversion_rows(orders(services, zone).conversion())
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel opens it as UTF-8
        csv.writer(handle).writerows(neutralised_rows([CONVERSION_HEADER, *rows]))
    return len(rows)


# customers ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CustomerDetails:
    customer: Customer
    promises: list[Promise]
    orders: list[Order]
    reminders: list[Reminder]  # all of this buyer's, open or settled
    history: list[tuple[str, str, dt.datetime]]  # (order_id, event, time), newest first


def load_customers(services: Services, zone: dt.tzinfo) -> list[Customer]:
    return customers(services, zone).all()


def customer_details(services: Services, zone: dt.tzinfo, nickname: str) -> CustomerDetails:
    people, repo = customers(services, zone), orders(services, zone)
    reminders = repo.reminders(open_only=False, buyer=nickname)
    history = [(r.order_id, kind, at) for r in reminders for kind, at in repo.history(r.order_id)]
    history.sort(key=lambda item: item[2], reverse=True)
    return CustomerDetails(people.get_or_new(nickname), people.promises(nickname=nickname), repo.orders_of(nickname),
                           reminders, history)


def apply_customer_edit(services: Services, zone: dt.tzinfo, customer: Customer,
                        new_promises: list[tuple[str, dt.datetime | None]], done: Mapping[int, bool],
                        now: dt.datetime) -> CustomerDetails:
    """Save what the customer dialog changed, in one transaction, and return the fresh details."""
    people = customers(services, zone)
    with services.store.db.atomic():
        people.save(customer, now)
        for text, due in new_promises:
            people.add_promise(customer.nickname, text, due, now)
        for promise_id, is_done in done.items():
            people.set_promise_done(promise_id, now if is_done else None)
    return customer_details(services, zone, customer.nickname)


def set_promise_done(services: Services, zone: dt.tzinfo, promise_id: int, done_at: dt.datetime | None) -> None:
    customers(services, zone).set_promise_done(promise_id, done_at)


# the customer card: who is this copied text about? ---------------------------------------------------------

class _OrderBuyers(Mapping[str, str]):
    """Order number → buyer, answered by the store one number at a time (no 10,000-row dict per copy)."""

    def __init__(self, repo: OrderRepository) -> None:
        self._repo = repo

    def __getitem__(self, order_id: str) -> str:
        order = self._repo.get_order(order_id)
        if order is None:
            raise KeyError(order_id)
        return order.buyer

    def __iter__(self) -> Iterator[str]:
        return iter(self._repo.order_buyers())

    def __len__(self) -> int:
        return self._repo.count()


@dataclass(frozen=True)
class CardData:
    """What the overlay's customer card shows for a copied text."""

    order_id: str = ""  # an order number in the text (known or not): offers 加入催付
    match: CustomerMatch | None = None
    customer: Customer | None = None
    open_promises: list[Promise] = field(default_factory=list)
    open_reminders: list[Reminder] = field(default_factory=list)
    order_count: int = 0
    order_settled: bool = False  # the copied order's reminder is paid or closed: no 加入催付 for it again

    @property
    def nickname(self) -> str:
        return self.match.nickname if self.match else ""


def card_for_text(services: Services, zone: dt.tzinfo, text: str) -> CardData | None:
    """The known customer the text names (by nickname or order number), or an unknown order number; else None."""
    repo, people = orders(services, zone), customers(services, zone)
    index = CustomerIndex(people.nicknames(), _OrderBuyers(repo))
    match = find_customer_in_text(text, index)
    order_id = match.order_id if match and match.order_id else next(
        (f.value for f in find_ids(text) if f.kind is IdKind.ORDER), "")
    if match is None:
        return CardData(order_id=order_id) if order_id else None
    reminder = repo.reminder(order_id) if order_id else None
    return CardData(
        order_id=order_id, match=match, customer=people.get(match.nickname),
        open_promises=people.promises(nickname=match.nickname, open_only=True),
        open_reminders=repo.reminders(buyer=match.nickname), order_count=len(repo.orders_of(match.nickname)),
        order_settled=reminder is not None and not reminder.is_open,
    )


# end of shift (日清) ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ShiftSnapshot:
    promises: list[Promise]  # open ones, soonest due first
    reminders: list[Reminder]  # open ones
    today: DayConversion | None


def load_shift(services: Services, zone: dt.tzinfo, now: dt.datetime) -> ShiftSnapshot:
    repo = orders(services, zone)
    today = now.astimezone(zone).date()
    day = next((d for d in repo.conversion() if d.day == today), None)
    return ShiftSnapshot(customers(services, zone).promises(open_only=True), repo.reminders(), day)


def write_handover(services: Services, zone: dt.tzinfo, text: str, now: dt.datetime) -> int:
    return customers(services, zone).write_handover(text, now)


def unread_handover(services: Services, zone: dt.tzinfo) -> tuple[int, str, dt.datetime] | None:
    return customers(services, zone).unread_handover()


def mark_handover_read(services: Services, zone: dt.tzinfo, note_id: int, now: dt.datetime) -> None:
    customers(services, zone).mark_handover_read(note_id, now)
