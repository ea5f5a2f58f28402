"""Every table of the local store, as migration sets: one `sqlite_utils.Migrations` per area (`kuaida.<area>`),
all listed in `MIGRATION_SETS`, which `database.migrate` applies in that order.

A new table or column is a new migration appended to its area's set (never edit one that shipped: stores
out there have recorded it as applied); a new area is a new set added to `MIGRATION_SETS`
(tests/store/test_schema.py fails on a set that is not listed). This module imports nothing from the
repositories, so they and `database.py` can both depend on it without a cycle.
"""

from __future__ import annotations

import secrets

import sqlite_utils
from sqlite_utils.migrations import Migrations

# The installation's secret that learned picks are hashed with (see `salt_learned_picks`), in phrase_state.
LEARNING_KEY = "learning_key"
LEARNING_KEY_BYTES = 32

phrases = Migrations("kuaida.phrases")
team = Migrations("kuaida.team")
orders = Migrations("kuaida.orders")
customers = Migrations("kuaida.customers")
feedback = Migrations("kuaida.feedback")
lost_sales = Migrations("kuaida.lost_sales")
rounds = Migrations("kuaida.rounds")

MIGRATION_SETS: tuple[Migrations, ...] = (phrases, team, orders, customers, feedback, lost_sales, rounds)


# phrases ------------------------------------------------------------------------------------------------
@phrases()
def create_phrase_tables(db: sqlite_utils.Database) -> None:
    db.table("phrases").create(
        {
            "id": str, "text": str, "grp": str, "code": str, "intents": str, "keywords": str,
            "source": str, "enabled": int, "position": int,
        },
        pk="id",
    )
    db.table("phrases").create_index(["source"])
    db.table("phrase_uses").create({"phrase_id": str, "day": str, "uses": int}, pk=("phrase_id", "day"))
    db.table("learned_picks").create({"feature": str, "phrase_id": str, "weight": float}, pk=("feature", "phrase_id"))
    db.table("hidden_phrases").create({"phrase_id": str}, pk="phrase_id")


@phrases()
def salt_learned_picks(db: sqlite_utils.Database) -> None:
    """Learned picks are hashed with a secret of this installation from now on (keyed BLAKE2b).

    Unsalted character-pair hashes can be reversed with a dictionary of common characters, so a buyer's
    phone or address could be read back from them. They cannot be re-hashed (the messages are gone), so
    they are dropped: picks are relearned. Intent features (`i:…`, ids only) stay. The secret lives in the
    store, beside what it protects: a restored backup keeps both, and the diagnostics zip holds neither.
    """
    db.execute("delete from learned_picks where feature like 'g:%'")
    db.table("phrase_state").create({"key": str, "value": str}, pk="key")
    db.table("phrase_state").insert({"key": LEARNING_KEY, "value": secrets.token_hex(LEARNING_KEY_BYTES)})


# team ---------------------------------------------------------------------------------------------------
@team()
def create_team_tables(db: sqlite_utils.Database) -> None:
    db.table("team_state").create({"key": str, "value": str}, pk="key")
    db.table("team_sensitive_words").create({"word": str, "category": str}, pk="word")
    db.table("team_promotions").create(
        {"position": int, "name": str, "start": str, "end": str, "talking_points": str}, pk="position"
    )


@team()
def create_no_match_table(db: sqlite_utils.Database) -> None:
    # Per intent and day, how often the agent found no fitting phrase: counts only, for the lead's 话术优化.
    db.table("team_no_match").create({"intent": str, "day": str, "count": int}, pk=("intent", "day"))


# orders and reminders -----------------------------------------------------------------------------------
@orders()
def create_order_tables(db: sqlite_utils.Database) -> None:
    db.table("orders").create(
        {
            "order_id": str, "buyer": str, "status": str, "created_at": str, "amount": str, "title": str,
            "platform": str, "paid_at": str, "source": str,
        },
        pk="order_id",
    )
    db.table("orders").create_index(["buyer"])
    db.table("reminders").create(
        {
            "order_id": str, "state": str, "remind_count": int, "last_reminded_at": str, "snoozed_until": str,
            "settled_at": str,
        },
        pk="order_id",
        foreign_keys=[("order_id", "orders", "order_id")],
    )
    db.table("reminders").create_index(["state"])
    db.table("reminder_events").create({"id": int, "order_id": str, "kind": str, "at": str}, pk="id")
    db.table("reminder_events").create_index(["order_id"])
    db.table("reminder_events").create_index(["kind", "at"])


# customers, promises, handover notes --------------------------------------------------------------------
@customers()
def create_customer_tables(db: sqlite_utils.Database) -> None:
    db.table("customers").create(
        {"nickname": str, "star": str, "tags": str, "note": str, "updated_at": str}, pk="nickname"
    )
    db.table("promises").create(
        {"id": int, "nickname": str, "text": str, "due": str, "created_at": str, "done_at": str}, pk="id"
    )
    db.table("promises").create_index(["nickname"])
    db.table("handover_notes").create({"id": int, "text": str, "written_at": str, "read_at": str}, pk="id")


# feedback (意见反馈) ---------------------------------------------------------------------------------------
@feedback()
def create_feedback_tables(db: sqlite_utils.Database) -> None:
    db.table("feedback").create({"id": int, "department": str, "text": str, "note": str, "buyer": str,
                                 "created_at": str, "shared_at": str}, pk="id")
    # The lead's marks on shared feedback read from the team folder, by the shared file's id.
    db.table("feedback_review").create({"shared_id": str, "state": str, "changed_at": str}, pk="shared_id")


# lost sales (未成交原因) ----------------------------------------------------------------------------------
@lost_sales()
def create_lost_sales_table(db: sqlite_utils.Database) -> None:
    db.table("lost_sales").create({"buyer": str, "day": str, "reason": str, "note": str, "recorded_at": str},
                                  pk=("buyer", "day"))
    db.table("lost_sales").create_index(["day"])


# 话术优化 rounds this PC has shown the agent -----------------------------------------------------------------
@rounds()
def create_rounds_table(db: sqlite_utils.Database) -> None:
    db.table("rounds_seen").create({"round_id": str, "seen_at": str, "answered_at": str}, pk="round_id")
