"""The tray's "导出诊断信息": writes the diagnostics zip (desktop/diagnostics.py) to the desktop, off the UI thread.

The zip probes the shared folder, which can hang for seconds, so the work runs on the task runner's I/O
pool; the action is disabled until it is done, and a notification says where the zip went.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction

from desktop.diagnostics import export_diagnostics
from desktop.paths import Paths
from desktop.platform.interfaces import Notifier
from desktop.settings import Settings
from desktop.ui.runtime.tasks import Runner

log = logging.getLogger(__name__)

NOTIFY_KEY = "diagnostics"


def desktop_folder(paths: Paths) -> Path:
    """Where agents find the file to send to IT; the data folder when there is no desktop (locked-down PCs)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DesktopLocation)
    return Path(location) if location and Path(location).is_dir() else paths.home


class DiagnosticsExport(QObject):
    exported = Signal(str)  # the zip's path
    failed = Signal(str)  # a short Chinese reason

    def __init__(self, paths: Paths, settings: Settings, runner: Runner, notifier: Notifier | None = None,
                 folder: Callable[[], Path] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._settings = settings
        self._runner = runner
        self._notifier = notifier
        self._folder = folder or (lambda: desktop_folder(paths))
        self.action = QAction(self)
        self.retranslate()
        self.action.triggered.connect(self._on_action_triggered)

    def retranslate(self) -> None:
        self.action.setText(self.tr("导出诊断信息"))
        self.action.setToolTip(self.tr("把日志和配置打包成 zip（不含短语库和客户资料），发给 IT"))

    def export(self) -> None:
        if not self.action.isEnabled():
            return  # one export at a time
        self.action.setEnabled(False)
        folder = self._folder()
        self._runner.io(lambda: export_diagnostics(self._paths, self._settings, folder),
                        self._on_export_done, self._on_export_failed, owner=self)

    def _on_action_triggered(self) -> None:
        self.export()

    def _on_export_done(self, path: Path) -> None:
        self.action.setEnabled(True)
        log.info("diagnostics exported to %s", path)
        if self._notifier is not None:
            self._notifier.notify(NOTIFY_KEY, self.tr("诊断信息已导出"), str(path))
        self.exported.emit(str(path))

    def _on_export_failed(self, error: BaseException) -> None:
        self.action.setEnabled(True)
        reason = self.tr("导出诊断信息失败：%1").replace("%1", str(error))
        log.warning("diagnostics export failed: %s", error)
        if self._notifier is not None:
            self._notifier.notify(NOTIFY_KEY, self.tr("导出诊断信息失败"), str(error))
        self.failed.emit(reason)
