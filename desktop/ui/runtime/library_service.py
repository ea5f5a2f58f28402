"""The one owner of "the library the window suggests from": everything that changes it goes through here.

Sync applying a new team library, the agent's phrase imports, a store restored from a backup, the lead
publishing from the editor and the agent's own phrase edits all end in `reload()` or `apply()`; whoever
shows suggestions listens to `changed`. The library is built on the DB worker (`load_library`), never on the
UI thread, and replaced wholesale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance

if TYPE_CHECKING:
    from desktop.services.context import Services
    from desktop.services.library import Library
    from desktop.ui.runtime.qsettings_bridge import SettingsBridge
    from desktop.ui.runtime.tasks import Runner

LIBRARY_KEYS = ("keep_bundled_phrases",)  # settings that change which phrases are suggested


@dataclass(frozen=True)
class Loading:
    """No library yet; the first one is being built (正在加载短语库…)."""


@dataclass(frozen=True)
class Failed:
    """No library could be built (the store did not open); `error` says why."""

    error: BaseException


@dataclass(frozen=True)
class Ready:
    library: Library


LibraryState = Loading | Failed | Ready


class LibraryService(QObject):
    """Signals: `changed(Library)` whenever a new library is in place; `failed(error)` when a load or a
    change did not go through (a library already loaded stays, and the state stays `Ready`);
    `state_changed(LibraryState)` on every change of `state`."""

    changed = Signal(object)  # Library
    failed = Signal(object)  # BaseException
    state_changed = Signal(object)  # LibraryState

    def __init__(self, runner: Runner, settings: SettingsBridge | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._state: LibraryState = Loading()
        if settings is not None:
            settings.changed.connect(self._on_settings_changed)

    @property
    def state(self) -> LibraryState:
        return self._state

    @property
    def library(self) -> Library | None:
        return self._state.library if isinstance(self._state, Ready) else None

    def reload(self, *_signal_args: object) -> None:
        """Build the library again from the store (extra arguments let any signal trigger it)."""
        from desktop.services.library import load_library  # the engine loads on the worker, after the first paint

        if not isinstance(self._state, Ready):
            self._set_state(Loading())
        self._runner.db(load_library, self.set_library, self._on_failed, owner=self)

    def reload_when(self, *signals: SignalInstance) -> None:
        """Each of `signals` means the store's phrases changed behind the window's back: rebuild then."""
        for signal in signals:
            signal.connect(self.reload)

    def apply(self, change: Callable[[Services], object]) -> None:
        """A change to the phrases (save, delete, hide…) on the DB worker, then the library rebuilt."""
        from desktop.services.library import then_reload

        self._runner.db(then_reload(change), self.set_library, self._on_failed, owner=self)

    def set_library(self, library: Library) -> None:
        """Put `library` in place (what a load delivers; tests hand one in directly)."""
        self._set_state(Ready(library))
        self.changed.emit(library)

    def _on_settings_changed(self, key: str, _value: object) -> None:
        if key in LIBRARY_KEYS:
            self.reload()

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(self._state, Ready):
            self._set_state(Failed(error))
        self.failed.emit(error)

    def _set_state(self, state: LibraryState) -> None:
        self._state = state
        self.state_changed.emit(state)
