"""Pasting a reply: put it on the clipboard (marked as ours), wait until the hotkey's modifiers are up, send Ctrl+V.

The keystrokes come from a small per-OS `KeyboardBackend` (paste_windows.py, paste_x11.py); where there is
none, or the agent chose "copy only", the reply just goes on the clipboard and the outcome is COPIED.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from desktop.platform.interfaces import ClipboardWatcher, PasteOutcome, Paster, PasteRequest

log = logging.getLogger(__name__)

# A chat client that receives Alt+Ctrl+V (the agent still holding Alt from Alt+1) does something else
# entirely, so Ctrl+V waits for the modifiers to be released: polled, because no OS tells us, with a cap.
MODIFIER_POLL_MS = 15
MODIFIER_WAIT_CAP_MS = 1500
# The target app reads the clipboard when it handles Ctrl+V, a little after we send it (on X11 it asks the
# clipboard owner, i.e. us, asynchronously). Restoring the previous content earlier would paste that instead.
RESTORE_DELAY_MS = 800


class KeyboardBackend(Protocol):
    def modifiers_held(self) -> bool:
        """Whether Ctrl, Alt, Shift or Win/Super is down right now (anywhere on the desktop)."""
        ...

    def mask_menu_key(self) -> None:
        """Called once when Alt is found held: keep its coming release from opening the target's menu."""
        ...

    def release_modifiers(self) -> None:
        """Send key-up for held modifiers; the last resort when the agent keeps holding them."""
        ...

    def send_paste(self) -> None:
        """Send Ctrl+V to the focused window. Raises OSError when the OS refused the input."""
        ...


class ClipboardOnlyPaster(Paster):
    """Copy only: where no keystrokes can be sent (Wayland, macOS, offscreen). The UI shows "已复制"."""

    def __init__(self, watcher: ClipboardWatcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = watcher

    def paste(self, request: PasteRequest) -> None:
        self._watcher.write(request.text)
        self.pasted.emit(PasteOutcome.COPIED)


class KeystrokePaster(Paster):
    def __init__(
        self,
        watcher: ClipboardWatcher,
        keyboard: KeyboardBackend,
        *,
        copy_only: bool = False,
        restore_delay_ms: int = RESTORE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._watcher = watcher
        self._keyboard = keyboard
        self._copy_only = copy_only
        self._polls_left = 0
        self._snapshot: object | None = None
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(MODIFIER_POLL_MS)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self._restore_timer = QTimer(self)
        self._restore_timer.setSingleShot(True)
        self._restore_timer.setInterval(restore_delay_ms)
        self._restore_timer.timeout.connect(self._on_restore_timer_timeout)

    def set_copy_only(self, copy_only: bool) -> None:
        self._copy_only = copy_only

    def mask_menu_key(self) -> None:
        # RegisterHotKey swallows the S of Alt+S, so the chat client sees a lone Alt press and release and opens
        # its menu bar (Notepad, and any classic Windows menu); a Ctrl+V sent to it then is lost.
        try:
            self._keyboard.mask_menu_key()
        except OSError as error:
            log.warning("could not mask the menu key: %s", error)

    def is_waiting(self) -> bool:
        """True while a paste waits for the modifiers to be released."""
        return self._poll_timer.isActive()

    def paste(self, request: PasteRequest) -> None:
        if self._copy_only:
            self._watcher.write(request.text)
            self.pasted.emit(PasteOutcome.COPIED)
            return
        # A second pick before the restore ran: the clipboard holds our first reply, not the agent's content.
        if request.restore_clipboard and self._snapshot is None:
            self._snapshot = self._watcher.snapshot()
        self._restore_timer.stop()
        self._watcher.write(request.text)
        if self._poll_timer.isActive():
            return  # already waiting; the newest text is on the clipboard and one Ctrl+V will paste it
        if not self._keyboard.modifiers_held():
            self._send()
            return
        self._keyboard.mask_menu_key()
        self._polls_left = MODIFIER_WAIT_CAP_MS // MODIFIER_POLL_MS
        self._poll_timer.start()

    def _on_poll_timer_timeout(self) -> None:
        if self._keyboard.modifiers_held():
            if self._polls_left > 0:
                self._polls_left -= 1
                return
            log.info("modifiers still held after %d ms; releasing them before pasting", MODIFIER_WAIT_CAP_MS)
            self._keyboard.release_modifiers()
        self._poll_timer.stop()
        self._send()

    def _send(self) -> None:
        try:
            self._keyboard.send_paste()
        except OSError as error:
            log.warning("could not send Ctrl+V, the reply is only copied: %s", error)
            self._snapshot = None  # the agent pastes by hand: the reply must stay on the clipboard
            self.pasted.emit(PasteOutcome.COPIED)
            return
        self.pasted.emit(PasteOutcome.PASTED)
        if self._snapshot is not None:
            self._restore_timer.start()

    def _on_restore_timer_timeout(self) -> None:
        snapshot, self._snapshot = self._snapshot, None
        if snapshot is not None:
            self._watcher.restore(snapshot)
