"""设置 → 团队: everything the tray offers for the team, reachable from the window (some desktops show no tray):
the lead's editor, confirming the team key (also a changed one: old and new fingerprint), 立即同步 with the
sync status, and the shared folder with a folder picker whose choice is checked off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.share import FolderCheck, check_share_folder
from desktop.sync.status import SyncStatus
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.team.sync_controller import SyncController, confirm_fingerprint, services_team
from desktop.ui.widgets.language import translated
from desktop.ui.widgets.plain_text import as_tooltip, collapsing_label, plain_label

FOLDER_CHECK_TIMEOUT_MS = 20_000  # as long as a pull may take: a share that hangs must not hang the dialog


class TeamPage(QWidget):
    """`editor_requested` asks the app to open the lead's editor (团队短语库…)."""

    editor_requested = Signal()

    def __init__(self, sync: SyncController, runner: Runner, settings: SettingsBridge, *,
                 current_folder: Callable[[], str], parent: QWidget | None = None) -> None:
        """`current_folder`: the folder in use, for display (the setting, or the local stand-in)."""
        super().__init__(parent)
        self._sync = sync
        self._runner = runner
        self._settings = settings
        self._current_folder = current_folder
        self._trusted = ""  # fingerprint pinned on this PC, loaded from the store
        self._waiting = ""  # fingerprint of a key waiting for confirmation
        # Replaceable in tests: the folder dialog and the confirmation question.
        self.choose_folder: Callable[[], str] = self._ask_folder
        self.confirm_key: Callable[[str, str], bool] = lambda new, old: confirm_fingerprint(self, new, old)

        self.status_label = plain_label(parent=self)
        self.status_label.setWordWrap(True)
        self.sync_button = QPushButton(self)
        self.sync_button.clicked.connect(sync.sync_now)
        self.sync_box = sync_box = QGroupBox(self)
        sync_row = QHBoxLayout(sync_box)
        sync_row.addWidget(self.status_label, 1)
        sync_row.addWidget(self.sync_button)

        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.pick_folder)
        self.folder_result = collapsing_label(self)
        self.folder_result.setWordWrap(True)
        self.folder_result.setProperty("role", "muted")
        self.folder_box = folder_box = QGroupBox(self)
        folder_layout = QVBoxLayout(folder_box)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_layout.addLayout(folder_row)
        folder_layout.addWidget(self.folder_result)
        if settings.locked("shared_folder"):
            self.choose_button.setEnabled(False)

        self.trusted_label = plain_label(parent=self)
        self.trusted_label.setWordWrap(True)
        self.waiting_label = plain_label(parent=self)
        self.waiting_label.setWordWrap(True)
        self.confirm_button = QPushButton(self)
        self.confirm_button.clicked.connect(self.confirm_waiting_key)
        self.key_box = key_box = QGroupBox(self)
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(self.trusted_label)
        key_layout.addWidget(self.waiting_label)
        key_row = QHBoxLayout()
        key_row.addWidget(self.confirm_button)
        key_row.addStretch(1)
        key_layout.addLayout(key_row)

        self.editor_button = QPushButton(self)
        self.editor_button.clicked.connect(self.editor_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(sync_box)
        layout.addWidget(folder_box)
        layout.addWidget(key_box)
        editor_row = QHBoxLayout()
        editor_row.addWidget(self.editor_button)
        editor_row.addStretch(1)
        layout.addLayout(editor_row)
        layout.addStretch(1)

        sync.status_changed.connect(self._on_sync_status_changed)
        self.folder_edit.setText(current_folder())
        self.retranslate()
        self.load_trusted_key()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("立即同步"))
        self.sync_box.setTitle(self.tr("同步"))
        self.choose_button.setText(self.tr("选择…"))
        self.choose_button.setToolTip(self.tr("此设置由管理员锁定") if self._settings.locked("shared_folder") else "")
        self.folder_box.setTitle(self.tr("共享文件夹"))
        self.confirm_button.setText(self.tr("确认团队密钥…"))
        self.key_box.setTitle(self.tr("团队密钥"))
        self.editor_button.setText(self.tr("团队短语库…"))
        self.editor_button.setToolTip(self.tr("查看团队短语库；有团队密钥的主管可以编辑、发布"))
        self.folder_result.setText("")  # a check's outcome is news of the moment, not kept across languages
        self._on_sync_status_changed(self._sync.status)

    # sync and key ------------------------------------------------------------------------------------
    def load_trusted_key(self) -> None:
        def read(context: Any) -> str:
            key = services_team(context).pinned_key()
            return key.fingerprint if key is not None else ""

        self._runner.db(read, self._on_trusted_key_loaded, owner=self)

    def _on_trusted_key_loaded(self, fingerprint: str) -> None:
        self._trusted = fingerprint
        self._show_key()

    def _on_sync_status_changed(self, status: SyncStatus) -> None:
        self.status_label.setText(status.line().full(QCoreApplication.translate))
        reason = QCoreApplication.translate("SyncStatus", status.reason) if status.reason else ""
        self.status_label.setToolTip(as_tooltip(reason))
        previous = self._waiting
        self._waiting = status.key_to_confirm
        if previous and not self._waiting:
            self.load_trusted_key()  # just confirmed: the new key is pinned now
        self._show_key()

    def _show_key(self) -> None:
        configured = bool(str(self._settings.get("team_key") or "").strip())
        trusted = self.tr("由管理员设置（团队公钥）") if configured else self._trusted or self.tr("（尚未确认）")
        self.trusted_label.setText(self.tr("本机信任的指纹：%1").replace("%1", trusted))
        if self._waiting:
            wording = (self.tr("新指纹（团队库换了密钥）：%1") if self._trusted
                       else self.tr("共享文件夹中团队库的指纹：%1"))
            self.waiting_label.setText(wording.replace("%1", self._waiting))
        else:
            self.waiting_label.setText("")
        self.waiting_label.setVisible(bool(self._waiting))
        self.confirm_button.setEnabled(bool(self._waiting) and not configured)

    def confirm_waiting_key(self) -> None:
        if self._waiting and self.confirm_key(self._waiting, self._trusted):
            self._sync.trust(self._waiting)

    # the shared folder -------------------------------------------------------------------------------
    def pick_folder(self) -> None:
        chosen = self.choose_folder()
        if not chosen:
            return
        path = Path(chosen)
        self.choose_button.setEnabled(False)
        self.folder_result.setText(self.tr("正在检查 %1 …").replace("%1", str(path)))
        self._runner.io(lambda: check_share_folder(path), lambda check: self._on_folder_checked(path, check),
                        self._on_folder_check_failed, owner=self, timeout_ms=FOLDER_CHECK_TIMEOUT_MS)

    def _on_folder_checked(self, path: Path, check: FolderCheck) -> None:
        self.choose_button.setEnabled(True)
        message = translated(check.message)
        if not check.usable:
            self.folder_result.setText(self.tr("没有改动：%1").replace("%1", message))
            return
        if not self._settings.set("shared_folder", str(path)):
            self.folder_result.setText(self.tr("此设置由管理员锁定"))
            return
        self.folder_edit.setText(str(path))
        self.folder_result.setText(message)
        self._sync.sync_now()

    def _on_folder_check_failed(self, error: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self.folder_result.setText(self.tr("没有改动：%1").replace("%1", str(error)))

    def _ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("选择团队共享文件夹"), self.folder_edit.text())
