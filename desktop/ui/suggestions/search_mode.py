"""Typed search in the overlay: it borrows the keyboard focus while the agent types and gives it back after,
and runs each query on the compute worker, never on the UI thread."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from desktop.platform.focus import FocusReturn
from desktop.services.values import RenderValues
from desktop.ui.suggestions.empty_state import EmptyKind
from desktop.ui.suggestions.reply_model import ReplyListModel

if TYPE_CHECKING:
    from desktop.core.phrases import Phrase
    from desktop.ui.runtime.library_service import LibraryService
    from desktop.ui.runtime.tasks import Runner
    from desktop.ui.shell.overlay_window import OverlayWindow

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50


class SearchMode(QObject):
    """`active` while the agent searches. `suggestions_wanted` when the list should show the suggestions
    again (the query was emptied or the search ended)."""

    suggestions_wanted = Signal()

    def __init__(self, window: OverlayWindow, runner: Runner, library: LibraryService, focus: FocusReturn,
                 values: RenderValues, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.panel = window.suggestions
        self.runner = runner
        self.library = library
        self.focus = focus
        self.active = False
        # Only the engine's hits (at most SEARCH_LIMIT), not the library behind a filter: a proxy over the
        # whole library called Python once per phrase on every keystroke (0.45 s at 50,000, 22 s at 1,000,000).
        self.model = ReplyListModel(values, parent=self)
        self._wanted_query = ""
        self._running = False

    def begin(self) -> None:
        """Borrow the keyboard focus for typing a query; `end` gives it back."""
        if not self.window.isVisible():
            self.window.show()
        if not self.active:
            self.focus.remember()
            self.active = True
            self.window.allow_focus(True)
        self.panel.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.panel.search_box.selectAll()
        self.query_changed(self.panel.search_box.text())

    def end(self, restore_focus: bool = True) -> None:
        if not self.active:
            return
        self.active = False
        self.panel.search_box.clear()
        self.panel.search_box.clearFocus()
        self.window.allow_focus(False)
        if restore_focus:
            self.focus.restore()
        self.suggestions_wanted.emit()

    def rerun(self) -> None:
        """The library changed under a search on screen: run its query again."""
        self.query_changed(self.panel.search_box.text())

    def query_changed(self, query: str) -> None:
        if not self.active:
            self.begin()
            return
        if not query.strip():
            self._wanted_query = ""
            self.suggestions_wanted.emit()
            return
        self._wanted_query = query
        if not self._running:
            self._run(query)

    def _run(self, query: str) -> None:
        """On the runner's compute worker: a frequent word in a 200,000-phrase library takes the engine
        ~0.5 s. One search at a time; keystrokes meanwhile only change which query runs next."""
        library = self.library.library
        self._running = True
        self.runner.compute(lambda: library.search(query, limit=SEARCH_LIMIT) if library else [],
                            lambda hits: self._on_done(query, hits), self._on_failed, owner=self)

    def _on_done(self, query: str, hits: list[Phrase]) -> None:
        self._running = False
        if not self.active or not self._wanted_query.strip():
            return
        if self._wanted_query != query:
            self._run(self._wanted_query)  # the agent typed on: only the latest query counts
            return
        library = self.library.library
        self.model.set_phrases(hits, library.hidden_ids if library else frozenset())
        self.panel.show_model(self.model, EmptyKind.NO_HITS, query.strip())

    def _on_failed(self, error: BaseException) -> None:
        self._running = False
        log.error("search failed: %s", type(error).__name__)
