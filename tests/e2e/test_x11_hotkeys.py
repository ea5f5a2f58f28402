"""X11 global hotkeys against a real X server: the grab fires, keeps the key from the focused app, and a key
another program holds is reported per action instead of failing silently."""

from __future__ import annotations

import pytest

from desktop.platform.hotkeys_x11 import X11Hotkeys
from desktop.platform.interfaces import HotkeyAction

pytestmark = pytest.mark.e2e


@pytest.fixture
def make_hotkeys(desktop, qapp):
    made: list[X11Hotkeys] = []

    def make() -> X11Hotkeys:
        made.append(X11Hotkeys(display_name=desktop.display))
        return made[-1]

    yield make
    for hotkeys in made:
        hotkeys.close()
        hotkeys.deleteLater()


def test_grabbed_hotkey_fires_and_never_reaches_the_focused_editor(qtbot, desktop, editor, make_hotkeys):
    hotkeys = make_hotkeys()
    assert hotkeys.bind({"pick:1": "Shift+Q"}) == {}
    editor.clear()
    with qtbot.waitSignal(hotkeys.hotkey_pressed) as blocker:
        editor.type_keys_to_focus("shift+q", "x")  # without the grab the editor would get "Qx"
    assert blocker.args == [HotkeyAction.PICK, 1]
    text = editor.wait_for_saved_text(lambda saved: "x" in saved, "the plain key in the editor")
    assert "Q" not in text
    assert desktop.active_window() == editor.window


def test_a_key_held_by_another_program_is_reported_per_action(desktop, make_hotkeys):
    other_program = make_hotkeys()
    assert other_program.bind({"show": "Ctrl+Alt+F7"}) == {}
    errors = make_hotkeys().bind({"show": "Ctrl+Alt+F7", "pick:1": "Ctrl+Alt+F8"})
    assert list(errors) == ["show"]
    assert "已被其他程序占用" in str(errors["show"])
    other_program.close()  # once released, the key can be had
    assert make_hotkeys().bind({"show": "Ctrl+Alt+F7"}) == {}


def test_rebinding_releases_the_previous_keys(desktop, make_hotkeys):
    hotkeys = make_hotkeys()
    assert hotkeys.bind({"show": "Ctrl+Alt+F9"}) == {}
    assert hotkeys.bind({"show": "Ctrl+Alt+F10"}) == {}
    assert make_hotkeys().bind({"show": "Ctrl+Alt+F9"}) == {}
