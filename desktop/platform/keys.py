"""Key sequences as the settings spell them ("Alt+1", "Ctrl+Shift+F2") and what each OS backend needs.

Pure parsing, no Qt, so it is tested on every OS: Windows wants (modifier flags, virtual-key code) for
RegisterHotKey, X11 wants (modifiers, keysym name) for XGrabKey.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText

MODIFIER_NAMES = {
    "alt": "alt", "ctrl": "ctrl", "control": "ctrl", "shift": "shift",
    "win": "meta", "meta": "meta", "super": "meta", "cmd": "meta",
}
MODIFIER_ORDER = ("ctrl", "alt", "shift", "meta")

# RegisterHotKey's fsModifiers; MOD_NOREPEAT stops a held key from firing WM_HOTKEY again and again.
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
_WINDOWS_MODIFIERS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}

# Named keys: (Windows virtual-key code, X11 keysym name). Letters and digits are handled by rule.
_NAMED_KEYS: dict[str, tuple[int, str]] = {
    "space": (0x20, "space"), "tab": (0x09, "Tab"), "enter": (0x0D, "Return"), "return": (0x0D, "Return"),
    "esc": (0x1B, "Escape"), "escape": (0x1B, "Escape"), "backspace": (0x08, "BackSpace"),
    "insert": (0x2D, "Insert"), "ins": (0x2D, "Insert"), "delete": (0x2E, "Delete"), "del": (0x2E, "Delete"),
    "home": (0x24, "Home"), "end": (0x23, "End"), "pgup": (0x21, "Prior"), "pageup": (0x21, "Prior"),
    "pgdown": (0x22, "Next"), "pagedown": (0x22, "Next"),
    "left": (0x25, "Left"), "up": (0x26, "Up"), "right": (0x27, "Right"), "down": (0x28, "Down"),
    "`": (0xC0, "grave"), "-": (0xBD, "minus"), "=": (0xBB, "equal"), "[": (0xDB, "bracketleft"),
    "]": (0xDD, "bracketright"), ";": (0xBA, "semicolon"), "'": (0xDE, "apostrophe"), ",": (0xBC, "comma"),
    ".": (0xBE, "period"), "/": (0xBF, "slash"), "\\": (0xDC, "backslash"),
}


class KeySequenceError(ValueError):
    """A key sequence the hotkey backends cannot register; `text` says why, for the UI to translate."""

    def __init__(self, source: str, *fields: str) -> None:
        self.text = hotkey_text(source, *fields)
        super().__init__(str(self.text))


HOTKEY_TAKEN = QT_TRANSLATE_NOOP("Hotkeys", "热键“%1”已被其他程序占用，请换一个")


def hotkey_text(source: str, *fields: str) -> UiText:
    """A sentence about hotkeys (source marked with QT_TRANSLATE_NOOP("Hotkeys", …)) for the UI to translate."""
    return UiText("Hotkeys", source, fields)


@dataclass(frozen=True)
class KeyChord:
    """One global hotkey: at least one modifier plus one key (lower-case name: "1", "q", "f2", "space")."""

    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        names = [m.capitalize() for m in MODIFIER_ORDER if m in self.modifiers]
        return "+".join([*names, self.key.upper() if len(self.key) == 1 else self.key.capitalize()])


def parse_chord(sequence: str) -> KeyChord:
    """"Alt+1" → KeyChord({"alt"}, "1"). A global hotkey without a modifier would eat normal typing: refused."""
    # "+" itself cannot be a key here; "Ctrl++" is not a sequence anyone should bind.
    parts = [part.strip().lower() for part in sequence.split("+")]
    if not sequence.strip() or any(not part for part in parts):
        raise KeySequenceError(QT_TRANSLATE_NOOP("Hotkeys", "无法识别的热键：“%1”"), sequence)
    *modifier_parts, key = parts
    modifiers = set()
    for part in modifier_parts:
        if part not in MODIFIER_NAMES:
            raise KeySequenceError(QT_TRANSLATE_NOOP("Hotkeys", "无法识别的修饰键“%1”（热键“%2”）"), part, sequence)
        modifiers.add(MODIFIER_NAMES[part])
    if key in MODIFIER_NAMES:
        raise KeySequenceError(QT_TRANSLATE_NOOP("Hotkeys", "热键“%1”缺少普通按键"), sequence)
    if not modifiers:
        raise KeySequenceError(
            QT_TRANSLATE_NOOP("Hotkeys", "热键“%1”需要至少一个修饰键（Ctrl、Alt、Shift 或 Win）"), sequence)
    if not (_is_plain_key(key) or _function_key_number(key) or key in _NAMED_KEYS):
        raise KeySequenceError(QT_TRANSLATE_NOOP("Hotkeys", "无法识别的按键“%1”（热键“%2”）"), key, sequence)
    return KeyChord(frozenset(modifiers), key)


def to_windows(chord: KeyChord) -> tuple[int, int]:
    """(fsModifiers including MOD_NOREPEAT, virtual-key code) for RegisterHotKey."""
    flags = MOD_NOREPEAT
    for modifier in chord.modifiers:
        flags |= _WINDOWS_MODIFIERS[modifier]
    key = chord.key
    if _is_plain_key(key):
        return flags, ord(key.upper())  # VK_0..VK_9 and VK_A..VK_Z equal their ASCII codes
    if number := _function_key_number(key):
        return flags, 0x70 + number - 1  # VK_F1 = 0x70
    return flags, _NAMED_KEYS[key][0]


def to_x11(chord: KeyChord) -> tuple[frozenset[str], str]:
    """(modifiers, keysym name) for XGrabKey: ({"alt"}, "1"), ({"ctrl"}, "F2"), ({"alt"}, "Prior")."""
    key = chord.key
    if _is_plain_key(key):
        return chord.modifiers, key
    if _function_key_number(key):
        return chord.modifiers, key.upper()
    return chord.modifiers, _NAMED_KEYS[key][1]


def bindings_from_settings(get: Callable[[str], Any]) -> dict[str, str]:
    """Action → key sequence from the settings: show, search, and pick:1..pick:9 from the pick prefix.

    An empty setting leaves that action unbound.
    """
    bindings = {"show": str(get("hotkey_show")).strip(), "search": str(get("hotkey_search")).strip()}
    prefix = str(get("hotkey_pick_prefix")).strip().rstrip("+")
    if prefix:
        bindings.update({f"pick:{n}": f"{prefix}+{n}" for n in range(1, 10)})
    return {action: sequence for action, sequence in bindings.items() if sequence}


def _is_plain_key(key: str) -> bool:
    return len(key) == 1 and key.isascii() and key.isalnum()


def _function_key_number(key: str) -> int:
    if len(key) > 1 and key[0] == "f" and key[1:].isdigit() and 1 <= int(key[1:]) <= 24:
        return int(key[1:])
    return 0
