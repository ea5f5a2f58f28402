"""Opening the local SQLite store: WAL journal, schema migrations, integrity check, daily backups.

Each feature area (phrases, orders, sync, ...) owns its tables and declares a `sqlite_utils.Migrations`
set for them (named `kuaida.<area>`), registered here with `register`. sqlite-utils runs each migration in
one transaction with its record, so a crash leaves the old schema or the new one, never half of one.
All writes elsewhere go through `db.atomic()`, so a killed writer loses at most the write in flight.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

log = logging.getLogger(__name__)

BACKUPS_KEPT = 7
_MIGRATION_SETS: dict[str, Migrations] = {}


class StoreError(RuntimeError):
    """The local store cannot be opened or is damaged; the message says what to do."""


def register(migrations: Migrations) -> Migrations:
    """Declare one area's migration set; call at import time of the area's repository module."""
    _MIGRATION_SETS[migrations.name] = migrations
    return migrations


@dataclass
class Store:
    """An open store. `db` is bound to the thread that opened it: the UI reaches it only via its DB worker."""

    path: Path
    db: sqlite_utils.Database
    problems: list[str] = field(default_factory=list)

    @property
    def integrity_ok(self) -> bool:
        return not self.problems

    def close(self) -> None:
        self.db.close()


def connect(path: Path | str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(str(path), timeout=10))
    if str(path) != ":memory:":
        db.execute("pragma journal_mode = wal")
    # NORMAL is crash-safe for the application in WAL mode; only a power cut may drop the last commit.
    db.execute("pragma synchronous = normal")
    db.execute("pragma foreign_keys = on")
    return db


def open_store(path: Path, *, backup_dir: Path | None = None, check: bool = True) -> Store:
    """Open (creating if needed) and migrate the store at `path`; back it up once a day into `backup_dir`."""
    _import_repositories()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = connect(path)
        store = Store(path, db)
        if check:
            store.problems = integrity_problems(db)
            if store.problems:
                log.error("store %s failed its integrity check: %s", path, "; ".join(store.problems[:3]))
        migrate(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(
            f"本地数据库无法打开：{path}（{error}）。可从备份文件夹 {backup_dir or path.parent} 恢复最近的备份。"
        ) from error
    if backup_dir is not None and store.integrity_ok:
        daily_backup(db, backup_dir)
    return store


def open_memory_store() -> Store:
    """A migrated in-memory store, for tests and throwaway command-line runs."""
    _import_repositories()
    db = connect(":memory:")
    migrate(db)
    return Store(Path(":memory:"), db)


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute("pragma quick_check").fetchall()
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]


def migrate(db: sqlite_utils.Database) -> None:
    for migrations in _MIGRATION_SETS.values():
        known = {m.name for m in migrations._migrations}
        unknown = [m.name for m in migrations.applied(db) if m.name not in known]
        if unknown:
            raise StoreError(
                f"本地数据库由更新版本的快答写入（{migrations.name}: {unknown[-1]}），请升级快答后再打开。"
            )
        migrations.apply(db)


def daily_backup(db: sqlite_utils.Database, backup_dir: Path, today: dt.date | None = None) -> Path | None:
    """Keep one consistent copy per day (SQLite's online backup API), the newest `BACKUPS_KEPT` of them."""
    target = backup_dir / f"kuaida-{(today or dt.date.today()).isoformat()}.sqlite3"
    if target.exists():
        return None
    partial = target.with_suffix(".partial")
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        out = sqlite3.connect(str(partial))
        try:
            db.conn.backup(out)
        finally:
            out.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:  # a full disk must not stop the app from starting
        log.warning("daily backup skipped: %s", error)
        partial.unlink(missing_ok=True)
        return None
    for old in sorted(backup_dir.glob("kuaida-*.sqlite3"))[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def _import_repositories() -> None:
    """Importing a repository module registers its migrations; list every area's module here."""
    from desktop.store import phrases  # noqa: F401
    from desktop.store import team  # noqa: F401
