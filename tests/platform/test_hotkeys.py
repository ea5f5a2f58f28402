"""Hotkey backends without a real desktop: binding errors per action, X11 key matching, WM_HOTKEY.

The X11 grabs themselves are tested against a real X server in tests/e2e/test_x11_hotkeys.py.
"""

from __future__ import annotations

import ctypes

from PySide6.QtCore import QByteArray

from desktop.platform.hotkeys_common import prepare_bindings
from desktop.platform.hotkeys_null import WAYLAND_REASON, NullHotkeys
from desktop.platform.hotkeys_windows import WM_HOTKEY, _HotkeyFilter, _Msg
from desktop.platform.hotkeys_x11 import KEY_PRESS, KEY_RELEASE, KeyMatcher
from desktop.platform.keys import to_windows


def test_prepare_reports_bad_and_duplicate_bindings_per_action():
    prepared, errors = prepare_bindings(
        {"show": "Alt+Q", "search": "Alt+Q", "pick:1": "Alt+1", "pick:2": "Bogus+2"}, to_windows
    )
    assert set(prepared) == {"show", "pick:1"}
    assert set(errors) == {"search", "pick:2"}
    assert "已用于" in str(errors["search"])


def test_null_hotkeys_explain_why_for_every_action(qapp):
    hotkeys = NullHotkeys(WAYLAND_REASON)
    assert hotkeys.unavailable_reason() == WAYLAND_REASON
    assert hotkeys.bind({"show": "Alt+Q", "pick:1": "Alt+1"}) == {"show": WAYLAND_REASON, "pick:1": WAYLAND_REASON}
    hotkeys.close()
    hotkeys.deleteLater()


ALT, NUM_LOCK, CAPS_LOCK = 1 << 3, 1 << 4, 1 << 1


def test_x11_key_matcher_ignores_lock_keys_and_auto_repeat():
    matcher = KeyMatcher({(10, ALT): "pick:1", (24, ALT): "show"})
    assert matcher.feed(KEY_PRESS, 10, ALT, 1000) == "pick:1"
    assert matcher.feed(KEY_RELEASE, 10, ALT, 1500) is None
    assert matcher.feed(KEY_PRESS, 10, ALT, 1500) is None  # auto-repeat: same timestamp as the release
    assert matcher.feed(KEY_RELEASE, 10, ALT, 1600) is None
    assert matcher.feed(KEY_PRESS, 10, ALT | NUM_LOCK | CAPS_LOCK, 2000) == "pick:1"
    assert matcher.feed(KEY_PRESS, 10, 0, 2100) is None  # no Alt: not the hotkey
    assert matcher.feed(KEY_PRESS, 24, ALT, 2200) == "show"
    assert matcher.feed(6, 24, ALT, 2300) is None  # motion and other events


def test_windows_filter_maps_wm_hotkey_ids_to_actions(qapp):
    seen: list[int] = []

    def on_hotkey(hotkey_id: int) -> bool:
        seen.append(hotkey_id)
        return hotkey_id == 7

    event_filter = _HotkeyFilter(on_hotkey)
    msg = _Msg(message=WM_HOTKEY, wParam=7)
    assert event_filter.nativeEventFilter(QByteArray(b"windows_dispatcher_MSG"), ctypes.addressof(msg)) == (True, 0)
    other = _Msg(message=0x0100, wParam=7)  # WM_KEYDOWN: not ours
    assert event_filter.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(other)) == (False, 0)
    assert event_filter.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), ctypes.addressof(msg)) == (False, 0)
    assert seen == [7]
