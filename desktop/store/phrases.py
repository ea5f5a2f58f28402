"""The phrase library and its usage in the local store.

Usage (picks, and what the engine learned from them) lives in tables of its own, so using a phrase never
rewrites the phrase, and team updates never lose what an agent's picks taught the engine.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from desktop.core.default_library import BUNDLED_ID_PREFIX
from desktop.core.library_io import ImportPlan, LibraryFile, plan_import
from desktop.core.phrases import Phrase, Source
from desktop.store.database import StoreError, is_disk_full, write_transaction
from desktop.store.schema import LEARNING_KEY

_IMPORTED = "library_imported"


def _to_row(phrase: Phrase, position: int) -> dict[str, object]:
    return {
        "id": phrase.id, "text": phrase.text, "grp": phrase.group, "code": phrase.code,
        "intents": json.dumps(list(phrase.intents), ensure_ascii=False),
        "keywords": json.dumps(list(phrase.keywords), ensure_ascii=False),
        "source": phrase.source, "enabled": int(phrase.enabled), "position": position,
    }


def _from_row(row: dict[str, Any]) -> Phrase:
    return Phrase(
        id=row["id"], text=row["text"], group=row["grp"], code=row["code"] or "",
        intents=tuple(json.loads(row["intents"] or "[]")), keywords=tuple(json.loads(row["keywords"] or "[]")),
        source=row["source"], enabled=bool(row["enabled"]),
    )


class PhraseRepository:
    """Reads and writes phrases, uses and learned picks. Every write is one transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # phrases ---------------------------------------------------------------------------------------
    def all(self, *, include_hidden: bool = True) -> list[Phrase]:
        sql = "select * from phrases"
        if not include_hidden:
            sql += " where id not in (select phrase_id from hidden_phrases)"
        return [_from_row(r) for r in self.db.query(sql + " order by position, rowid")]

    def hidden(self) -> list[Phrase]:
        """The phrases 不再推荐 took out of suggestions, in library order (search still finds them, marked)."""
        sql = "select * from phrases where id in (select phrase_id from hidden_phrases) order by position, rowid"
        return [_from_row(r) for r in self.db.query(sql)]

    def count(self, source: Source | None = None) -> int:
        if source is None:
            return self.db.table("phrases").count
        count: int = self.db.execute("select count(*) from phrases where source = ?", [source]).fetchone()[0]
        return count

    def get(self, phrase_id: str) -> Phrase | None:
        rows = list(self.db.query("select * from phrases where id = ?", [phrase_id]))
        return _from_row(rows[0]) if rows else None

    def save(self, phrase: Phrase) -> None:
        with self.db.atomic():
            existing = self.db.execute("select position from phrases where id = ?", [phrase.id]).fetchone()
            position = existing[0] if existing else self._next_position()
            self.db.table("phrases").upsert(_to_row(phrase, position), pk="id")

    def save_all(self, phrases: Iterable[Phrase]) -> int:
        rows = []
        position = self._next_position()
        for offset, phrase in enumerate(phrases):
            rows.append(_to_row(phrase, position + offset))
        with self.db.atomic():
            self.db.table("phrases").upsert_all(rows, pk="id")
        return len(rows)

    def delete(self, phrase_id: str) -> None:
        with self.db.atomic():
            self.db.execute("delete from phrases where id = ?", [phrase_id])

    def replace_source(self, source: Source, phrases: Iterable[Phrase]) -> None:
        """Make the phrases of `source` exactly `phrases` (adds, updates, deletions) in one transaction.

        Ids are stable, so uses, learned picks and hidden flags of surviving phrases carry over. Rows are
        made and written in batches as `phrases` yields them: a list of 50,000 row dicts freed at once held
        the interpreter lock (and so the window) for ~50 ms.
        """
        kept_ids: list[str] = []

        def rows() -> Iterator[dict[str, object]]:
            for position, phrase in enumerate(phrases):
                kept_ids.append(phrase.id)
                yield _to_row(phrase, position)

        with self.db.atomic():
            self.db.table("phrases").upsert_all(rows(), pk="id")
            self.db.execute(
                "delete from phrases where source = ? and id not in (select value from json_each(?))",
                [source, json.dumps(kept_ids)],
            )

    def import_library(self, library: LibraryFile, source: Source) -> ImportPlan:
        """Merge a read library file into `source` in one transaction: every good row, or nothing.

        Matching (编号, then shortcut code, then exact text) happens inside the transaction, so a second
        import of the same file adds nothing even when another process wrote in between.
        """
        try:
            with write_transaction(self.db):
                plan = plan_import(library, self.all(), source)
                position = self._next_position()
                rows = [_to_row(p, position + offset) for offset, p in enumerate(plan.added)]
                self.db.table("phrases").insert_all(rows, pk="id")
                for phrase in plan.updated:
                    row = _to_row(phrase, 0)
                    del row["position"]  # an updated phrase keeps its place in the list
                    self.db.table("phrases").update(phrase.id, row)
                if plan.added or plan.updated:
                    self._put_state(_IMPORTED, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        except sqlite3.OperationalError as error:
            if is_disk_full(error):
                raise StoreError("磁盘空间不足，导入已取消，短语库没有任何改动。请清理磁盘后重试。") from error
            raise
        return plan

    def has_own_library(self) -> bool:
        """Whether the shop brought a library of its own: a file was imported (`import_library`), or the
        team library holds phrases that are not the bundled defaults (synced from the lead, or imported)."""
        if self._state(_IMPORTED) is not None:
            return True
        sql = "select 1 from phrases where source = 'team' and substr(id, 1, ?) != ? limit 1"
        return self.db.execute(sql, [len(BUNDLED_ID_PREFIX), BUNDLED_ID_PREFIX]).fetchone() is not None

    def _next_position(self) -> int:
        return (self.db.execute("select max(position) from phrases").fetchone()[0] or 0) + 1

    # hiding team phrases ---------------------------------------------------------------------------
    def set_hidden(self, phrase_id: str, hidden: bool) -> None:
        with self.db.atomic():
            if hidden:
                self.db.table("hidden_phrases").upsert({"phrase_id": phrase_id}, pk="phrase_id")
            else:
                self.db.execute("delete from hidden_phrases where phrase_id = ?", [phrase_id])

    def hidden_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("select phrase_id from hidden_phrases")}

    # usage and learning ----------------------------------------------------------------------------
    def record_use(self, phrase_id: str, features: Iterable[str] = (), day: dt.date | None = None) -> None:
        """Count one use of a phrase and remember the message features it was picked for."""
        day_text = (day or dt.date.today()).isoformat()
        with self.db.atomic():
            self.db.execute(
                "insert into phrase_uses (phrase_id, day, uses) values (?, ?, 1) "
                "on conflict(phrase_id, day) do update set uses = uses + 1",
                [phrase_id, day_text],
            )
            self.learn(phrase_id, features)

    def learn(self, phrase_id: str, features: Iterable[str]) -> None:
        """Remember message features (hashed, never text) a phrase answers: a pick, or a phrase written for a
        message nothing fitted (its example question). No use is counted."""
        with self.db.atomic():
            self.db.conn.executemany(
                "insert into learned_picks (feature, phrase_id, weight) values (?, ?, 1) "
                "on conflict(feature, phrase_id) do update set weight = weight + 1",
                [(f, phrase_id) for f in set(features)],
            )

    def learned_picks(self) -> list[tuple[str, str, float]]:
        return [tuple(r) for r in self.db.execute("select feature, phrase_id, weight from learned_picks")]

    def learning_key(self) -> bytes:
        """This installation's secret for hashing learned features (`SuggestionEngine(feature_key=…)`)."""
        return bytes.fromhex(self._state(LEARNING_KEY) or "")

    # small state -----------------------------------------------------------------------------------
    def _state(self, key: str) -> str | None:
        row = self.db.execute("select value from phrase_state where key = ?", [key]).fetchone()
        return row[0] if row else None

    def _put_state(self, key: str, value: str) -> None:
        self.db.table("phrase_state").upsert({"key": key, "value": value}, pk="key")

    def uses_by_day(self, since: dt.date | None = None) -> list[tuple[str, str, int]]:
        since_text = (since or dt.date.min).isoformat()
        sql = "select phrase_id, day, uses from phrase_uses where day >= ? order by day, phrase_id"
        return [tuple(r) for r in self.db.execute(sql, [since_text])]
