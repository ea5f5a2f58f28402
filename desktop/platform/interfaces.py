"""The small interfaces between Kuaida and the operating system.

Each has a real adapter per OS, a Null fallback where the OS cannot do it, and a fake for tests
(`desktop/testing/fakes.py`). `desktop/platform/factory.py` picks one and falls back to Null with a
logged reason, never a crash. Callbacks from other threads (hotkey listeners) only emit these signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal

from desktop.core.ui_text import UiText


class ClipboardWatcher(QObject):
    """Watches the clipboard by event and reports text that could be a buyer message.

    It ignores its own writes, non-text, text over the size limit, and content marked secret or
    "not for clipboard monitors" (password managers). It never logs the text.
    """

    message_copied = Signal(str)
    paused_changed = Signal(bool)

    def set_paused(self, paused: bool) -> None:
        raise NotImplementedError

    def is_paused(self) -> bool:
        raise NotImplementedError

    def write(self, text: str) -> None:
        """Put a reply on the clipboard, marked as ours and as excluded from clipboard history."""
        raise NotImplementedError

    def snapshot(self) -> object:
        """The current clipboard content, opaque, so `restore` can put it back after a paste."""
        raise NotImplementedError

    def restore(self, snapshot: object) -> None:
        raise NotImplementedError


class HotkeyAction(Enum):
    SHOW = "show"  # show or hide the window
    SEARCH = "search"  # type a search
    PICK = "pick"  # paste reply number 1–9


def parse_binding(name: str) -> tuple[HotkeyAction, int]:
    """A binding's name ("show", "search", "pick:1" … "pick:9", as in `bindings_from_settings`) as the
    action and its number (0 for the actions without one)."""
    action, _, number = name.partition(":")
    return HotkeyAction(action), int(number) if number.isdigit() else 0


class HotkeyService(QObject):
    """Global hotkeys. `hotkey_pressed(HotkeyAction, number)`: the number is 1–9 for PICK, else 0.
    `bindings_changed(errors)` after every `bind`, with binding name → error (empty when all took)."""

    hotkey_pressed = Signal(object, int)
    bindings_changed = Signal(dict)

    def bind(self, bindings: dict[str, str]) -> dict[str, UiText]:
        """Register binding name → key sequence ("pick:1" → "Alt+1"); replaces earlier bindings. Returns
        name → why not (for the UI to translate), and says so in `bindings_changed`."""
        errors = self._bind(bindings)
        self.bindings_changed.emit(dict(errors))
        return errors

    def _bind(self, bindings: dict[str, str]) -> dict[str, UiText]:
        raise NotImplementedError

    def _emit_pressed(self, binding: str) -> None:
        """May run on a listener thread: it only emits; Qt queues the signal to the GUI thread."""
        self.hotkey_pressed.emit(*parse_binding(binding))

    def unavailable_reason(self) -> UiText | None:
        """None when global hotkeys work here; otherwise a short sentence for the UI to translate."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class PasteOutcome(Enum):
    PASTED = "pasted"  # on the clipboard and pasted into the focused window
    COPIED = "copied"  # only on the clipboard: the UI shows "已复制"


@dataclass(frozen=True)
class PasteRequest:
    text: str
    restore_clipboard: bool = False


class Paster(QObject):
    """Puts a reply into the chat client's input box: clipboard + Ctrl+V into the focused window."""

    pasted = Signal(object)  # PasteOutcome, once the paste has been sent (may be after modifiers are released)

    def paste(self, request: PasteRequest) -> None:
        raise NotImplementedError

    def mask_menu_key(self) -> None:
        """A hotkey that pastes nothing (show, search) was pressed: keep the release of its Alt from opening the
        menu bar of the window that has the focus (Windows). Nothing where there is no such thing."""


class Notifier(QObject):
    """Desktop notifications (reminder nudges); clicking one emits `activated` with its key."""

    activated = Signal(str)

    def notify(self, key: str, title: str, body: str) -> None:
        raise NotImplementedError
