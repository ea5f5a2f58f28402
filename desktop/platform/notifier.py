"""Desktop notifications (reminder nudges) through the tray icon's balloon/toast, and a Null fallback.

The overlay owns the tray icon; the notifier borrows it (constructor or `set_tray`). Clicking the message
emits `activated` with the key of the last notification, which is the one the balloon shows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.platform.interfaces import Notifier

log = logging.getLogger(__name__)

MESSAGE_MS = 8000


class TrayNotifier(Notifier):
    def __init__(self, tray: QSystemTrayIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None
        self._last_key: str | None = None
        self.set_tray(tray)

    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        if self._tray is not None:
            self._tray.messageClicked.disconnect(self._on_tray_message_clicked)
        self._tray = tray
        if tray is not None:
            tray.messageClicked.connect(self._on_tray_message_clicked)

    def available(self) -> bool:
        return self._tray is not None and self._tray.isVisible() and QSystemTrayIcon.supportsMessages()

    def notify(self, key: str, title: str, body: str) -> None:
        if self._tray is None or not self.available():
            log.info("notification not shown: no tray icon that shows messages")
            return
        self._last_key = key
        self._tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)

    def _on_tray_message_clicked(self) -> None:
        if self._last_key is not None:
            self.activated.emit(self._last_key)


class NullNotifier(Notifier):
    """Where the desktop shows no notifications: reminders still show in the window."""

    def notify(self, key: str, title: str, body: str) -> None:
        log.debug("notification dropped: notifications unavailable")
