"""The clipboard watcher on every OS: QClipboard.dataChanged, filtered down to text that could be a buyer message.

On Windows a slow check of the clipboard sequence number backs the event up (as CopyQ does: the change
notification is occasionally lost). The text itself is never logged.

Changes are coalesced: the first change of a burst is read at once, and whatever follows within
COALESCE_MS is read once, at the end, and only the latest content (1,000 changes in a row used to be
1,000 reads and 1,000 suggestion lists: a 9 s freeze that ended on an old message). Still event-driven:
the window timer only runs after a change. Qt's read blocks the GUI thread until the clipboard's owner
answers (on X11 up to Qt's fixed 5 s), so where an `OwnerProbe` is given (X11) a worker thread first asks
the owner, with a short timeout, whether it answers at all; an owner that does not is skipped, not waited
for.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import shiboken6
from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer, Signal
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
# Changes closer together than this are one burst: read once, at its end. Far below how fast anyone copies.
COALESCE_MS = 50


class OwnerProbe(Protocol):
    """Asks the clipboard's owner, off the GUI thread and with a short timeout, whether it answers;
    `done(answered)` is called from the probing thread."""

    def start(self, done: Callable[[bool], None]) -> None: ...


@dataclass(frozen=True)
class ClipboardSnapshot:
    """What was on the clipboard before a paste: text formats only."""

    formats: dict[str, bytes] = field(default_factory=dict)


class QtClipboardWatcher(ClipboardWatcher):
    _owner_probed = Signal(int, bool)  # (change number probed, answered), from the probing thread

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
        owner_probe: OwnerProbe | None = None,
        coalesce_ms: int = COALESCE_MS,
        parent: QObject | None = None,
    ) -> None:
        """`windows`: mark our writes with Windows' exclusion formats and retry reads the clipboard refused.
        `sequence_number`: the OS clipboard change counter (Windows: `windows_clipboard_sequence()`); when
        given, a slow timer compares it to catch changes whose event was lost. `owner_probe`: see the
        module docstring (X11)."""
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
        self._owner_probe = owner_probe
        self._probing = False
        self._changes = 0  # counts changes, so a probe's answer about an older one is recognised
        self._pending = False  # a change arrived while a read was held back: read the latest later
        self._coalesce_timer = QTimer(self)
        self._coalesce_timer.setSingleShot(True)
        self._coalesce_timer.setInterval(coalesce_ms)
        self._coalesce_timer.timeout.connect(self._on_coalesce_timer_timeout)
        self._owner_probed.connect(self._on_owner_probed)
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

    @property
    def busy(self) -> bool:
        """A burst (or an owner probe) is still open: a change now is read when it is over."""
        return self._coalesce_timer.isActive() or self._probing

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
        self._changes += 1
        if self._coalesce_timer.isActive() or self._probing:
            self._pending = True  # read once the burst (or the probe) is over, and only the latest
            return
        self._begin_read()

    def _on_coalesce_timer_timeout(self) -> None:
        if self._pending and not self._probing:
            self._begin_read()

    def _begin_read(self) -> None:
        self._pending = False
        self._coalesce_timer.start()
        self._retries_left = CONTENTION_RETRIES if self._windows else 0
        if self._owner_probe is None:
            self._read()
            return
        self._probing = True
        change = self._changes

        def done(answered: bool) -> None:  # on the probing thread
            if shiboken6.isValid(self):
                with contextlib.suppress(RuntimeError):  # the watcher went away meanwhile
                    self._owner_probed.emit(change, answered)

        self._owner_probe.start(done)

    def _on_owner_probed(self, change: int, answered: bool) -> None:
        self._probing = False
        if self._paused:
            return
        if change != self._changes or self._pending:
            self._begin_read()  # the clipboard changed while we asked: its latest content is what counts
        elif answered:
            self._read()
        else:
            log.warning("the clipboard's owner did not answer; this copy is skipped rather than waited for")

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
