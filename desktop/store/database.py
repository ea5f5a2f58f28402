"""Opening the local SQLite store: WAL journal, schema migrations, integrity check, daily backups.

Every area's tables are declared as a `sqlite_utils.Migrations` set in `schema.py` (named `kuaida.<area>`,
all listed in `schema.MIGRATION_SETS`; the repositories import this module, never the other way round).
sqlite-utils runs each migration in
one transaction with its record, so a crash leaves the old schema or the new one, never half of one.
All writes elsewhere go through `db.atomic()` (or `write_transaction` when they read first), so a killed
writer loses at most the write in flight. A damaged store or one written by a newer Kuaida is never opened:
`StoreError` says what happened and which backup to restore (`restore_backup` does it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from desktop.store.schema import MIGRATION_SETS

log = logging.getLogger(__name__)

BACKUPS_KEPT = 7
BACKUP_PREFIX = "kuaida-"
BACKUP_SUFFIX = ".sqlite3"


class StoreError(RuntimeError):
    """The local store cannot be opened or is damaged; the message says what to do.

    `backup` is the newest backup worth restoring (None when there is none or restoring would not help,
    as with a store from a newer Kuaida).
    """

    def __init__(self, message: str, *, path: Path | None = None, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


class NewerStoreError(StoreError):
    """The store was written by a newer Kuaida: upgrade; restoring an older backup would lose its data."""


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
    connection = sqlite3.connect(str(path), timeout=10)
    try:
        db = sqlite_utils.Database(connection)
        if str(path) != ":memory:":
            mode = db.execute("pragma journal_mode = wal").fetchone()[0]
            if mode != "wal":  # e.g. a data folder on a network drive: still safe, only slower with readers
                log.warning("store journal mode is %s, not wal", mode)
        # FULL, not NORMAL: in WAL mode NORMAL survives a killed process but a power cut may drop the last
        # commits (an import the agent saw succeed). One fsync per commit costs nothing at human write rates.
        db.execute("pragma synchronous = full")
        db.execute("pragma foreign_keys = on")
    except BaseException:
        # A damaged file fails the first pragma. Closed now, not by the garbage collector some time later:
        # Windows refuses to rename a file that is still open, so `kuaida store restore` would fail.
        connection.close()
        raise
    return db


def open_store(path: Path, *, backup_dir: Path | None = None, check: bool = True) -> Store:
    """Open (creating if needed) and migrate the store at `path`; back it up once a day into `backup_dir`.

    Raises `StoreError` when the file is not a database, fails its integrity check, or was written by a
    newer Kuaida; the store is then left untouched so a backup can be restored over it.
    """
    db: sqlite_utils.Database | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.is_file()
        if existed and check and path.stat().st_size == 0:
            # What a power cut during a write can leave. Opening it would create a new, empty store (and the
            # default library over it): the agent's phrases, orders and customers are in the backups only.
            log.error("store %s is an empty file", path)
            raise _damaged(path, backup_dir, "文件是空的，可能是断电或强制关机造成的")
        db = connect(path)
        store = Store(path, db)
        if check:
            store.problems = integrity_problems(db)
            if store.problems:
                log.error("store %s failed its integrity check (%d problems)", path, len(store.problems))
                raise _damaged(path, backup_dir, store.problems[0])
            if existed and (missing := missing_tables(db)):
                log.error("store %s lacks %d of its tables", path, len(missing))
                detail = "缺少数据表：" + "、".join(missing)
                if Migrations.migrations_table in missing:
                    detail = "文件里没有快答的数据（空的数据库，或别的程序的文件）"
                raise _damaged(path, backup_dir, detail)
        migrate(db)
    except (sqlite3.DatabaseError, OSError) as error:
        if db is not None:
            db.close()
        raise _open_error(error, path, backup_dir) from error
    except StoreError:
        if db is not None:
            db.close()
        raise
    if backup_dir is not None:
        daily_backup(db, backup_dir)
    return store


def _open_error(error: sqlite3.DatabaseError | OSError, path: Path, backup_dir: Path | None) -> StoreError:
    """Tell damage (restore a backup) apart from a folder we cannot write, a full disk or a busy file."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if isinstance(error, OSError) or name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")):
        return StoreError(
            f"无法打开或写入本地数据库：{path}（{error}）。请检查该文件夹的权限和磁盘空间；"
            "IT 可以用 --data-dir 或环境变量 KUAIDA_HOME 指定其他位置。",
            path=path,
        )
    if name.startswith("SQLITE_FULL"):
        return StoreError(f"磁盘空间不足，无法打开本地数据库：{path}。请清理磁盘后重新打开快答。", path=path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreError(f"本地数据库正被另一个程序占用：{path}。请关闭其他快答窗口或命令后重试。", path=path)
    if name.startswith("SQLITE_IOERR"):
        return StoreError(f"读取本地数据库时出错：{path}（{error}）。请检查磁盘后重试。", path=path)
    return _damaged(path, backup_dir, str(error))


def _damaged(path: Path, backup_dir: Path | None, detail: str) -> StoreError:
    backup = newest_backup(backup_dir) if backup_dir is not None else None
    if backup is None:
        advice = "没有可用的备份。请联系 IT，或把这个文件移走后重新打开快答（将从空白数据开始）。"
    else:
        advice = f"请关闭快答后恢复最近的备份 {backup}（运行 `kuaida store restore` 即可，损坏的文件会被保留）。"
    return StoreError(f"本地数据库已损坏，无法打开：{path}（{detail}）。{advice}", path=path, backup=backup)


def open_memory_store() -> Store:
    """A migrated in-memory store, for tests and throwaway command-line runs."""
    db = connect(":memory:")
    migrate(db)
    return Store(Path(":memory:"), db)


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute("pragma quick_check").fetchall()
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]


