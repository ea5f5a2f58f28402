"""The clipboard watcher on every OS: QClipboard.dataChanged, filtered down to text that could be a buyer message.

On Windows a slow check of the clipboard sequence number backs the event up (as CopyQ does: the change
notification is occasionally lost). The text itself is never logged.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard

from desktop.platform.clipboard_marks import is_marked_secret, is_own, own_write_marks
from desktop.platform.interfaces import ClipboardWatcher

log = logging.getLogger(__name__)

# One copy in some apps is several clipboard updates (one per format). The same text again within this
# window is the same copy; later it is the agent copying the message again, which is a new event.
BURST_SECONDS = 0.3
# Windows: another app may hold the clipboard open; Qt then sees no formats. Retry a few times, off-beat.
CONTENTION_RETRIES = 3
CONTENTION_RETRY_MS = 60
# Windows: how often the backup compares the clipboard sequence number. One cheap call; no measurable CPU.
SEQUENCE_CHECK_MS = 1500
# Formats worth putting back after a paste; images and files are not restored (reading them is slow).
RESTORED_PREFIX = "text/"


@dataclass(frozen=True)
class ClipboardSnapshot:
    """What was on the clipboard before a paste: text formats only."""

    formats: dict[str, bytes] = field(default_factory=dict)


class QtClipboardWatcher(ClipboardWatcher):
    def __init__(
        self,
        clipboard: QClipboard,
        *,
        max_chars: int = 2000,
        paused: bool = False,
        windows: bool = sys.platform == "win32",
        sequence_number: Callable[[], int] | None = None,
        sequence_check_ms: int = SEQUENCE_CHECK_MS,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        """`windows`: mark our writes with Windows' exclusion formats and retry reads the clipboard refused.
        `sequence_number`: the OS clipboard change counter (Windows: `windows_clipboard_sequence()`); when
        given, a slow timer compares it to catch changes whose event was lost."""
        super().__init__(parent)
        self._clipboard = clipboard
        self._max_chars = max_chars
        self._paused = paused
        self._windows = windows
        self._clock = clock
        # A hash, not the text: enough to spot a burst, and no buyer message kept around.
        self._last_hash: int | None = None
        self._last_at = float("-inf")
        self._retries_left = 0
        self._sequence_number = sequence_number
        self._sequence_seen = sequence_number() if sequence_number is not None else 0
        clipboard.dataChanged.connect(self._on_clipboard_data_changed)
        if sequence_number is not None:
            self._sequence_timer = QTimer(self)
            self._sequence_timer.setInterval(sequence_check_ms)
            self._sequence_timer.timeout.connect(self._on_sequence_timer_timeout)
            self._sequence_timer.start()

    # -- ClipboardWatcher ------------------------------------------------------------------------------------

    def set_paused(self, paused: bool) -> None:
        if paused == self._paused:
            return
        self._paused = paused
        self.paused_changed.emit(paused)

    def is_paused(self) -> bool:
        return self._paused

    def set_max_chars(self, max_chars: int) -> None:
        self._max_chars = max_chars

    def write(self, text: str) -> None:
        self._set_mime({"text/plain": text.encode("utf-8")}, text=text)

    def snapshot(self) -> ClipboardSnapshot:
        mime = self._clipboard.mimeData(QClipboard.Mode.Clipboard)
        if mime is None:
            return ClipboardSnapshot()
        if is_marked_secret(mime.formats(), lambda name: bytes(mime.data(name).data())):
            # A password manager's secret: never read it, and never put it back without its mark (it would
            # outlive the manager's auto-clear). After the paste the reply simply stays on the clipboard.
            return ClipboardSnapshot()
        return ClipboardSnapshot({
            name: bytes(mime.data(name).data()) for name in mime.formats() if name.startswith(RESTORED_PREFIX)
        })

    def restore(self, snapshot: object) -> None:
        if not isinstance(snapshot, ClipboardSnapshot) or not snapshot.formats:
            return  # nothing textual was there before; leave the reply rather than empty the clipboard
        self._set_mime(snapshot.formats)

    # -- reading ---------------------------------------------------------------------------------------------

    def _on_clipboard_data_changed(self) -> None:
        if self._sequence_number is not None:
            self._sequence_seen = self._sequence_number()
        if self._paused:
            return
        self._retries_left = CONTENTION_RETRIES if self._windows else 0
        self._read()

    def _on_sequence_timer_timeout(self) -> None:
        if self._sequence_number is not None and self._sequence_number() != self._sequence_seen:
            log.info("clipboard change noticed by the sequence-number check, not by the event")
            self._on_clipboard_data_changed()

    def _read(self) -> None:
        if self._paused:  # paused while a retry was pending
            return
        mime = self._clipboard.mimeData(QClipboard.Mode.Clipboard)
        formats = mime.formats() if mime is not None else []
        if mime is None or not formats:
            if self._retries_left > 0:  # held open by another app, probably; try again shortly
                self._retries_left -= 1
                QTimer.singleShot(CONTENTION_RETRY_MS, self, self._read)
            return
        if is_own(formats) or is_marked_secret(formats, lambda name: bytes(mime.data(name).data())):
            return
        if not mime.hasText():
            return
        text = mime.text()
        if not text.strip() or len(text) > self._max_chars:
            return
        now, text_hash = self._clock(), hash(text)
        if text_hash == self._last_hash and now - self._last_at < BURST_SECONDS:
            return
        self._last_hash, self._last_at = text_hash, now
        self.message_copied.emit(text)

    # -- writing ---------------------------------------------------------------------------------------------

    def _set_mime(self, formats: dict[str, bytes], text: str | None = None) -> None:
        mime = QMimeData()
        if text is not None:
            mime.setText(text)
        for name, data in {**formats, **own_write_marks(self._windows)}.items():
            if name == "text/plain" and text is not None:
                continue  # setText already did it, with the platform's text conversions
            mime.setData(name, QByteArray(data))
        self._clipboard.setMimeData(mime, QClipboard.Mode.Clipboard)


def windows_clipboard_sequence() -> Callable[[], int]:
    """GetClipboardSequenceNumber: a counter Windows bumps on every clipboard change; one cheap call."""
    import ctypes

    get = ctypes.windll.user32.GetClipboardSequenceNumber  # type: ignore[attr-defined]
    get.restype = ctypes.c_uint32
    return lambda: int(get())
