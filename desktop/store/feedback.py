"""意见反馈 in the local store: the agent's filed messages, and on the lead's PC the state of each shared one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from desktop.core.feedback import Feedback, FeedbackState

KEEP_DAYS = 180


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def _feedback(row: dict[str, Any]) -> Feedback:
    shared = row["shared_at"]
    return Feedback(row["id"], row["department"], row["text"], row["note"] or "", row["buyer"] or "",
                    dt.datetime.fromisoformat(row["created_at"]), dt.datetime.fromisoformat(shared) if shared else None)


class FeedbackRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, department: str, text: str, note: str, buyer: str, at: dt.datetime) -> Feedback:
        with self.db.conn:
            table = self.db.table("feedback")
            table.insert({"department": department, "text": text, "note": note, "buyer": buyer,
                          "created_at": _utc(at), "shared_at": None})
            feedback_id = table.last_pk
            assert isinstance(feedback_id, int)  # the integer primary key of the row just inserted
            self.db.execute("delete from feedback where created_at < ?", [_utc(at - dt.timedelta(days=KEEP_DAYS))])
            return self.get(feedback_id)

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
            self.db.table("feedback_review").upsert(
                {"shared_id": shared_id, "state": state.value, "changed_at": _utc(at)}, pk="shared_id")
