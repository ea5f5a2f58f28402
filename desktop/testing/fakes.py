"""Fakes of the OS interfaces for tests: each records what it was asked and emits on demand, synchronously."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktop.core.ui_text import UiText
from desktop.platform.focus import FocusReturn
from desktop.platform.interfaces import (
    ClipboardWatcher,
    HotkeyService,
    Notifier,
    PasteOutcome,
    Paster,
    PasteRequest,
)


class FakeClipboardWatcher(ClipboardWatcher):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writes: list[str] = []
        self.content = ""
        self.restored: list[object] = []
        self._paused = False

    def copy(self, text: str) -> None:
        """Another app copied `text`: emits message_copied unless paused."""
        self.content = text
        if not self._paused:
            self.message_copied.emit(text)

    def set_paused(self, paused: bool) -> None:
        if paused != self._paused:
            self._paused = paused
            self.paused_changed.emit(paused)

    def is_paused(self) -> bool:
        return self._paused

    def write(self, text: str) -> None:
        self.writes.append(text)
        self.content = text

    def snapshot(self) -> object:
        return self.content

    def restore(self, snapshot: object) -> None:
        self.restored.append(snapshot)
        self.content = str(snapshot)


class FakeHotkeys(HotkeyService):
    def __init__(self, errors: dict[str, str] | None = None, reason: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bindings: dict[str, str] = {}
        # action → error that `bind` reports for it; plain strings as the UI shows them (untranslated)
        self.errors = {action: UiText("Hotkeys", error) for action, error in (errors or {}).items()}
        self.reason = UiText("Hotkeys", reason) if reason is not None else None
        self.closed = False

    def press(self, binding: str) -> None:
        """The agent pressed the hotkey bound to `binding` ("pick:2"; bound or not: tests decide)."""
        self._emit_pressed(binding)

    def _bind(self, bindings: dict[str, str]) -> dict[str, UiText]:
        self.bindings = {a: s for a, s in bindings.items() if a not in self.errors}
        return {a: e for a, e in self.errors.items() if a in bindings}

    def unavailable_reason(self) -> UiText | None:
        return self.reason

    def close(self) -> None:
        self.closed = True


class FakePaster(Paster):
    def __init__(self, outcome: PasteOutcome = PasteOutcome.PASTED, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requests: list[PasteRequest] = []
        self.outcome = outcome
        self.menu_key_masks = 0

    @property
    def texts(self) -> list[str]:
        return [request.text for request in self.requests]

    def paste(self, request: PasteRequest) -> None:
        self.requests.append(request)
        self.pasted.emit(self.outcome)

    def mask_menu_key(self) -> None:
        self.menu_key_masks += 1


@dataclass(frozen=True)
class Notification:
    key: str
    title: str
    body: str


class FakeNotifier(Notifier):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifications: list[Notification] = []

    def notify(self, key: str, title: str, body: str) -> None:
        self.notifications.append(Notification(key, title, body))

    def click(self, key: str) -> None:
        """The agent clicked the notification with `key`."""
        self.activated.emit(key)


class FakeFocusReturn(FocusReturn):
    """Records remember/restore; `not_ready_checks` makes the chat client slow to take the focus back."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.not_ready_checks = 0  # how many readiness checks answer "not yet" (a slow chat client)
        self.readiness_checks = 0

    def remember(self) -> None:
        self.calls.append("remember")

    def restore(self) -> None:
        self.calls.append("restore")

    def target_ready(self) -> bool:
        self.readiness_checks += 1
        return self.readiness_checks > self.not_ready_checks