def missing_tables(db: sqlite_utils.Database) -> list[str]:
    """Tables an existing store should hold but does not: all of them when it has no Kuaida schema at all
    (an empty or foreign file), else those created by the migrations it records as applied."""
    present = set(db.table_names())
    expected = _tables_by_migration()
    if Migrations.migrations_table not in present:
        return sorted({Migrations.migrations_table}.union(*expected.values()) - present)
    applied = db.execute(f"select migration_set, name from [{Migrations.migrations_table}]").fetchall()
    wanted: set[str] = set()
    for key in applied:
        wanted |= expected.get(tuple(key), frozenset())
    return sorted(wanted - present)


def _tables_by_migration() -> dict[tuple[str, str], frozenset[str]]:
    """For each (migration set, migration) the tables it creates that a current store still has."""
    key = tuple((s.name, tuple(m.name for m in s._migrations)) for s in MIGRATION_SETS)
    cached = _TABLES_BY_MIGRATION.get(key)
    if cached is None:
        cached = _TABLES_BY_MIGRATION[key] = _replay_migrations()
    return cached


_TABLES_BY_MIGRATION: dict[tuple[object, ...], dict[tuple[str, str], frozenset[str]]] = {}


def _replay_migrations() -> dict[tuple[str, str], frozenset[str]]:
    db = sqlite_utils.Database(memory=True)
    try:
        created: dict[tuple[str, str], set[str]] = {}
        before = set(db.table_names())
        for migrations in MIGRATION_SETS:
            for migration in migrations._migrations:
                migration.fn(db)
                after = set(db.table_names())
                created[(migrations.name, migration.name)] = after - before
                before = after
        return {key: frozenset(tables & before) for key, tables in created.items()}
    finally:
        db.close()


# Tables a new store fills by itself (the migration record; phrase_state's learning secret): rows there are
# not the agent's data.
BOOKKEEPING_TABLES = frozenset({Migrations.migrations_table, "phrase_state"})


def has_content(db: sqlite_utils.Database) -> bool:
    """Whether any table holds a row of the agent's data (a new or wiped store holds none)."""
    for table in db.table_names():
        if table not in BOOKKEEPING_TABLES and db.execute(f"select 1 from [{table}] limit 1").fetchone():
            return True
    return False


