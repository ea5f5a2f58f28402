"""Key sequences from the settings → what RegisterHotKey and pynput need; runs on every OS."""

from __future__ import annotations

import pytest

from desktop.platform.keys import (
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MOD_SHIFT,
    MOD_WIN,
    KeySequenceError,
    bindings_from_settings,
    parse_chord,
    to_windows,
    to_x11,
)
from desktop.settings import BY_KEY


@pytest.mark.parametrize(
    ("sequence", "expected"),
    [
        ("Alt+1", (MOD_ALT | MOD_NOREPEAT, 0x31)),
        ("alt+q", (MOD_ALT | MOD_NOREPEAT, 0x51)),
        ("Ctrl+Shift+F2", (MOD_CONTROL | MOD_SHIFT | MOD_NOREPEAT, 0x71)),
        ("Win+Space", (MOD_WIN | MOD_NOREPEAT, 0x20)),
        (" Control + Alt + F12 ", (MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, 0x7B)),
        ("Ctrl+/", (MOD_CONTROL | MOD_NOREPEAT, 0xBF)),
    ],
)
def test_windows_modifiers_and_virtual_key(sequence, expected):
    assert to_windows(parse_chord(sequence)) == expected


@pytest.mark.parametrize(
    ("sequence", "expected"),
    [
        ("Alt+1", ({"alt"}, "1")),
        ("Shift+Ctrl+S", ({"ctrl", "shift"}, "s")),
        ("Meta+F3", ({"meta"}, "F3")),
        ("Alt+PgDown", ({"alt"}, "Next")),
        ("Ctrl+\\", ({"ctrl"}, "backslash")),
    ],
)
def test_x11_modifiers_and_keysym_names(sequence, expected):
    assert to_x11(parse_chord(sequence)) == (frozenset(expected[0]), expected[1])


@pytest.mark.parametrize("sequence", ["", "1", "Alt", "Alt+", "Hyper+1", "Alt+F25", "Alt+é", "Ctrl++"])
def test_unusable_sequences_are_refused_with_a_chinese_reason(sequence):
    with pytest.raises(KeySequenceError) as error:
        parse_chord(sequence)
    assert "热键" in str(error.value)


def test_chord_prints_back_in_settings_spelling():
    assert str(parse_chord("shift+alt+q")) == "Alt+Shift+Q"


def test_default_settings_bind_show_search_and_nine_picks():
    bindings = bindings_from_settings(lambda key: BY_KEY[key].default)
    assert bindings["show"] == "Alt+Q"
    assert bindings["search"] == "Alt+S"
    assert [bindings[f"pick:{n}"] for n in range(1, 10)] == [f"Alt+{n}" for n in range(1, 10)]
    assert all(parse_chord(sequence) for sequence in bindings.values())


def test_empty_settings_leave_actions_unbound():
    values = {"hotkey_show": "", "hotkey_search": "Ctrl+Alt+F", "hotkey_pick_prefix": "Ctrl+Alt+", "hotkey_promise": ""}
    bindings = bindings_from_settings(values.__getitem__)
    assert "show" not in bindings and "promise" not in bindings
    assert bindings["pick:3"] == "Ctrl+Alt+3"
