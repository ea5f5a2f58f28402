"""Ctrl+V on X11 through XTest (pynput's keyboard Controller); the modifier state comes from the X server via Qt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class X11Keyboard:
    def __init__(self) -> None:
        # Imported here: pynput connects to the X display on import, and raises where there is none.
        from pynput.keyboard import Controller, Key

        self._controller: Any = Controller()
        self._key: Any = Key

    def modifiers_held(self) -> bool:
        # queryKeyboardModifiers asks the X server (QueryPointer), so it sees keys held in other windows too.
        return bool(QGuiApplication.queryKeyboardModifiers() & _MODIFIERS)

    def mask_menu_key(self) -> None:
        pass  # X11 toolkits do not open a menu bar on a lone Alt release

    def release_modifiers(self) -> None:
        key = self._key
        for modifier in (key.alt, key.alt_r, key.ctrl, key.ctrl_r, key.shift, key.shift_r, key.cmd, key.cmd_r):
            self._controller.release(modifier)

    def send_paste(self) -> None:
        try:
            with self._controller.pressed(self._key.ctrl):
                self._controller.tap("v")
        except Exception as error:  # Xlib has its own error types; the paster expects OSError
            raise OSError(f"XTest refused the keystrokes: {error}") from error
