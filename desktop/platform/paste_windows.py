"""Ctrl+V on Windows through SendInput; the modifiers' physical state through GetAsyncKeyState."""

from __future__ import annotations

import ctypes

VK_SHIFT, VK_CONTROL, VK_MENU, VK_LWIN, VK_RWIN, VK_V = 0x10, 0x11, 0x12, 0x5B, 0x5C, 0x56
# An unassigned virtual key (AutoHotkey's default "menu mask key"): tapping it while Alt is down makes the
# coming Alt release a chord rather than a lone Alt, which would otherwise focus the target's menu bar.
VK_MASK = 0xE8
MODIFIER_KEYS = (VK_SHIFT, VK_CONTROL, VK_MENU, VK_LWIN, VK_RWIN)
INPUT_KEYBOARD = 1
KEYEVENTF_KEYUP = 0x0002
# Fixed-width types: Windows' DWORD and LONG are 32-bit, and the layout must not depend on the test OS.
_ULONG_PTR = ctypes.c_size_t


class _KeyboardInput(ctypes.Structure):
    _fields_ = (
        ("wVk", ctypes.c_uint16),
        ("wScan", ctypes.c_uint16),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", _ULONG_PTR),
    )


class _MouseInput(ctypes.Structure):
    # Only here so the union, and so INPUT, has the size SendInput checks against cbSize.
    _fields_ = (
        ("dx", ctypes.c_int32),
        ("dy", ctypes.c_int32),
        ("mouseData", ctypes.c_uint32),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", _ULONG_PTR),
    )


class _InputUnion(ctypes.Union):
    _fields_ = (("ki", _KeyboardInput), ("mi", _MouseInput))


class _Input(ctypes.Structure):
    _fields_ = (("type", ctypes.c_uint32), ("u", _InputUnion))


def key_events(*strokes: tuple[int, bool]) -> ctypes.Array[_Input]:
    """INPUT records for (virtual key, pressed) pairs, in order."""
    events = (_Input * len(strokes))()
    for event, (vk, pressed) in zip(events, strokes, strict=True):
        event.type = INPUT_KEYBOARD
        event.u.ki = _KeyboardInput(vk, 0, 0 if pressed else KEYEVENTF_KEYUP, 0, 0)
    return events


class WindowsKeyboard:
    def __init__(self) -> None:
        user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self._get_async_key_state = user32.GetAsyncKeyState
        self._get_async_key_state.argtypes = (ctypes.c_int,)
        self._get_async_key_state.restype = ctypes.c_short
        self._send_input = user32.SendInput
        self._send_input.argtypes = (ctypes.c_uint, ctypes.c_void_p, ctypes.c_int)
        self._send_input.restype = ctypes.c_uint

    def _held(self, vk: int) -> bool:
        return bool(self._get_async_key_state(vk) & 0x8000)  # high bit: down right now

    def modifiers_held(self) -> bool:
        return any(self._held(vk) for vk in MODIFIER_KEYS)

    def mask_menu_key(self) -> None:
        if self._held(VK_MENU):
            self._send(key_events((VK_MASK, True), (VK_MASK, False)))

    def release_modifiers(self) -> None:
        held = [vk for vk in MODIFIER_KEYS if self._held(vk)]
        if held:
            self._send(key_events(*((vk, False) for vk in held)))

    def send_paste(self) -> None:
        self._send(key_events((VK_CONTROL, True), (VK_V, True), (VK_V, False), (VK_CONTROL, False)))

    def _send(self, events: ctypes.Array[_Input]) -> None:
        sent = self._send_input(len(events), ctypes.byref(events), ctypes.sizeof(_Input))
        if sent != len(events):
            # Blocked by UIPI (the target runs elevated) or by another input: the agent pastes by hand.
            raise OSError(ctypes.get_last_error(), "SendInput was blocked")  # type: ignore[attr-defined]
