"""The 日清 handover at the next start: this PC's unread note and, with a team folder configured, the shop's
latest handover from any PC of the team; each with the promises still open, each shown once per agent.
`HandoverNotice.share(note)` puts a note written in 日清 on the team folder (off the UI thread)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from desktop.core.handover import Handover, HandoverError
from desktop.core.reminders import zone_from
from desktop.services.handover import NoteToShow, handover_to_share, local_note, mark_shown, shared_note_if_new
from desktop.sync.handover import read_shared_handover, write_shared_handover
from desktop.ui.reminders.nudge_scheduler import utc_now
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets.language import friendly_time_label
from desktop.ui.widgets.plain_text import message_box

log = logging.getLogger(__name__)

SHARE_TIMEOUT_MS = 20_000  # as for a pull: a share that hangs is given up on, the note stays on this PC


class HandoverNotice(QObject):
    """`note_found(text, written_at)` for each note shown; `share_failed(message)` when a handover could not
    be put on the team folder (it is still shown on this PC)."""

    note_found = Signal(str, object)
    share_failed = Signal(str)

    def __init__(self, runner: Runner, settings: SettingsBridge, *, clock: Callable[[], dt.datetime] = utc_now,
                 shared_folder: Callable[[], Path | None] = lambda: None, parent: QObject | None = None) -> None:
        """`shared_folder`: the configured team folder, None without one (the local stand-in shares nothing)."""
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.clock = clock
        self.shared_folder = shared_folder
        self.show_note: Callable[[str, dt.datetime], None] = self._show_note

    # at start --------------------------------------------------------------------------------------
    def check(self) -> None:
        zone = zone_from(self.settings.get)
        self.runner.db(lambda services: local_note(services, zone), self._on_local_checked, owner=self)

    def _on_local_checked(self, note: NoteToShow | None) -> None:
        if note is not None:
            self._show(note)
        self._check_shared()

    def _check_shared(self) -> None:
        folder, shop = self.shared_folder(), str(self.settings.get("shop_name"))
        if folder is None:
            return
        self.runner.io(lambda: read_shared_handover(folder, shop), self._on_shared_read, self._on_shared_unread,
                       owner=self, timeout_ms=SHARE_TIMEOUT_MS)

    def _on_shared_read(self, handover: Handover | None) -> None:
        now = self.clock()
        self.runner.db(lambda services: shared_note_if_new(services, handover, now), self._on_shared_checked,
                       owner=self)

    def _on_shared_unread(self, error: BaseException) -> None:
        # Offline, or a damaged or forged file: nothing to show; the next 日清 on any PC replaces the file.
        kind = "damaged" if isinstance(error, HandoverError) else "unreachable"
        log.info("shared handover not read (%s): %s", kind, type(error).__name__)

    def _on_shared_checked(self, note: NoteToShow | None) -> None:
        if note is not None:
            self._show(note)

    def _show(self, note: NoteToShow) -> None:
        zone, now = zone_from(self.settings.get), self.clock()
        written_at = note.written_at.astimezone(zone)
        text = self.note_text(note, now.astimezone(zone))
        self.note_found.emit(text, written_at)
        self.show_note(text, written_at)
        self.runner.db(lambda services: mark_shown(services, zone, note, now), owner=self)

    def note_text(self, note: NoteToShow, now: dt.datetime) -> str:
        lines = [note.note]
        if note.promises:
            lines += ["", self.tr("未完成的承诺（%1）：").replace("%1", str(len(note.promises)))]
        for promise in note.promises:
            due = self.tr("（%1 到期）").replace("%1", friendly_time_label(promise.due.astimezone(now.tzinfo), now)) \
                if promise.due else ""
            lines.append(f"· {promise.buyer}：{promise.text}{due}")
        return "\n".join(lines)

    # after 日清 ------------------------------------------------------------------------------------
    def share(self, note: str) -> None:
        """Put the handover just written in 日清 on the team folder, for the next shift on any PC."""
        folder, shop = self.shared_folder(), str(self.settings.get("shop_name"))
        if folder is None or not note.strip():
            return
        zone, now = zone_from(self.settings.get), self.clock()

        def write(handover: Handover) -> None:
            self.runner.io(lambda: write_shared_handover(folder, shop, handover), on_error=self._on_share_failed,
                           owner=self, timeout_ms=SHARE_TIMEOUT_MS)

        self.runner.db(lambda services: handover_to_share(services, zone, note, now), write, self._on_share_failed,
                       owner=self)

    def _on_share_failed(self, error: BaseException) -> None:
        log.warning("handover not shared: %s", type(error).__name__)
        self.share_failed.emit(self.tr("交接没能放到共享文件夹（只在本机显示）：%1").replace("%1", str(error)))

    def _show_note(self, text: str, written_at: dt.datetime) -> None:
        box = message_box(QMessageBox.Icon.Information, self.tr("上一班的交接"),
                          self.tr("%1 写的交接：").replace("%1", f"{written_at:%m-%d %H:%M}") + "\n\n" + text)
        box.exec()
        box.deleteLater()
