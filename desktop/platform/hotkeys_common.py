"""What every real hotkey backend does before registering: parse each binding, refuse duplicates, per action."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop.platform.keys import KeyChord, KeySequenceError, parse_chord

Native = TypeVar("Native")


def prepare_bindings(
    bindings: dict[str, str], convert: Callable[[KeyChord], Native]
) -> tuple[dict[str, Native], dict[str, str]]:
    """action → backend-specific key, and action → Chinese error for those that cannot be registered."""
    prepared: dict[str, Native] = {}
    errors: dict[str, str] = {}
    owner_of: dict[Native, str] = {}
    for action, sequence in bindings.items():
        try:
            native = convert(parse_chord(sequence))
        except KeySequenceError as error:
            errors[action] = str(error)
            continue
        if native in owner_of:
            errors[action] = f"热键“{sequence}”已用于“{owner_of[native]}”"
            continue
        owner_of[native] = action
        prepared[action] = native
    return prepared, errors
