"""Hotkey backends without a real desktop: binding errors per action, the X11 listener's thread hop, WM_HOTKEY."""

from __future__ import annotations

import ctypes
import sys
import threading
import types
from typing import ClassVar

import pytest
from PySide6.QtCore import QByteArray, QThread

from desktop.platform.hotkeys_common import prepare_bindings
from desktop.platform.hotkeys_null import WAYLAND_REASON, NullHotkeys
from desktop.platform.hotkeys_windows import WM_HOTKEY, _HotkeyFilter, _Msg
from desktop.platform.keys import to_windows


def test_prepare_reports_bad_and_duplicate_bindings_per_action():
    prepared, errors = prepare_bindings(
        {"show": "Alt+Q", "search": "Alt+Q", "pick:1": "Alt+1", "pick:2": "Bogus+2"}, to_windows
    )
    assert set(prepared) == {"show", "pick:1"}
    assert set(errors) == {"search", "pick:2"}
    assert "已用于" in errors["search"]


def test_null_hotkeys_explain_why_for_every_action(qapp):
    hotkeys = NullHotkeys(WAYLAND_REASON)
    assert hotkeys.unavailable_reason() == WAYLAND_REASON
    assert hotkeys.bind({"show": "Alt+Q", "pick:1": "Alt+1"}) == {"show": WAYLAND_REASON, "pick:1": WAYLAND_REASON}
    hotkeys.close()
    hotkeys.deleteLater()


class FakeGlobalHotKeys:
    """Stands in for pynput.keyboard.GlobalHotKeys: records the mapping, calls back from its own thread."""

    instances: ClassVar[list[FakeGlobalHotKeys]] = []

    def __init__(self, hotkeys: dict) -> None:
        self.hotkeys = hotkeys
        self.daemon = False
        self.started = self.stopped = False
        FakeGlobalHotKeys.instances.append(self)

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def join(self, timeout: float | None = None) -> None:
        pass

    def press_from_listener_thread(self, combo: str) -> None:
        thread = threading.Thread(target=self.hotkeys[combo])
        thread.start()
        thread.join()


@pytest.fixture
def fake_pynput(monkeypatch):
    FakeGlobalHotKeys.instances.clear()
    keyboard = types.SimpleNamespace(GlobalHotKeys=FakeGlobalHotKeys)
    monkeypatch.setitem(sys.modules, "pynput", types.SimpleNamespace(keyboard=keyboard))
    return keyboard


def test_x11_hotkeys_emit_on_the_gui_thread(qtbot, fake_pynput):
    from desktop.platform.hotkeys_x11 import X11Hotkeys

    hotkeys = X11Hotkeys()
    errors = hotkeys.bind({"pick:1": "Alt+1", "show": "Alt+Q", "search": "Alt"})
    assert set(errors) == {"search"}
    listener = FakeGlobalHotKeys.instances[-1]
    assert set(listener.hotkeys) == {"<alt>+1", "<alt>+q"}
    assert listener.started and listener.daemon
    received: list[tuple[str, bool]] = []
    hotkeys.hotkey_pressed.connect(lambda action: received.append((action, QThread.currentThread() is qtbot_thread())))
    with qtbot.waitSignal(hotkeys.hotkey_pressed):
        listener.press_from_listener_thread("<alt>+1")
    assert received == [("pick:1", True)]
    assert hotkeys.unavailable_reason() is None
    hotkeys.bind({"show": "Alt+W"})
    assert listener.stopped  # rebinding replaces the old listener
    hotkeys.close()
    assert FakeGlobalHotKeys.instances[-1].stopped
    hotkeys.deleteLater()


def qtbot_thread() -> QThread:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance().thread()


def test_windows_filter_maps_wm_hotkey_ids_to_actions(qapp):
    seen: list[int] = []

    def on_hotkey(hotkey_id: int) -> bool:
        seen.append(hotkey_id)
        return hotkey_id == 7

    event_filter = _HotkeyFilter(on_hotkey)
    msg = _Msg(message=WM_HOTKEY, wParam=7)
    assert event_filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg)) == (True, 0)
    other = _Msg(message=0x0100, wParam=7)  # WM_KEYDOWN: not ours
    assert event_filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(other)) == (False, 0)
    assert event_filter.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), ctypes.addressof(msg)) == (False, 0)
    assert seen == [7]
