"""Global hotkeys on Windows: RegisterHotKey, with WM_HOTKEY picked up by a Qt native event filter.

Not the `keyboard` package's low-level hook: Windows silently removes a hook whose (Python) callback runs
past LowLevelHooksTimeout, and the hook misbehaves with Chinese IMEs. RegisterHotKey needs no callback
on our side at all: Windows posts WM_HOTKEY to the GUI thread's queue (hwnd NULL), Qt's event dispatcher
hands every message it takes from the queue to the native event filters, and ours maps the id to an action.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText
from desktop.platform.hotkeys_common import prepare_bindings
from desktop.platform.interfaces import HotkeyService
from desktop.platform.keys import HOTKEY_TAKEN, hotkey_text, to_windows

log = logging.getLogger(__name__)

WM_HOTKEY = 0x0312
MSG_EVENT_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
NOT_REGISTERED = QT_TRANSLATE_NOOP("Hotkeys", "无法注册热键“%1”（错误 %2）")
# Hotkey ids must be in 0x0000–0xBFFF for an application; start away from 0 for readability in traces.
FIRST_ID = 0x4B00


class _Msg(ctypes.Structure):
    # wintypes.MSG, spelled out so this module imports (and its parsing is tested) on any OS.
    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_int32),
        ("pt_y", ctypes.c_int32),
    )


class _HotkeyFilter(QAbstractNativeEventFilter):
    def __init__(self, on_hotkey: Any) -> None:
        super().__init__()
        self._on_hotkey = on_hotkey

    def nativeEventFilter(self, eventType: QByteArray | bytes | bytearray | memoryview, message: int  # noqa: N803
                          ) -> tuple[bool, int]:
        # WM_HOTKEY for hwnd NULL is a thread message: Qt's event dispatcher passes it as "windows_dispatcher_MSG";
        # window messages come as "windows_generic_MSG". Both carry a MSG*.
        if (eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)) in MSG_EVENT_TYPES:
            msg = _Msg.from_address(int(message))
            if msg.message == WM_HOTKEY and self._on_hotkey(int(msg.wParam)):
                return True, 0
        return False, 0


class WindowsHotkeys(HotkeyService):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self._register = user32.RegisterHotKey
        self._register.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_uint)
        self._register.restype = ctypes.c_int
        self._unregister = user32.UnregisterHotKey
        self._unregister.argtypes = (ctypes.c_void_p, ctypes.c_int)
        self._unregister.restype = ctypes.c_int
        self._actions: dict[int, str] = {}
        self._filter = _HotkeyFilter(self._on_filter_hotkey)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("WindowsHotkeys needs a running QApplication")
        app.installNativeEventFilter(self._filter)

    def _bind(self, bindings: dict[str, str]) -> dict[str, UiText]:
        """Registers on the calling (GUI) thread: WM_HOTKEY goes to the queue of the thread that registered."""
        self._unregister_all()
        prepared, errors = prepare_bindings(bindings, to_windows)
        for offset, (action, (modifiers, vk)) in enumerate(prepared.items()):
            hotkey_id = FIRST_ID + offset
            if self._register(None, hotkey_id, modifiers, vk):
                self._actions[hotkey_id] = action
                continue
            code = ctypes.get_last_error()  # type: ignore[attr-defined]
            if code == ERROR_HOTKEY_ALREADY_REGISTERED:
                errors[action] = hotkey_text(HOTKEY_TAKEN, bindings[action])
            else:
                errors[action] = hotkey_text(NOT_REGISTERED, bindings[action], str(code))
            log.warning("RegisterHotKey failed for %s: error %s", action, code)
        return errors

    def unavailable_reason(self) -> UiText | None:
        return None

    def close(self) -> None:
        self._unregister_all()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self._filter)

    def _on_filter_hotkey(self, hotkey_id: int) -> bool:
        action = self._actions.get(hotkey_id)
        if action is None:
            return False
        self._emit_pressed(action)
        return True

    def _unregister_all(self) -> None:
        for hotkey_id in self._actions:
            self._unregister(None, hotkey_id)
        self._actions.clear()
