"""Global hotkeys on X11 through pynput's GlobalHotKeys listener (XRecord; it also works under Xvfb).

pynput calls back on its own thread; the callback only emits `hotkey_pressed`, which Qt queues to the GUI
thread. The listener watches without grabbing, so it cannot tell that another app uses the same keys.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from PySide6.QtCore import QObject

from desktop.platform.hotkeys_common import prepare_bindings
from desktop.platform.interfaces import HotkeyService
from desktop.platform.keys import to_pynput

log = logging.getLogger(__name__)


class X11Hotkeys(HotkeyService):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Imported here: pynput connects to the X display on import, and raises where there is none.
        from pynput import keyboard

        self._keyboard = keyboard
        self._listener: Any = None

    def bind(self, bindings: dict[str, str]) -> dict[str, str]:
        self._stop_listener()
        prepared, errors = prepare_bindings(bindings, to_pynput)
        hotkeys = {combo: functools.partial(self._on_listener_hotkey, action) for action, combo in prepared.items()}
        if hotkeys:
            try:
                self._listener = self._keyboard.GlobalHotKeys(hotkeys)
                self._listener.daemon = True
                self._listener.start()
            except Exception as error:  # pynput reports X problems with many exception types
                log.warning("cannot start the X11 hotkey listener: %s", error)
                self._listener = None
                return {**errors, **dict.fromkeys(prepared, "无法监听全局热键")}
        return errors

    def unavailable_reason(self) -> str | None:
        return None

    def close(self) -> None:
        self._stop_listener()

    def _on_listener_hotkey(self, action: str) -> None:
        # pynput's thread: emit only; the connection is queued to the receivers on the GUI thread.
        self.hotkey_pressed.emit(action)

    def _stop_listener(self) -> None:
        if self._listener is not None:
            listener, self._listener = self._listener, None
            listener.stop()
            try:
                listener.join(2)
            except Exception as error:  # join re-raises what failed on the listener thread
                log.warning("the X11 hotkey listener had failed: %s", error)
