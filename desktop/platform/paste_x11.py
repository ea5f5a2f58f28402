"""Ctrl+V on X11 through the XTEST extension (python-xlib); the modifier state comes from the X server via Qt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
_MODIFIER_KEYSYMS = ("Shift_L", "Shift_R", "Control_L", "Control_R", "Alt_L", "Alt_R", "Meta_L", "Meta_R",
                     "Super_L", "Super_R")


class X11Keyboard:
    def __init__(self, display_name: str | None = None) -> None:
        from Xlib import XK, X
        from Xlib.display import Display
        from Xlib.ext import xtest

        self._x, self._xtest = X, xtest
        self._display: Any = Display(display_name)  # our own connection, used on the GUI thread only
        if not self._display.has_extension("XTEST"):
            self._display.close()
            raise OSError("the X server has no XTEST extension")
        keycode = self._display.keysym_to_keycode
        self._control = keycode(XK.string_to_keysym("Control_L"))
        self._v = keycode(XK.string_to_keysym("v"))
        self._modifier_keycodes = [code for name in _MODIFIER_KEYSYMS if (code := keycode(XK.string_to_keysym(name)))]
        if not self._control or not self._v:
            self._display.close()
            raise OSError("the keyboard map has no Control or V key")

    def modifiers_held(self) -> bool:
        # Any key still down counts, not only modifiers: while the hotkey's own key (the 1 of Alt+1) is down,
        # the XGrabKey grab is active and a Ctrl+V sent then goes to Kuaida, not the chat client. Releasing
        # Alt before 1 is common. QueryKeymap asks the X server, so it sees keys held in other windows too.
        if any(self._display.query_keymap()):
            return True
        return bool(QGuiApplication.queryKeyboardModifiers() & _MODIFIERS)

    def mask_menu_key(self) -> None:
        pass  # X11 toolkits do not open a menu bar on a lone Alt release

    def release_modifiers(self) -> None:
        self._send([(self._x.KeyRelease, code) for code in self._modifier_keycodes])

    def send_paste(self) -> None:
        x = self._x
        self._send([(x.KeyPress, self._control), (x.KeyPress, self._v), (x.KeyRelease, self._v),
                    (x.KeyRelease, self._control)])

    def _send(self, strokes: list[tuple[int, int]]) -> None:
        try:
            for event_type, keycode in strokes:
                self._xtest.fake_input(self._display, event_type, keycode)
            self._display.sync()
        except Exception as error:  # Xlib has its own error types; the paster expects OSError
            raise OSError(f"XTEST refused the keystrokes: {error}") from error
