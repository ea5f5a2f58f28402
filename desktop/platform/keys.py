"""Key sequences as the settings spell them ("Alt+1", "Ctrl+Shift+F2") and what each OS backend needs.

Pure parsing, no Qt, so it is tested on every OS: Windows wants (modifier flags, virtual-key code) for
RegisterHotKey, pynput wants "<alt>+1".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MODIFIER_NAMES = {
    "alt": "alt", "ctrl": "ctrl", "control": "ctrl", "shift": "shift",
    "win": "meta", "meta": "meta", "super": "meta", "cmd": "meta",
}
MODIFIER_ORDER = ("ctrl", "alt", "shift", "meta")

# RegisterHotKey's fsModifiers; MOD_NOREPEAT stops a held key from firing WM_HOTKEY again and again.
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
_WINDOWS_MODIFIERS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}

# Named keys: (Windows virtual-key code, pynput name). Letters and digits are handled by rule.
_NAMED_KEYS: dict[str, tuple[int, str]] = {
    "space": (0x20, "<space>"), "tab": (0x09, "<tab>"), "enter": (0x0D, "<enter>"), "return": (0x0D, "<enter>"),
    "esc": (0x1B, "<esc>"), "escape": (0x1B, "<esc>"), "backspace": (0x08, "<backspace>"),
    "insert": (0x2D, "<insert>"), "ins": (0x2D, "<insert>"), "delete": (0x2E, "<delete>"), "del": (0x2E, "<delete>"),
    "home": (0x24, "<home>"), "end": (0x23, "<end>"), "pgup": (0x21, "<page_up>"), "pageup": (0x21, "<page_up>"),
    "pgdown": (0x22, "<page_down>"), "pagedown": (0x22, "<page_down>"),
    "left": (0x25, "<left>"), "up": (0x26, "<up>"), "right": (0x27, "<right>"), "down": (0x28, "<down>"),
    "`": (0xC0, "`"), "-": (0xBD, "-"), "=": (0xBB, "="), "[": (0xDB, "["), "]": (0xDD, "]"),
    ";": (0xBA, ";"), "'": (0xDE, "'"), ",": (0xBC, ","), ".": (0xBE, "."), "/": (0xBF, "/"), "\\": (0xDC, "\\"),
}


class KeySequenceError(ValueError):
    """A key sequence the hotkey backends cannot register; the message is Chinese, for the UI."""


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
        raise KeySequenceError(f"无法识别的热键：“{sequence}”")
    *modifier_parts, key = parts
    modifiers = set()
    for part in modifier_parts:
        if part not in MODIFIER_NAMES:
            raise KeySequenceError(f"无法识别的修饰键“{part}”（热键“{sequence}”）")
        modifiers.add(MODIFIER_NAMES[part])
    if key in MODIFIER_NAMES:
        raise KeySequenceError(f"热键“{sequence}”缺少普通按键")
    if not modifiers:
        raise KeySequenceError(f"热键“{sequence}”需要至少一个修饰键（Ctrl、Alt、Shift 或 Win）")
    if not (_is_plain_key(key) or _function_key_number(key) or key in _NAMED_KEYS):
        raise KeySequenceError(f"无法识别的按键“{key}”（热键“{sequence}”）")
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


def to_pynput(chord: KeyChord) -> str:
    """The hotkey in pynput's GlobalHotKeys syntax: "<ctrl>+<alt>+1"."""
    modifiers = [f"<{'cmd' if m == 'meta' else m}>" for m in MODIFIER_ORDER if m in chord.modifiers]
    key = chord.key
    if _is_plain_key(key):
        name = key
    elif _function_key_number(key):
        name = f"<{key}>"
    else:
        name = _NAMED_KEYS[key][1]
    return "+".join([*modifiers, name])


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
