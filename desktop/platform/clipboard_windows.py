"""Windows: does the clipboard's owner answer? Asked on a worker thread with a short timeout.

An application that puts data on the clipboard with delayed rendering is asked for it (WM_RENDERFORMAT)
when someone reads; if its window no longer answers messages, Qt's read on the GUI thread waits with it.
Before Qt reads, this probe sends the owner window a no-op message (WM_NULL) with SendMessageTimeout and
SMTO_ABORTIFHUNG, the documented way to ask whether a window is responsive, on its own thread. Only a
timeout (or the immediate refusal SMTO_ABORTIFHUNG gives for a window Windows already considers hung, which
leaves no error code) counts as "does not answer": any other failure (an elevated owner that UIPI shields,
a window gone meanwhile) lets Qt's read decide, as before. It reads no clipboard content.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

PROBE_TIMEOUT_MS = 300
WM_NULL = 0x0000
SMTO_ABORTIFHUNG = 0x0002
ERROR_TIMEOUT = 1460


class WindowsOwnerProbe:
    def __init__(self, timeout_ms: int = PROBE_TIMEOUT_MS, *, user32: Any = None,
                 last_error: Callable[[], int] | None = None) -> None:
        """`user32` and `last_error` default to the real ones; tests hand in fakes."""
        if user32 is None:
            import ctypes
            from ctypes import wintypes

            user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
            user32.GetClipboardOwner.restype = wintypes.HWND
            user32.SendMessageTimeoutW.argtypes = (wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM,
                                                   wintypes.UINT, wintypes.UINT, ctypes.POINTER(ctypes.c_size_t))
            user32.SendMessageTimeoutW.restype = ctypes.c_ssize_t
            last_error = ctypes.get_last_error  # type: ignore[attr-defined]
        self._user32 = user32
        self._last_error = last_error or (lambda: 0)
        self._timeout_ms = timeout_ms

    def start(self, done: Callable[[bool], None]) -> None:
        """Ask on a short-lived daemon thread (it ends by itself within the timeout)."""
        threading.Thread(target=lambda: done(self.owner_answers()), name="kuaida-clipboard-probe",
                         daemon=True).start()

    def owner_answers(self) -> bool:
        owner = self._user32.GetClipboardOwner()
        if not owner:
            return True  # nobody owns it, or the data was rendered already: nothing to wait on
        import ctypes

        result = ctypes.c_size_t()
        if self._user32.SendMessageTimeoutW(owner, WM_NULL, 0, 0, SMTO_ABORTIFHUNG, self._timeout_ms,
                                            ctypes.byref(result)):
            return True
        error = self._last_error()
        if error in (ERROR_TIMEOUT, 0):
            return False
        log.info("clipboard owner probe inconclusive (error %d); reading as usual", error)
        return True
