"""Looks after the local store while the window runs: tells the agent when it cannot be opened (offering the
newest good backup, restored off the UI thread) and keeps taking the daily backup when the app stays open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.paths import Paths
from desktop.services.context import Services
from desktop.store.database import NewerStoreError, StoreError, daily_backup, restore_backup
from desktop.ui.runtime.tasks import BackgroundJob, ErrorCallback, Runner
from desktop.ui.widgets.plain_text import message_box

log = logging.getLogger(__name__)
T = TypeVar("T")

# daily_backup writes at most one file a day; checking hourly catches the first hour of a new day.
BACKUP_CHECK_MS = 60 * 60 * 1000


class RestartableRunner:
    """The TaskRunner handle the whole app shares. After a backup is restored the DB worker must open the
    store again: `restart()` swaps in a fresh runner, and every component keeps the handle it was given."""

    def __init__(self, make: Callable[[], Runner]) -> None:
        self._make = make
        self.current = make()

    def db(self, fn: Callable[[Services], T], on_done: Callable[[T], object] | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None) -> None:
        self.current.db(fn, on_done, on_error, owner)

    def io(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
           on_error: ErrorCallback | None = None, owner: QObject | None = None, *,
           timeout_ms: int | None = None) -> BackgroundJob:
        return self.current.io(fn, on_done, on_error, owner, timeout_ms=timeout_ms)

    def compute(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
                on_error: ErrorCallback | None = None, owner: QObject | None = None) -> BackgroundJob:
        return self.current.compute(fn, on_done, on_error, owner)

    def restart(self) -> None:
        old, self.current = self.current, self._make()
        old.shutdown()  # its DB worker holds no connection: the store never opened

    def shutdown(self) -> None:
        self.current.shutdown()


class StoreGuard(QObject):
    """`start()` checks that the DB worker opened the store; `store_failed(StoreError)` when it did not;
    `restored` once a backup is in place and the worker has reopened it (reload what the window shows)."""

    store_failed = Signal(object)
    restored = Signal()

    def __init__(self, runner: RestartableRunner, paths: Paths, window: QWidget | None = None, *,
                 backup_check_ms: int = BACKUP_CHECK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._paths = paths
        self._window = window
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(backup_check_ms)
        self._backup_timer.timeout.connect(self.backup_now)

    def start(self) -> None:
        self._runner.db(lambda _services: None, on_error=self._on_store_failed, owner=self)
        self._backup_timer.start()

    def stop(self) -> None:
        self._backup_timer.stop()

    def backup_now(self) -> None:
        """Today's backup, if there is none yet (daily_backup never raises; a failed store just skips it)."""
        folder = self._paths.backups
        self._runner.db(lambda services: daily_backup(services.store.db, folder),
                        on_error=lambda _error: None, owner=self)

    def restore(self, backup: Path) -> None:
        database = self._paths.database
        self._runner.io(lambda: restore_backup(backup, database), self._on_backup_restored,
                        self._on_restore_failed, owner=self)

    def _on_store_failed(self, error: BaseException) -> None:
        if not isinstance(error, StoreError):
            return
        self.store_failed.emit(error)
        if error.backup is not None and not isinstance(error, NewerStoreError):
            if ask_restore_backup(self._window, error):
                self.restore(error.backup)
        else:
            tell_store_problem(self._window, error)

    def _on_backup_restored(self, _kept: Path | None) -> None:
        log.info("a backup was restored over the local store")
        self._runner.restart()
        self.restored.emit()
        self._runner.db(lambda _services: None, on_error=self._on_store_failed, owner=self)

    def _on_restore_failed(self, error: BaseException) -> None:
        text = QCoreApplication.translate("StoreGuard", "恢复备份失败：%1。请退出快答后运行 kuaida store restore。")
        tell_store_problem(self._window, StoreError(text.replace("%1", str(error))))


# The questions, module functions so tests can replace them; literal translate() calls for pyside6-lupdate.
def ask_restore_backup(parent: QWidget | None, error: StoreError) -> bool:
    """True when the agent wants `error.backup` put in place of the damaged store."""
    box = message_box(
        QMessageBox.Icon.Critical, QCoreApplication.translate("StoreGuard", "本地数据库无法打开"), str(error), parent,
        QCoreApplication.translate("StoreGuard", "恢复后，备份之后的改动会丢失；损坏的文件会保留在旁边，供 IT 检查。"))
    restore = box.addButton(QCoreApplication.translate("StoreGuard", "恢复备份"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("StoreGuard", "暂不恢复"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    chosen = box.clickedButton() is restore
    box.deleteLater()
    return chosen


def tell_store_problem(parent: QWidget | None, error: StoreError) -> None:
    if isinstance(error, NewerStoreError):
        title = QCoreApplication.translate("StoreGuard", "请升级快答")
    else:
        title = QCoreApplication.translate("StoreGuard", "本地数据库无法打开")
    box = message_box(QMessageBox.Icon.Critical, title, str(error), parent,
                      QCoreApplication.translate("StoreGuard", "快答会继续运行，但暂时不能使用短语库。"))
    box.addButton(QCoreApplication.translate("StoreGuard", "知道了"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    box.deleteLater()
