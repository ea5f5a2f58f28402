"""The Windows adapters' logic against a fake user32, so it is exercised on every OS (the real calls need Windows)."""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import pytest
from PySide6.QtCore import QByteArray

from desktop.platform.hotkeys_windows import ERROR_HOTKEY_ALREADY_REGISTERED, FIRST_ID, WM_HOTKEY, _Msg
from desktop.platform.interfaces import HotkeyAction
from desktop.platform.keys import MOD_ALT, MOD_NOREPEAT


class FakeFunction:
    """A ctypes function stand-in: takes argtypes/restype, calls `impl`."""

    def __init__(self, impl: Callable[..., int]) -> None:
        self.impl = impl
        self.argtypes: tuple = ()
        self.restype: object = None

    def __call__(self, *args: object) -> int:
        return self.impl(*args)


class FakeUser32:
    def __init__(self) -> None:
        self.taken: set[tuple[int, int]] = set()  # (modifiers, vk) held by "another program"
        self.registered: dict[int, tuple[int, int]] = {}
        self.down: set[int] = set()
        self.sent: list[tuple[int, bool]] = []
        self.last_error = 0
        self.RegisterHotKey = FakeFunction(self._register)
        self.UnregisterHotKey = FakeFunction(lambda hwnd, hotkey_id: self.registered.pop(hotkey_id, None) and 1)
        self.GetAsyncKeyState = FakeFunction(lambda vk: -32768 if vk in self.down else 0)
        self.SendInput = FakeFunction(self._send_input)

    def _register(self, hwnd: object, hotkey_id: int, modifiers: int, vk: int) -> int:
        if (modifiers & ~MOD_NOREPEAT, vk) in self.taken:
            self.last_error = ERROR_HOTKEY_ALREADY_REGISTERED
            return 0
        self.registered[hotkey_id] = (modifiers, vk)
        return 1

    def _send_input(self, count: int, events: object, size: int) -> int:
        from desktop.platform.paste_windows import _Input

        assert size == ctypes.sizeof(_Input)
        array = ctypes.cast(events, ctypes.POINTER(_Input))
        for index in range(count):
            ki = array[index].u.ki
            self.sent.append((ki.wVk, not ki.dwFlags & 0x2))
        return count


@pytest.fixture
def user32(monkeypatch) -> FakeUser32:
    fake = FakeUser32()
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: fake, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: fake.last_error, raising=False)
    return fake


def test_register_hotkey_per_action_with_taken_keys_reported(qtbot, user32):
    from desktop.platform.hotkeys_windows import WindowsHotkeys

    user32.taken.add((MOD_ALT, ord("Q")))
    hotkeys = WindowsHotkeys()
    errors = hotkeys.bind({"show": "Alt+Q", "pick:1": "Alt+1", "search": "Alt"})
    assert set(errors) == {"show", "search"}
    assert "已被其他程序占用" in str(errors["show"])
    assert list(user32.registered.values()) == [(MOD_ALT | MOD_NOREPEAT, ord("1"))]
    hotkey_id = next(iter(user32.registered))
    msg = _Msg(message=WM_HOTKEY, wParam=hotkey_id)
    with qtbot.waitSignal(hotkeys.hotkey_pressed) as blocker:
        handled = hotkeys._filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg))
    assert handled == (True, 0)
    assert blocker.args == [HotkeyAction.PICK, 1]
    stranger = _Msg(message=WM_HOTKEY, wParam=FIRST_ID + 99)  # someone else's id: not consumed
    assert hotkeys._filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(stranger)) == (
        False, 0)
    hotkeys.close()
    assert user32.registered == {}
    hotkeys.deleteLater()


def test_send_input_pastes_and_masks_alt(user32):
    from desktop.platform.paste_windows import VK_CONTROL, VK_MASK, VK_MENU, VK_V, WindowsKeyboard

    keyboard = WindowsKeyboard()
    user32.down.add(VK_MENU)
    assert keyboard.modifiers_held()
    keyboard.mask_menu_key()
    assert user32.sent == [(VK_MASK, True), (VK_MASK, False)]
    keyboard.release_modifiers()
    assert user32.sent[-1] == (VK_MENU, False)
    user32.down.clear()
    assert not keyboard.modifiers_held()
    user32.sent.clear()
    keyboard.send_paste()
    assert user32.sent == [(VK_CONTROL, True), (VK_V, True), (VK_V, False), (VK_CONTROL, False)]


def test_blocked_send_input_is_an_os_error(user32):
    from desktop.platform.paste_windows import WindowsKeyboard

    user32.SendInput.impl = lambda count, events, size: 0  # UIPI: the target runs elevated
    with pytest.raises(OSError, match="SendInput"):
        WindowsKeyboard().send_paste()
