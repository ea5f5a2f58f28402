"""客户 use cases: the customer list, one buyer's record (promises, orders, reminder history), saving an edit,
and the customer card's question "who is this copied text about?". No Qt here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from desktop.core.clipboard_ids import IdKind, find_ids
from desktop.core.customers import (
    Customer,
    CustomerIndex,
    CustomerMatch,
    Promise,
    find_customer_in_text,
    matches_search,
)
from desktop.core.orders import Order
from desktop.core.reminders import Reminder
from desktop.services.context import Services
from desktop.services.reminders import customer_repository, order_repository
from desktop.store.orders import OrderRepository


def load_customers(services: Services, zone: dt.tzinfo) -> list[Customer]:
    return customer_repository(services, zone).all()


@dataclass(frozen=True)
class CustomerListing:
    customer: Customer
    open_promises: int


def list_customers(services: Services, zone: dt.tzinfo, *, starred_only: bool = False,
                   search: str = "") -> list[CustomerListing]:
    """The customers that match `search` (as the 客户 tab's search box does), with their open promises."""
    people = customer_repository(services, zone)
    counts: dict[str, int] = {}
    for promise in people.promises(open_only=True):
        counts[promise.nickname] = counts.get(promise.nickname, 0) + 1
    return [CustomerListing(c, counts.get(c.nickname, 0)) for c in people.all(starred_only=starred_only)
            if matches_search(c, search)]


@dataclass(frozen=True)
class CustomerDetails:
    customer: Customer
    promises: list[Promise]
    orders: list[Order]
    reminders: list[Reminder]  # all of this buyer's, open or settled
    history: list[tuple[str, str, dt.datetime]]  # (order_id, event, time), newest first


def customer_details(services: Services, zone: dt.tzinfo, nickname: str) -> CustomerDetails:
    people, repo = customer_repository(services, zone), order_repository(services, zone)
    reminders = repo.reminders(open_only=False, buyer=nickname)
    history = [(r.order_id, kind, at) for r in reminders for kind, at in repo.history(r.order_id)]
    history.sort(key=lambda item: item[2], reverse=True)
    return CustomerDetails(people.get_or_new(nickname), people.promises(nickname=nickname), repo.orders_of(nickname),
                           reminders, history)


def apply_customer_edit(services: Services, zone: dt.tzinfo, customer: Customer,
                        new_promises: list[tuple[str, dt.datetime | None]], done: Mapping[int, bool],
                        now: dt.datetime) -> CustomerDetails:
    """Save what the customer dialog changed, in one transaction, and return the fresh details."""
    people = customer_repository(services, zone)
    with services.store.db.atomic():
        people.save(customer, now)
        for text, due in new_promises:
            people.add_promise(customer.nickname, text, due, now)
        for promise_id, is_done in done.items():
            people.set_promise_done(promise_id, now if is_done else None)
    return customer_details(services, zone, customer.nickname)


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
    repo, people = order_repository(services, zone), customer_repository(services, zone)
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
