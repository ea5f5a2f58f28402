"""Opening the store: WAL, migrations (forward, and refusing a newer store), integrity, daily backups, restore."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from desktop.core.phrases import Phrase
from desktop.store import database
from desktop.store.database import (
    NewerStoreError,
    StoreError,
    backups,
    daily_backup,
    newest_backup,
    open_memory_store,
    open_store,
    restore_backup,
    write_transaction,
)
from desktop.store.phrases import PhraseRepository


def make_store(folder: Path, texts: tuple[str, ...] = ("亲，在的呢",)) -> Path:
    store = open_store(folder / "kuaida.sqlite3", backup_dir=folder / "backups")
    PhraseRepository(store.db).save_all(Phrase(id=f"p-{i}", text=t) for i, t in enumerate(texts))
    store.close()
    return folder / "kuaida.sqlite3"


def memory_store_with_a_phrase() -> database.Store:
    store = open_memory_store()
    PhraseRepository(store.db).save(Phrase(id="p-1", text="亲，在的呢"))
    return store


def test_a_new_store_uses_wal_and_full_sync(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kuaida.sqlite3")
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("pragma synchronous").fetchone()[0] == 2  # FULL
    assert store.integrity_ok
    store.close()


def test_migrations_are_applied_once_and_recorded(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    store = open_store(path)
    names = [r["name"] for r in store.db["_sqlite_migrations"].rows_where("migration_set = ?", ["kuaida.phrases"])]
    assert names == ["create_phrase_tables", "salt_learned_picks"]
    assert PhraseRepository(store.db).count() == 1
    store.close()


def test_a_later_migration_upgrades_an_existing_store_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_store(tmp_path)
    area = Migrations("kuaida.test_area")

    @area()
    def create_notes(db: sqlite_utils.Database) -> None:
        db["notes"].create({"id": int, "text": str}, pk="id")

    monkeypatch.setattr(database, "MIGRATION_SETS", (*database.MIGRATION_SETS, area))
    open_store(path).close()

    @area()
    def add_note_colour(db: sqlite_utils.Database) -> None:
        db["notes"].add_column("colour", str)

    store = open_store(path)
    assert "colour" in store.db["notes"].columns_dict
    assert PhraseRepository(store.db).count() == 1
    store.close()


def test_a_store_from_a_newer_kuaida_is_refused(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    db = sqlite_utils.Database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "kuaida.phrases", "name": "from_the_future", "applied_at": "2030-01-01"}
    )
    db.close()
    with pytest.raises(NewerStoreError, match="更新版本") as raised:
        open_store(path, backup_dir=tmp_path / "backups")
    assert raised.value.backup is None  # restoring an old backup would lose the newer version's data


def test_a_file_that_is_not_a_database_names_the_backup_to_restore(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    good = backups(tmp_path / "backups")[0]
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    path.write_bytes(b"this is not sqlite" * 300)
    with pytest.raises(StoreError, match="已损坏") as raised:
        open_store(path, backup_dir=tmp_path / "backups")
    assert raised.value.backup == good
    assert str(good) in str(raised.value)


def damage(path: Path) -> None:
    """Overwrite the middle of the file (past the header page), as a bad sector or a torn copy would."""
    db = sqlite3.connect(path)
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page
    data[page : len(data)] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))


def test_a_damaged_store_is_refused_and_left_in_place(tmp_path: Path) -> None:
    path = make_store(tmp_path, tuple(f"短语{i}" * 40 for i in range(60)))
    damage(path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="已损坏") as raised:
        open_store(path, backup_dir=tmp_path / "backups")
    assert raised.value.backup is not None and raised.value.backup.parent == tmp_path / "backups"
    assert path.read_bytes() == before  # nothing migrated or backed up on top of the damage


def test_a_zero_byte_store_is_damage_and_stays_as_it_was(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    good = backups(tmp_path / "backups")[0]
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    path.write_bytes(b"")  # what a power cut in the middle of a write can leave
    with pytest.raises(StoreError, match="文件是空的") as raised:
        open_store(path, backup_dir=tmp_path / "backups")
    assert raised.value.backup == good
    assert path.read_bytes() == b""  # not turned into a new store with the default library in it
    assert not path.with_name(path.name + "-wal").exists()


def _table_names(path: Path) -> list[str]:
    db = sqlite_utils.Database(path)
    try:
        return db.table_names()
    finally:
        db.close()  # Python 3.13 warns about a connection left to the garbage collector; the suite fails on it


def test_a_database_without_kuaida_tables_is_damage(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    path.unlink()
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    blank = sqlite3.connect(path)
    blank.execute("pragma user_version = 3")  # a valid SQLite file with no tables at all
    blank.close()
    with pytest.raises(StoreError, match="没有快答的数据") as raised:
        open_store(path, backup_dir=tmp_path / "backups")
    assert raised.value.backup is not None
    assert _table_names(path) == []


def test_a_store_that_lost_a_table_is_damage(tmp_path: Path) -> None:
    path = make_store(tmp_path)
    db = sqlite_utils.Database(path)
    db.execute("drop table phrases")
    db.close()
    with pytest.raises(StoreError, match="缺少数据表：phrases"):
        open_store(path, backup_dir=tmp_path / "backups")
    assert "phrases" not in _table_names(path)  # not recreated empty


def test_an_empty_store_is_never_backed_up_over_good_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    start = dt.date(2024, 4, 25)
    good = memory_store_with_a_phrase()
    for day in range(7):
        daily_backup(good.db, folder, today=start + dt.timedelta(days=day))
    good.close()
    before = backups(folder)
    empty = open_memory_store()
    for day in range(7, 20):  # two weeks of an empty store
        assert daily_backup(empty.db, folder, today=start + dt.timedelta(days=day)) is None
    assert backups(folder) == before
    empty.close()


def test_a_week_of_a_store_that_lost_its_data_keeps_the_last_full_backup(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    start = dt.date(2024, 4, 25)
    full = memory_store_with_a_phrase()
    PhraseRepository(full.db).save_all(Phrase(id=f"p-more-{i}", text=f"短语{i}") for i in range(20))
    for day in range(3):
        daily_backup(full.db, folder, today=start + dt.timedelta(days=day))
    full.close()
    last_full = backups(folder)[0]
    shrunk = memory_store_with_a_phrase()  # not empty, so backed up: only the rotation can protect the old data
    for day in range(3, 20):
        assert daily_backup(shrunk.db, folder, today=start + dt.timedelta(days=day)) is not None
    shrunk.close()
    kept = backups(folder)
    assert len(kept) == 8 and kept[-1] == last_full  # the newest seven, plus the last one that had the data
    backup_db = sqlite_utils.Database(last_full)
    assert PhraseRepository(backup_db).count() == 21
    backup_db.close()


def test_the_first_backup_of_a_new_store_is_still_taken(tmp_path: Path) -> None:
    open_store(tmp_path / "kuaida.sqlite3", backup_dir=tmp_path / "backups").close()
    assert len(backups(tmp_path / "backups")) == 1


def test_newest_backup_skips_an_empty_one(tmp_path: Path) -> None:
    store = memory_store_with_a_phrase()
    folder = tmp_path / "backups"
    older = daily_backup(store.db, folder, today=dt.date(2024, 5, 1))
    store.close()
    (folder / "kuaida-2024-05-02.sqlite3").write_bytes(b"")
    blank = sqlite3.connect(folder / "kuaida-2024-05-03.sqlite3")
    blank.execute("pragma user_version = 1")
    blank.close()
    assert newest_backup(folder) == older


def test_a_store_that_fails_to_open_leaves_no_connection_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows refuses to rename a file that is still open: a connection left for the garbage collector made
    # `kuaida store restore` fail with WinError 32 right after the "database damaged" message named it.
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def recording_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(connection)
        return connection

    path = make_store(tmp_path, tuple(f"短语{i}" * 40 for i in range(60)))
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    path.write_bytes(b"this is not sqlite" * 300)  # fails the first pragma, inside connect()
    monkeypatch.setattr(database.sqlite3, "connect", recording_connect)
    with pytest.raises(StoreError):
        open_store(path, backup_dir=tmp_path / "backups")
    assert opened
    for connection in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("select 1")
    path.replace(tmp_path / "moved.sqlite3")  # what restore does first: Windows allows it once all are closed


def test_without_backups_the_message_says_so(tmp_path: Path) -> None:
    path = make_store(tmp_path, tuple(f"短语{i}" * 40 for i in range(60)))
    damage(path)
    with pytest.raises(StoreError, match="没有可用的备份"):
        open_store(path, backup_dir=tmp_path / "no-backups")


def test_restoring_the_named_backup_brings_the_store_back(tmp_path: Path) -> None:
    path = make_store(tmp_path, tuple(f"短语{i}" * 40 for i in range(60)))
    store = open_store(path)
    tomorrow = daily_backup(store.db, tmp_path / "backups", today=dt.date.today() + dt.timedelta(days=1))
    store.close()
    damage(path)
    with pytest.raises(StoreError) as raised:
        open_store(path, backup_dir=tmp_path / "backups")
    assert raised.value.backup == tomorrow
    kept = restore_backup(raised.value.backup, path, now=dt.datetime(2024, 5, 1, 9, 0))
    assert kept == tmp_path / "kuaida.sqlite3.damaged-20240501-090000" and kept.exists()
    store = open_store(path, backup_dir=tmp_path / "backups")
    assert PhraseRepository(store.db).count() == 60
    store.close()


def test_daily_backups_keep_the_newest_seven(tmp_path: Path) -> None:
    store = memory_store_with_a_phrase()
    folder = tmp_path / "backups"
    start = dt.date(2024, 4, 25)
    for day in range(10):
        assert daily_backup(store.db, folder, today=start + dt.timedelta(days=day)) is not None
    assert daily_backup(store.db, folder, today=start + dt.timedelta(days=9)) is None  # once a day
    assert [p.name for p in backups(folder)] == [
        f"kuaida-{(start + dt.timedelta(days=d)).isoformat()}.sqlite3" for d in range(9, 2, -1)
    ]
    store.close()


def test_a_backup_that_cannot_be_written_is_skipped_and_the_store_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def disk_full(source: sqlite3.Connection, target: Path) -> None:
        target.write_bytes(b"half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(database, "copy_database", disk_full)
    with caplog.at_level(logging.WARNING, logger="desktop.store.database"):
        store = open_store(tmp_path / "kuaida.sqlite3", backup_dir=tmp_path / "backups")
    assert store.integrity_ok
    assert list((tmp_path / "backups").iterdir()) == []  # no half-written backup left behind
    assert "daily backup skipped" in caplog.text
    store.close()


def test_a_read_only_backup_location_does_not_stop_start_up(tmp_path: Path) -> None:
    blocked = tmp_path / "backups"
    blocked.write_text("a file where the folder should be", encoding="utf-8")  # chmod does not stop root
    store = open_store(tmp_path / "kuaida.sqlite3", backup_dir=blocked)
    assert store.integrity_ok
    store.close()


def test_newest_backup_skips_a_damaged_one(tmp_path: Path) -> None:
    store = memory_store_with_a_phrase()
    folder = tmp_path / "backups"
    older = daily_backup(store.db, folder, today=dt.date(2024, 5, 1))
    newer = daily_backup(store.db, folder, today=dt.date(2024, 5, 2))
    assert older is not None and newer is not None
    newer.write_bytes(b"garbage" * 100)
    assert newest_backup(folder) == older
    store.close()


def test_write_transaction_is_all_or_nothing_and_nests(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kuaida.sqlite3")
    repo = PhraseRepository(store.db)
    with pytest.raises(RuntimeError), write_transaction(store.db):
        repo.save(Phrase(id="p-1", text="一"))
        raise RuntimeError("boom")
    assert repo.count() == 0
    with write_transaction(store.db):
        repo.save(Phrase(id="p-2", text="二"))
        with pytest.raises(RuntimeError), write_transaction(store.db):
            repo.save(Phrase(id="p-3", text="三"))
            raise RuntimeError("inner")
    assert [p.id for p in repo.all()] == ["p-2"]
    store.close()


def test_a_data_folder_that_cannot_be_created_is_not_called_damage(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    with pytest.raises(StoreError, match="无法打开或写入") as raised:
        open_store(blocked / "kuaida.sqlite3", backup_dir=blocked / "backups")
    assert "KUAIDA_HOME" in str(raised.value) and raised.value.backup is None


def test_a_database_path_that_is_a_folder_is_not_called_damage(tmp_path: Path) -> None:
    (tmp_path / "kuaida.sqlite3").mkdir()
    with pytest.raises(StoreError, match="无法打开或写入"):
        open_store(tmp_path / "kuaida.sqlite3")


@pytest.mark.parametrize(
    ("errorname", "message"),
    [("SQLITE_FULL", "磁盘空间不足"), ("SQLITE_BUSY", "占用"), ("SQLITE_IOERR_READ", "读取"),
     ("SQLITE_READONLY", "无法打开或写入"), ("SQLITE_CORRUPT", "已损坏")],
)
def test_each_kind_of_open_failure_gets_its_own_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errorname: str, message: str
) -> None:
    error = sqlite3.OperationalError("simulated")
    error.sqlite_errorname = errorname

    def failing_check(db: sqlite_utils.Database) -> list[str]:
        raise error

    monkeypatch.setattr(database, "integrity_problems", failing_check)
    with pytest.raises(StoreError, match=message):
        open_store(tmp_path / "kuaida.sqlite3")
