"""意见反馈 in the local store: the agent's filed messages, and on the lead's PC the state of each shared one."""

from __future__ import annotations

import datetime as dt

import sqlite_utils
from sqlite_utils.migrations import Migrations

from desktop.core.feedback import Feedback, FeedbackState
from desktop.store.database import register

migrations = register(Migrations("kuaida.feedback"))
KEEP_DAYS = 180


@migrations()
def create_feedback_tables(db: sqlite_utils.Database) -> None:
    db["feedback"].create({"id": int, "department": str, "text": str, "note": str, "buyer": str,
                           "created_at": str, "shared_at": str}, pk="id")
    # The lead's marks on shared feedback read from the team folder, by the shared file's id.
    db["feedback_review"].create({"shared_id": str, "state": str, "changed_at": str}, pk="shared_id")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def _feedback(row: dict) -> Feedback:
    shared = row["shared_at"]
    return Feedback(row["id"], row["department"], row["text"], row["note"] or "", row["buyer"] or "",
                    dt.datetime.fromisoformat(row["created_at"]), dt.datetime.fromisoformat(shared) if shared else None)


class FeedbackRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, department: str, text: str, note: str, buyer: str, at: dt.datetime) -> Feedback:
        with self.db.conn:
            table = self.db["feedback"]
            table.insert({"department": department, "text": text, "note": note, "buyer": buyer,
                          "created_at": _utc(at), "shared_at": None})
            self.db.execute("delete from feedback where created_at < ?", [_utc(at - dt.timedelta(days=KEEP_DAYS))])
            return self.get(table.last_pk)

    def get(self, feedback_id: int) -> Feedback:
        rows = list(self.db.query("select * from feedback where id = ?", [feedback_id]))
        if not rows:
            raise KeyError(feedback_id)
        return _feedback(rows[0])

    def all(self) -> list[Feedback]:
        return [_feedback(row) for row in self.db.query("select * from feedback order by created_at desc, id desc")]

    def mark_shared(self, feedback_id: int, at: dt.datetime) -> None:
        with self.db.conn:
            self.db.execute("update feedback set shared_at = ? where id = ?", [_utc(at), feedback_id])

    def delete(self, feedback_id: int) -> None:
        with self.db.conn:
            self.db.execute("delete from feedback where id = ?", [feedback_id])

    # the lead's side ---------------------------------------------------------------------------------
    def review_states(self) -> dict[str, FeedbackState]:
        return {row["shared_id"]: FeedbackState(row["state"]) for row in self.db.query("select * from feedback_review")}

    def set_review_state(self, shared_id: str, state: FeedbackState, at: dt.datetime) -> None:
        with self.db.conn:
            self.db["feedback_review"].upsert({"shared_id": shared_id, "state": state.value, "changed_at": _utc(at)},
                                              pk="shared_id")