def migrate(db: sqlite_utils.Database) -> None:
    """Apply every area's pending migrations; refuse a store that already has migrations we do not know."""
    for migrations in MIGRATION_SETS:
        known = {m.name for m in migrations._migrations}
        unknown = [m.name for m in migrations.applied(db) if m.name not in known]
        if unknown:
            raise NewerStoreError(
                f"本地数据库由更新版本的快答写入（{migrations.name}: {unknown[-1]}），请升级快答后再打开。"
                "不要用旧版本覆盖或恢复它。"
            )
        migrations.apply(db)


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A transaction that reads and then writes (an import plans against what is there, then writes).

    BEGIN IMMEDIATE takes the write lock up front, so another process (the CLI beside the app) cannot
    change what was read before the writes land; nested inside another transaction it is a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def is_disk_full(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and "disk is full" in str(error)


# Backups ------------------------------------------------------------------------------------------
def daily_backup(db: sqlite_utils.Database, backup_dir: Path, today: dt.date | None = None) -> Path | None:
    """Keep one consistent copy per day (SQLite's online backup API), the newest `BACKUPS_KEPT` of them.

    Never raises: a read-only or full disk skips the backup (logged) so the app still starts. A store without
    a single row is not backed up once backups exist: a week of such copies would push out the good ones.
    """
    target = backup_dir / f"{BACKUP_PREFIX}{(today or dt.date.today()).isoformat()}{BACKUP_SUFFIX}"
    partial = target.with_suffix(".partial")
    try:
        if target.exists():
            return None
        if backups(backup_dir) and not has_content(db):
            log.warning("daily backup skipped: the store is empty and older backups are kept")
            return None
        backup_dir.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)  # left by a crash during an earlier backup
        copy_database(db.conn, partial)
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        log.warning("daily backup skipped: %s", error)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return None
    _prune_backups(backup_dir)
    return target


def _prune_backups(backup_dir: Path) -> None:
    """Keep the newest `BACKUPS_KEPT` backups, and beyond them the fullest older one while every kept backup
    holds fewer rows: a week of a store that lost its data (a wiped or replaced file) must not rotate out the
    last copy that still had it."""
    found = backups(backup_dir)
    kept, older = found[:BACKUPS_KEPT], found[BACKUPS_KEPT:]
    if not older:
        return
    fullest = max(older, key=_row_count)
    if _row_count(fullest) > max((_row_count(backup) for backup in kept), default=0):
        older.remove(fullest)
    for old in older:
        with contextlib.suppress(OSError):
            old.unlink()


def _row_count(backup: Path) -> int:
    """Rows in every table of a backup (0 when it cannot be read): how much agent data it holds."""
    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        db = sqlite_utils.Database(conn)
        return sum(db.execute(f"select count(*) from [{table}]").fetchone()[0] for table in db.table_names())
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    out = sqlite3.connect(str(target))
    try:
        source.backup(out)
    finally:
        out.close()


def backups(backup_dir: Path) -> list[Path]:
    """Daily backups, newest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"), reverse=True)


def newest_backup(backup_dir: Path) -> Path | None:
    """The newest backup that passes its own integrity check and holds a Kuaida store (not an empty file)."""
    for candidate in backups(backup_dir):
        try:
            if candidate.stat().st_size == 0:
                continue
            conn = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
            try:
                if conn.execute("pragma quick_check").fetchall() == [("ok",)] and not missing_tables(
                        sqlite_utils.Database(conn)):
                    return candidate
            finally:
                conn.close()
        except (sqlite3.Error, OSError):
            continue
    return None


def restore_backup(backup: Path, path: Path, now: dt.datetime | None = None) -> Path | None:
    """Put `backup` in place of the store at `path` (closed by the caller). The replaced file is kept beside
    it as `<name>.damaged-<time>`, which is returned (None when there was no store)."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = None
    if path.exists():
        kept = path.with_name(f"{path.name}.damaged-{stamp}")
        path.replace(kept)
    for suffix in ("-wal", "-shm"):  # they belong to the replaced file; SQLite would apply them to the backup
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(path.with_name(f"{path.name}.damaged-{stamp}{suffix}"))
    partial = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, partial)
    partial.replace(path)
    return kept
