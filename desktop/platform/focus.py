"""Handing the keyboard focus back to the chat client after the overlay borrowed it for a search.

The overlay normally never takes the focus. While the agent types a search it must; before it does it
remembers the window that had the focus (Windows: GetForegroundWindow; X11: the window manager's
_NET_ACTIVE_WINDOW) and afterwards activates that window again. Elsewhere nothing is remembered and the
window manager decides. Failures are logged, never raised: losing the focus is bad, crashing is worse.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import time
from typing import Any

from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)


# Kuaida on Linux under Wine: Wine reports the window foreground and focused at once, but its X11 driver takes
# the X focus change a little later and then resynchronises the keyboard state, dropping the Ctrl of a Ctrl+V
# sent in between (2 of 3 pastes after a search lost in the Windows stage; none with this wait). Windows itself
# needs no such wait.
WINE_SETTLE_SECONDS = 0.6
_WM_NULL = 0
_SMTO_ABORTIFHUNG = 0x2
_SETTLE_TIMEOUT_MS = 50  # the UI thread waits this long at most, once per check (a hung window: not at all)


class _GuiThreadInfo(ctypes.Structure):
    """Windows' GUITHREADINFO (only hwndFocus is read); defined on every OS, used on Windows only."""

    _fields_ = (
        ("cbSize", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("hwndActive", ctypes.c_void_p),
        ("hwndFocus", ctypes.c_void_p),
        ("hwndCapture", ctypes.c_void_p),
        ("hwndMenuOwner", ctypes.c_void_p),
        ("hwndMoveSize", ctypes.c_void_p),
        ("hwndCaret", ctypes.c_void_p),
        ("rcCaret", ctypes.c_int32 * 4),
    )


class FocusReturn:
    """`remember()` before taking the focus, `restore()` after; a no-op where the OS offers no way."""

    def remember(self) -> None:
        pass

    def restore(self) -> None:
        pass

    def target_ready(self) -> bool:
        """After `restore()`: whether the window given the focus back can take keystrokes yet. True where
        nothing is known (the paste then goes ahead as soon as our window has lost the focus)."""
        return True


class WindowsFocusReturn(FocusReturn):
    def __init__(self) -> None:
        from ctypes import wintypes

        user32: Any = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        # Declared so a 64-bit HWND is never cut to a C int.
        user32.GetForegroundWindow.restype = wintypes.HWND
        user32.GetForegroundWindow.argtypes = []
        user32.SetForegroundWindow.argtypes = [wintypes.HWND]
        user32.SetForegroundWindow.restype = wintypes.BOOL
        user32.IsWindow.argtypes = [wintypes.HWND]
        user32.IsWindow.restype = wintypes.BOOL
        user32.GetWindowThreadProcessId.argtypes = [wintypes.HWND, ctypes.c_void_p]
        user32.GetWindowThreadProcessId.restype = wintypes.DWORD
        user32.GetGUIThreadInfo.argtypes = [wintypes.DWORD, ctypes.POINTER(_GuiThreadInfo)]
        user32.GetGUIThreadInfo.restype = wintypes.BOOL
        user32.SendMessageTimeoutW.argtypes = [wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM,
                                               wintypes.UINT, wintypes.UINT, ctypes.c_void_p]
        user32.SendMessageTimeoutW.restype = ctypes.c_ssize_t
        self._user32 = user32
        self._previous = 0
        self._handed_back = 0
        self._handed_back_at = 0.0
        self._under_wine = hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")  # type: ignore[attr-defined]

    def remember(self) -> None:
        self._previous = int(self._user32.GetForegroundWindow() or 0)

    def restore(self) -> None:
        self._handed_back = 0
        if self._previous and self._user32.IsWindow(self._previous):
            self._user32.SetForegroundWindow(self._previous)
            self._handed_back = self._previous
            self._handed_back_at = time.monotonic()
        self._previous = 0

    def target_ready(self) -> bool:
        # SetForegroundWindow returns before the target has re-activated: a Ctrl+V sent in between goes nowhere
        # (a chat client built on Chromium, like 千牛, restores its input focus asynchronously). Ready means the
        # window is foreground again and its GUI thread has a focus window to deliver the keystrokes to.
        target = self._handed_back
        if not target or not self._user32.IsWindow(target):
            return True  # nothing handed back, or the window is gone: nothing to wait for
        if self._under_wine and time.monotonic() - self._handed_back_at < WINE_SETTLE_SECONDS:
            return False
        if int(self._user32.GetForegroundWindow() or 0) != target:
            return False
        thread = self._user32.GetWindowThreadProcessId(target, None)
        before = self._focus_of(thread)
        if before is None:
            return True  # cannot tell: do not hold the paste back
        # Activation gives the focus to the top-level window first; its WM_SETFOCUS handler then moves it to the
        # input box (Notepad does; a Ctrl+V in between is lost). A message sent to the window returns only once
        # its thread has handled what came before, so the focus seen after that round trip is the settled one.
        self._user32.SendMessageTimeoutW(target, _WM_NULL, 0, 0, _SMTO_ABORTIFHUNG, _SETTLE_TIMEOUT_MS, None)
        after = self._focus_of(thread)
        log.debug("focus hand-back: target %#x is foreground; its focus window %#x, then %#x",
                  target, before or 0, after or 0)
        return bool(after) and after == before

    def _focus_of(self, thread: int) -> int | None:
        """The focus window of a GUI thread (0: none), or None when Windows cannot tell."""
        info = _GuiThreadInfo(cbSize=ctypes.sizeof(_GuiThreadInfo))
        if not thread or not self._user32.GetGUIThreadInfo(thread, ctypes.byref(info)):
            return None
        return int(info.hwndFocus or 0)


class X11FocusReturn(FocusReturn):
    def __init__(self) -> None:
        from Xlib import X, display  # python-xlib comes with pynput on Linux

        self._X = X
        self._display = display.Display()
        self._root = self._display.screen().root
        self._active_atom = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self._previous = 0

    def remember(self) -> None:
        try:
            prop = self._root.get_full_property(self._active_atom, self._X.AnyPropertyType)
            self._previous = int(prop.value[0]) if prop and len(prop.value) else 0
        except Exception as error:  # an X error must not break searching
            log.warning("cannot read the active window: %s", error)
            self._previous = 0

    def restore(self) -> None:
        if not self._previous:
            return
        from Xlib.protocol import event

        try:
            window = self._display.create_resource_object("window", self._previous)
            # source 2 = "pager": window managers honour it without focus-stealing prevention.
            message = event.ClientMessage(
                window=window, client_type=self._active_atom, data=(32, [2, self._X.CurrentTime, 0, 0, 0]),
            )
            mask = self._X.SubstructureRedirectMask | self._X.SubstructureNotifyMask
            self._root.send_event(message, event_mask=mask)
            self._display.flush()
        except Exception as error:
            log.warning("cannot give the focus back: %s", error)
        self._previous = 0


def create_focus_return() -> FocusReturn:
    """The one that fits the running platform, or the no-op one (with a logged reason)."""
    # The Qt platform decides, not the OS: Kuaida on Windows with the offscreen platform (tests) has no
    # desktop window to remember.
    try:
        platform = QGuiApplication.platformName()
        if sys.platform == "win32" and platform == "windows":
            return WindowsFocusReturn()
        if platform == "xcb":
            return X11FocusReturn()
    except Exception as error:
        log.warning("focus hand-back unavailable: %s", error)
    return FocusReturn()
