"""A damaged or newer store at start: the agent is told, a backup is restored off the UI thread and the window
loads again; a newer store leaves the window running without the library. Backups continue while it runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shiboken6
import sqlite_utils
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.core.phrases import Phrase
from desktop.paths import Paths
from desktop.store.database import StoreError, backups, open_store
from desktop.store.phrases import PhraseRepository
from desktop.ui.shell import store_guard
from desktop.ui.suggestions.empty_state import EmptyKind

SAVED = Phrase("p-saved", "亲，这条是备份里的短语哦", "我的", "bf", source="personal")


def make_store_with_backup(paths: Paths) -> Path:
    store = open_store(paths.database, backup_dir=paths.backups)  # takes today's backup
    PhraseRepository(store.db).save(SAVED)
    store.close()
    (backup,) = backups(paths.backups)
    # the backup was taken before SAVED: put SAVED into it too, so the restore is visible
    backup_store = open_store(backup, check=False)
    PhraseRepository(backup_store.db).save(SAVED)
    backup_store.close()
    return backup


def start(qtbot, paths: Paths) -> Application:
    app = Application(QApplication.instance(), paths)
    with qtbot.waitSignal(app.first_paint.painted):
        app.show()
    return app


def stop(app: Application) -> None:
    app.close()
    shiboken6.delete(app)


def drop_phrase_table(database: Path) -> None:
    db = sqlite_utils.Database(database)
    db.execute("drop table phrases")
    db.close()


# A file that is not a database; a zero-byte file (a power cut); a store that lost a table: each is damage,
# never a reason to start over with an empty store and the default library.
DAMAGE = {
    "garbage": lambda database: database.write_bytes(b"not a database " * 400),
    "zero bytes": lambda database: database.write_bytes(b""),
    "a table missing": drop_phrase_table,
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_store_offers_the_backup_and_loads_again_after_restoring(qtbot, kuaida_home: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          kind: str) -> None:
    paths = Paths(kuaida_home).ensure()
    backup = make_store_with_backup(paths)
    if kind != "a table missing":
        for side in ("-wal", "-shm"):
            paths.database.with_name(paths.database.name + side).unlink(missing_ok=True)
    DAMAGE[kind](paths.database)
    asked: list[StoreError] = []
    monkeypatch.setattr(store_guard, "ask_restore_backup", lambda _parent, error: asked.append(error) or True)
    monkeypatch.setattr(store_guard, "tell_store_problem", lambda _parent, error: pytest.fail(str(error)))
    app = start(qtbot, paths)
    try:
        qtbot.waitUntil(lambda: app.running.controller.library is not None, timeout=20000)
        assert asked and asked[0].backup == backup and str(backup) in str(asked[0])
        assert SAVED.id in {p.id for p in app.running.controller.library.phrases}
        assert list(kuaida_home.rglob(f"{paths.database.name}.damaged-*"))  # the damaged file is kept
        assert "数据库" not in app.window.status_label.text()
        assert not app.running.sync.status.isHidden()
    finally:
        stop(app)


def test_a_store_from_a_newer_kuaida_says_upgrade_and_the_window_keeps_running(qtbot, kuaida_home: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    paths = Paths(kuaida_home).ensure()
    make_store_with_backup(paths)
    db = sqlite_utils.Database(paths.database)
    db["_sqlite_migrations"].insert(
        {"migration_set": "kuaida.phrases", "name": "from_the_future", "applied_at": "2030-01-01"})
    db.close()
    told: list[StoreError] = []
    monkeypatch.setattr(store_guard, "ask_restore_backup", lambda *_args: pytest.fail("no restore for a newer store"))
    monkeypatch.setattr(store_guard, "tell_store_problem", lambda _parent, error: told.append(error))
    app = start(qtbot, paths)
    try:
        qtbot.waitUntil(lambda: bool(told), timeout=20000)
        assert "升级" in str(told[0])
        panel = app.window.suggestions
        qtbot.waitUntil(lambda: panel.empty_state.kind is EmptyKind.UNAVAILABLE)
        assert "请升级快答" in app.window.status_label.text()
        assert app.running.sync.status.isHidden()  # not a misleading 离线 beside it
        QApplication.clipboard().setText("请问什么时候发货？")  # still no crash, no hang, no suggestions
        qtbot.waitUntil(lambda: app.running.controller.message != "")
        assert panel.empty_state.kind is EmptyKind.UNAVAILABLE
        assert app.running.controller.library is None
    finally:
        stop(app)


def test_the_daily_backup_is_taken_while_the_app_stays_open(qtbot, kuaida_home: Path) -> None:
    paths = Paths(kuaida_home).ensure()
    app = start(qtbot, paths)
    try:
        qtbot.waitUntil(lambda: app.running.controller.library is not None, timeout=20000)
        for old in backups(paths.backups):
            old.unlink()  # as if the day had turned since the start
        assert app.running.store_guard._backup_timer.isActive()
        app.running.store_guard._backup_timer.timeout.emit()  # the hourly check
        qtbot.waitUntil(lambda: bool(backups(paths.backups)))
        assert backups(paths.backups)[0].name.endswith(f"{dt.date.today().isoformat()}.sqlite3")
    finally:
        stop(app)
