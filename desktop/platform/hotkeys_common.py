"""What every real hotkey backend does before registering: parse each binding, refuse duplicates, per action."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText
from desktop.platform.keys import KeyChord, KeySequenceError, hotkey_text, parse_chord

Native = TypeVar("Native")


def prepare_bindings(
    bindings: dict[str, str], convert: Callable[[KeyChord], Native]
) -> tuple[dict[str, Native], dict[str, UiText]]:
    """action → backend-specific key, and action → why not (for the UI to translate) for those that cannot be
    registered."""
    prepared: dict[str, Native] = {}
    errors: dict[str, UiText] = {}
    owner_of: dict[Native, str] = {}
    for action, sequence in bindings.items():
        try:
            native = convert(parse_chord(sequence))
        except KeySequenceError as error:
            errors[action] = error.text
            continue
        if native in owner_of:
            errors[action] = hotkey_text(QT_TRANSLATE_NOOP("Hotkeys", "热键“%1”已用于“%2”"), sequence, owner_of[native])
            continue
        owner_of[native] = action
        prepared[action] = native
    return prepared, errors
