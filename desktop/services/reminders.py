"""催付 use cases: the open reminders with their phrases and numbers, reminding, snoozing, settling, orders
in (an export, by hand, a copied number), 催付转化 out, and 日清 (end of shift, handover note).

Each function takes the `Services` of the caller (the window's DB worker, or the command line) and returns
a plain snapshot. No Qt here."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.customers import Promise
from desktop.core.formula_guard import neutralised_rows
from desktop.core.orders import Order, OrderFile
from desktop.core.phrases import Phrase
from desktop.core.reminders import (
    CONVERSION_HEADER,
    FALLBACK_TEXT,
    REMINDER_GROUP,
    DayConversion,
    Reminder,
    ReminderPolicy,
    ReminderState,
    choose_phrase,
    conversion_rows,
    template_values,
)
from desktop.core.templates import render
from desktop.services.context import Services
from desktop.services.values import agent_values
from desktop.settings import Settings
from desktop.store.customers import CustomerRepository
from desktop.store.orders import ImportSummary, OrderRepository
from desktop.store.team import TeamRepository


def order_repository(services: Services, zone: dt.tzinfo) -> OrderRepository:
    return OrderRepository(services.store.db, zone)


def customer_repository(services: Services, zone: dt.tzinfo) -> CustomerRepository:
    return CustomerRepository(services.store.db, zone)


# the open reminders -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReminderSnapshot:
    reminders: list[Reminder]  # the open ones
    phrases: list[Phrase]  # the 催付 group of the library, in library order
    days: list[DayConversion]  # 催付转化 per day, oldest first
    expired: list[str] = field(default_factory=list)  # order numbers that expired during this load
    campaign: str = ""  # the team's running campaign: fills {活动} unless the agent set one (as in 建议)

    def day(self, day: dt.date) -> DayConversion | None:
        return next((d for d in self.days if d.day == day), None)


def load_reminders(services: Services, policy: ReminderPolicy, zone: dt.tzinfo, now: dt.datetime) -> ReminderSnapshot:
    repo = order_repository(services, zone)
    expired = repo.expire_overdue(policy, now)
    phrases = [p for p in services.phrases.all(include_hidden=False) if p.group == REMINDER_GROUP and p.enabled]
    promotion = TeamRepository(services.store.db).active_promotion(now.astimezone(zone).date())
    return ReminderSnapshot(repo.reminders(), phrases, repo.conversion(), expired,
                            promotion.name if promotion else "")


def open_reminders(services: Services, policy: ReminderPolicy, zone: dt.tzinfo, now: dt.datetime) -> list[Reminder]:
    """The open reminders, soonest auto-close first; one past its deadline has closed on the platform and
    is expired first, so it is not listed as open."""
    repo = order_repository(services, zone)
    repo.expire_overdue(policy, now)
    return policy.by_deadline(repo.reminders())


def reminder_text(reminder: Reminder, phrases: Sequence[Phrase], deadline: dt.datetime, now: dt.datetime,
                  settings: Settings, campaign: str = "") -> str:
    """The 催付 phrase for this nudge, filled with the values every renderer uses (`agent_values`: 客服, 店铺,
    活动 with the team's `campaign`) and this order's on top (买家, 商品, 金额, 截止时间)."""
    values = agent_values(settings, campaign)
    values |= template_values(reminder, deadline, now, values["活动"])
    phrase = choose_phrase(phrases, reminder, values)
    return render(phrase.text if phrase else FALLBACK_TEXT, values, now)


def remind(services: Services, zone: dt.tzinfo, order_id: str, now: dt.datetime, star: bool) -> Reminder:
    return order_repository(services, zone).mark_reminded(order_id, now, star_buyer=star)


def snooze(services: Services, zone: dt.tzinfo, order_id: str, until: dt.datetime, now: dt.datetime) -> Reminder:
    return order_repository(services, zone).snooze(order_id, until, now)


def settle(services: Services, zone: dt.tzinfo, order_id: str, state: ReminderState, now: dt.datetime) -> Reminder:
    return order_repository(services, zone).settle(order_id, state, now)


# orders in ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportOutcome:
    file: OrderFile
    summary: ImportSummary


def store_orders(services: Services, zone: dt.tzinfo, parsed: OrderFile, now: dt.datetime) -> ImportOutcome:
    """Store an export already read (the window reads it on the I/O pool: a big .xlsx must not hold up the
    DB worker)."""
    return ImportOutcome(parsed, order_repository(services, zone).apply_import(parsed.orders, now))


@dataclass(frozen=True)
class AddedOrder:
    summary: ImportSummary  # `added` when the order was new, else it was updated
    reminder: Reminder


def add_order(services: Services, zone: dt.tzinfo, order: Order, now: dt.datetime) -> AddedOrder:
    """An order entered by hand, put on the reminder list."""
    repo = order_repository(services, zone)
    summary = repo.add_order(order, now)
    return AddedOrder(summary, repo.open_reminder(order.order_id))


def open_reminder_for(services: Services, zone: dt.tzinfo, order_id: str) -> Reminder | None:
    """加入催付 for an order number the store knows; None when it does not (the UI then asks for the buyer)."""
    repo = order_repository(services, zone)
    return repo.open_reminder(order_id) if repo.get_order(order_id) is not None else None


# 催付转化 out ---------------------------------------------------------------------------------------------

def conversion_table(services: Services, zone: dt.tzinfo) -> list[list[str]]:
    """催付转化 per day with its header row, cells that a spreadsheet would run as formulas neutralised."""
    return neutralised_rows([CONVERSION_HEADER, *conversion_rows(order_repository(services, zone).conversion())])


def export_conversion(services: Services, zone: dt.tzinfo, path: Path) -> int:
    """Write 催付转化 as CSV; returns the number of days written."""
    table = conversion_table(services, zone)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel opens it as UTF-8
        csv.writer(handle).writerows(table)
    return len(table) - 1


# end of shift (日清) ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ShiftSnapshot:
    promises: list[Promise]  # open ones, soonest due first
    reminders: list[Reminder]  # open ones
    today: DayConversion | None


def load_shift(services: Services, zone: dt.tzinfo, now: dt.datetime) -> ShiftSnapshot:
    repo = order_repository(services, zone)
    today = now.astimezone(zone).date()
    day = next((d for d in repo.conversion() if d.day == today), None)
    return ShiftSnapshot(customer_repository(services, zone).promises(open_only=True), repo.reminders(), day)


def close_shift(services: Services, zone: dt.tzinfo, done: Sequence[int], note: str, now: dt.datetime) -> None:
    """日清: the promises ticked off as kept and the handover note for the next shift, in one transaction."""
    people = customer_repository(services, zone)
    with services.store.db.atomic():
        for promise_id in done:
            people.set_promise_done(promise_id, now)
        if note:
            people.write_handover(note, now)


def unread_handover(services: Services, zone: dt.tzinfo) -> tuple[int, str, dt.datetime] | None:
    return customer_repository(services, zone).unread_handover()


def mark_handover_read(services: Services, zone: dt.tzinfo, note_id: int, now: dt.datetime) -> None:
    customer_repository(services, zone).mark_handover_read(note_id, now)
