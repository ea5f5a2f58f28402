"""Global hotkeys on X11: XGrabKey on the root window (python-xlib), read by a small thread; works under Xvfb.

A passive grab is X11's RegisterHotKey: the key goes to us instead of the focused app, so Alt+1 does not also
switch the tab of a browser-based chat console, and a key another program already grabbed fails with
BadAccess, which is reported per action. (A watching listener such as pynput's can do neither.) The thread
has its own X connection and only emits `hotkey_pressed`; Qt queues that to the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
from typing import Any

from PySide6.QtCore import QObject

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText
from desktop.platform.hotkeys_common import prepare_bindings
from desktop.platform.interfaces import HotkeyService
from desktop.platform.keys import HOTKEY_TAKEN, hotkey_text, to_x11

log = logging.getLogger(__name__)
NO_X_SERVER = QT_TRANSLATE_NOOP("Hotkeys", "无法连接 X 服务器，全局热键不可用")
NOT_IN_LAYOUT = QT_TRANSLATE_NOOP("Hotkeys", "键盘布局里没有热键“%1”的按键")

# X11 modifier masks: Shift, Control, Mod1 (Alt), Mod4 (Super).
MODIFIER_MASKS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3, "meta": 1 << 6}
RELEVANT_MASK = sum(MODIFIER_MASKS.values())
# Caps Lock (Lock) and Num Lock (Mod2) change the event's state; grab every combination so they don't matter.
LOCK_MASK, NUM_LOCK_MASK = 1 << 1, 1 << 4
LOCK_COMBINATIONS = (0, LOCK_MASK, NUM_LOCK_MASK, LOCK_MASK | NUM_LOCK_MASK)


class X11Hotkeys(HotkeyService):
    def __init__(self, display_name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from Xlib import XK, X, error
        from Xlib.display import Display

        self._x, self._xk, self._xerror, self._display_class = X, XK, error, Display
        self._display_name = display_name
        self._listener: _GrabListener | None = None
        Display(display_name).close()  # fail here, in the factory's fallback, when there is no X server

    def _bind(self, bindings: dict[str, str]) -> dict[str, UiText]:
        """Grabs on the calling thread, before the listener starts, so one connection is never shared."""
        self._stop_listener()
        prepared, errors = prepare_bindings(bindings, to_x11)
        if not prepared:
            return errors
        try:
            display = self._display_class(self._display_name)
        except Exception as error:  # python-xlib raises several types when the server is unreachable
            log.warning("cannot connect to the X server for hotkeys: %s", error)
            return {**errors, **dict.fromkeys(prepared, hotkey_text(NO_X_SERVER))}
        root = display.screen().root
        grabs: dict[tuple[int, int], str] = {}
        for action, (modifiers, keysym_name) in prepared.items():
            keysym = self._xk.string_to_keysym(keysym_name)
            keycode = display.keysym_to_keycode(keysym) if keysym else 0
            if not keycode:
                errors[action] = hotkey_text(NOT_IN_LAYOUT, bindings[action])
                continue
            mask = sum(MODIFIER_MASKS[m] for m in modifiers)
            if self._grab(display, root, keycode, mask):
                grabs[(keycode, mask)] = action
            else:
                errors[action] = hotkey_text(HOTKEY_TAKEN, bindings[action])
                log.warning("XGrabKey refused for %s: taken by another client", action)
        if not grabs:
            display.close()
            return errors
        self._listener = _GrabListener(display, KeyMatcher(grabs), self._on_listener_hotkey)
        return errors

    def unavailable_reason(self) -> UiText | None:
        return None

    def close(self) -> None:
        self._stop_listener()

    def _grab(self, display: Any, root: Any, keycode: int, mask: int) -> bool:
        catcher = self._xerror.CatchError(self._xerror.BadAccess)
        for extra in LOCK_COMBINATIONS:
            root.grab_key(keycode, mask | extra, True, self._x.GrabModeAsync, self._x.GrabModeAsync, onerror=catcher)
        display.sync()  # a round trip, so a BadAccess has arrived before we look
        if catcher.get_error() is None:
            return True
        for extra in LOCK_COMBINATIONS:  # release the combinations that did succeed
            root.ungrab_key(keycode, mask | extra)
        display.sync()
        return False

    def _on_listener_hotkey(self, action: str) -> None:
        # The listener thread: emit only; the connection is queued to the receivers on the GUI thread.
        self._emit_pressed(action)

    def _stop_listener(self) -> None:
        if self._listener is not None:
            listener, self._listener = self._listener, None
            listener.stop()


KEY_PRESS, KEY_RELEASE = 2, 3  # X protocol event codes


class KeyMatcher:
    """Turns the grabbed keys' events into actions: one per press, whatever Caps/Num Lock, no auto-repeat."""

    def __init__(self, grabs: dict[tuple[int, int], str]) -> None:
        self._grabs = grabs  # (keycode, modifier mask) → action
        self._last_release: dict[int, int] = {}

    def feed(self, event_type: int, keycode: int, state: int, time: int) -> str | None:
        if event_type == KEY_RELEASE:
            self._last_release[keycode] = time
            return None
        if event_type != KEY_PRESS:
            return None
        # Auto-repeat arrives as release + press with the same timestamp: one pick per key press.
        if self._last_release.get(keycode) == time:
            return None
        return self._grabs.get((keycode, state & RELEVANT_MASK))


class _GrabListener:
    """Reads key events for the grabbed keys on its own connection and thread until stopped."""

    def __init__(self, display: Any, matcher: KeyMatcher, on_hotkey: Any) -> None:
        self._display = display
        self._matcher = matcher
        self._on_hotkey = on_hotkey
        self._wake_read, self._wake_write = os.pipe()
        self._thread = threading.Thread(target=self._run, name="kuaida-x11-hotkeys", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        os.write(self._wake_write, b"x")
        self._thread.join(timeout=2)
        with contextlib.suppress(Exception):  # closing drops every grab of this connection
            self._display.close()
        os.close(self._wake_read)
        os.close(self._wake_write)

    def _run(self) -> None:
        try:
            while True:
                while self._display.pending_events():
                    event = self._display.next_event()
                    detail, state, time = (getattr(event, name, 0) for name in ("detail", "state", "time"))
                    if action := self._matcher.feed(event.type, detail, state, time):
                        self._on_hotkey(action)
                readable, _, _ = select.select([self._display.fileno(), self._wake_read], [], [])
                if self._wake_read in readable:
                    return
        except Exception as error:  # the X server went away: hotkeys stop, the app goes on
            log.warning("X11 hotkey listener stopped: %s", error)
