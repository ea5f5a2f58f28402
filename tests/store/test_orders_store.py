"""Orders, reminders and customers in the store: idempotent import, settlements, starring, history, numbers."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest

from desktop.core.customers import REMINDED_TAG, Customer, StarColour
from desktop.core.orders import Order, OrderStatus
from desktop.core.reminders import ReminderPolicy, ReminderState
from desktop.store.customers import CustomerRepository
from desktop.store.database import Store, open_memory_store, open_store
from desktop.store.orders import OrderRepository

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2024, 11, 23, 8, 0, tzinfo=SHANGHAI)


@pytest.fixture
def store() -> Store:
    store = open_memory_store()
    yield store
    store.close()


def order(number: int, status: OrderStatus = OrderStatus.AWAITING_PAYMENT, **changes: object) -> Order:
    values = {"order_id": f"35612345678901{number:05d}", "buyer": f"buyer{number}", "status": status,
              "created_at": T0 + dt.timedelta(minutes=number), "amount": Decimal("99.00"), "title": "围巾"}
    values.update(changes)
    return Order(**values)


def test_import_opens_reminders_and_reimport_changes_nothing(store: Store) -> None:
    repo = OrderRepository(store.db, SHANGHAI)
    batch = [order(1), order(2, OrderStatus.PAID), order(3, OrderStatus.CLOSED)]
    first = repo.apply_import(batch, T0)
    assert (first.added, first.reminders_opened) == (3, 1)
    before = list(store.db.execute("select * from orders")) + list(store.db.execute("select * from reminders"))
    again = repo.apply_import(batch, T0 + dt.timedelta(hours=1))
    assert (again.added, again.updated, again.unchanged, again.reminders_opened) == (0, 0, 3, 0)
    after = list(store.db.execute("select * from orders")) + list(store.db.execute("select * from reminders"))
    assert before == after
    (reminder,) = repo.reminders()
    assert reminder.order_id == order(1).order_id
    assert reminder.created_at == order(1).created_at and reminder.created_at.tzinfo == SHANGHAI


def test_a_later_export_settles_reminders_as_paid_or_closed(store: Store) -> None:
    repo = OrderRepository(store.db, SHANGHAI)
    repo.apply_import([order(1), order(2)], T0)
    repo.mark_reminded(order(1).order_id, T0 + dt.timedelta(hours=1))
    paid_at = T0 + dt.timedelta(hours=2)
    summary = repo.apply_import(
        [order(1, OrderStatus.PAID, paid_at=paid_at), order(2, OrderStatus.CLOSED)], T0 + dt.timedelta(hours=3)
    )
    assert (summary.updated, summary.settled_paid, summary.settled_closed) == (2, 1, 1)
    assert repo.reminders() == []
    paid = repo.reminder(order(1).order_id)
    assert paid.state is ReminderState.PAID and paid.settled_at == paid_at
    assert [kind for kind, _ in repo.history(order(1).order_id)] == ["reminded", "paid"]
    assert repo.reminder(order(2).order_id).state is ReminderState.CLOSED


def test_reminding_stars_and_tags_the_buyer_unless_turned_off(store: Store) -> None:
    repo = OrderRepository(store.db, SHANGHAI)
    customers = CustomerRepository(store.db, SHANGHAI)
    repo.apply_import([order(1), order(2)], T0)
    customers.save(Customer("buyer2", StarColour.BLUE), T0)
    reminded = repo.mark_reminded(order(1).order_id, T0 + dt.timedelta(minutes=30))
    assert (reminded.state, reminded.remind_count) == (ReminderState.REMINDED, 1)
    assert customers.get("buyer1") == Customer("buyer1", StarColour.RED, (REMINDED_TAG,), "",
                                               customers.get("buyer1").updated_at)
    repo.mark_reminded(order(2).order_id, T0, star_buyer=True)
    assert customers.get("buyer2").star is StarColour.BLUE
    repo.apply_import([order(3)], T0)
    repo.mark_reminded(order(3).order_id, T0, star_buyer=False)
    assert customers.get("buyer3") is None


def test_snooze_settle_by_hand_and_expiry(store: Store) -> None:
    repo = OrderRepository(store.db, SHANGHAI)
    policy = ReminderPolicy(close_hours=72)
    repo.apply_import([order(1), order(2), order(3)], T0)
    until = T0 + dt.timedelta(hours=5)
    assert repo.snooze(order(1).order_id, until, T0).snoozed_until == until
    repo.settle(order(2).order_id, ReminderState.PAID, T0 + dt.timedelta(hours=1))
    expired = repo.expire_overdue(policy, T0 + dt.timedelta(hours=72, minutes=2))
    assert expired == [order(1).order_id]  # order 3 was placed at 08:03: its deadline is a minute away
    assert repo.reminder(order(1).order_id).state is ReminderState.EXPIRED


def test_open_reminder_for_a_known_order_and_lookup_maps(store: Store) -> None:
    repo = OrderRepository(store.db, SHANGHAI)
    repo.apply_import([order(1, OrderStatus.PAID)], T0)
    assert repo.reminders() == []
    assert repo.open_reminder(order(1).order_id).state is ReminderState.PENDING
    assert repo.open_reminder(order(1).order_id).state is ReminderState.PENDING
    assert repo.order_buyers() == {order(1).order_id: "buyer1"}
    assert [o.order_id for o in repo.orders_of("buyer1")] == [order(1).order_id]
    with pytest.raises(KeyError):
        repo.mark_reminded("nope", T0)


def test_conversion_counts_orders_paid_after_their_reminder(store: Store) -> None:
    repo = OrderRepository(store.db, SHANGHAI)
    repo.apply_import([order(1), order(2), order(3)], T0)
    for n in (1, 2):
        repo.mark_reminded(order(n).order_id, T0 + dt.timedelta(hours=1))
    repo.apply_import([order(1, OrderStatus.PAID, paid_at=T0 + dt.timedelta(hours=2))], T0 + dt.timedelta(hours=3))
    (day,) = repo.conversion()
    assert (day.day, day.sent, day.orders, day.paid) == (dt.date(2024, 11, 23), 2, 2, 1)


def test_promises_and_handover_notes(store: Store) -> None:
    customers = CustomerRepository(store.db, SHANGHAI)
    late = customers.add_promise("buyer1", "周五前发货", T0 + dt.timedelta(days=1), T0)
    soon = customers.add_promise("buyer2", " 加赠品 ", T0 + dt.timedelta(hours=1), T0)
    customers.add_promise("buyer2", "回电话", None, T0)
    assert [p.text for p in customers.promises(open_only=True)] == ["加赠品", "周五前发货", "回电话"]
    customers.set_promise_done(soon.id, T0)
    assert [p.id for p in customers.promises(open_only=True)][:1] == [late.id]
    assert [p.text for p in customers.promises(nickname="buyer2")] == ["回电话", "加赠品"]
    assert customers.unread_handover() is None
    note_id = customers.write_handover("3 单待付款，明早再催", T0)
    assert customers.unread_handover() == (note_id, "3 单待付款，明早再催", T0)
    customers.mark_handover_read(note_id, T0)
    assert customers.unread_handover() is None


def test_starred_listing_and_known_nicknames(store: Store) -> None:
    customers = CustomerRepository(store.db, SHANGHAI)
    OrderRepository(store.db, SHANGHAI).apply_import([order(1)], T0)
    customers.save(Customer("vip", StarColour.PURPLE, ("VIP",), "老客户"), T0)
    customers.save(Customer("plain"), T0)
    assert [c.nickname for c in customers.all(starred_only=True)] == ["vip"]
    assert sorted(customers.nicknames()) == ["buyer1", "plain", "vip"]


def test_tables_survive_reopening_the_file(tmp_path) -> None:
    path = tmp_path / "kuaida.sqlite3"
    store = open_store(path)
    OrderRepository(store.db, SHANGHAI).apply_import([order(1)], T0)
    store.close()
    store = open_store(path)
    assert len(OrderRepository(store.db, SHANGHAI).reminders()) == 1
    store.close()
