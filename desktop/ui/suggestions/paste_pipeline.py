"""From a chosen reply to text in the chat client: ask first when it holds a sensitive word, give the focus
back when we had borrowed it, paste once the chat window can take keystrokes, say what happened, and let
the engine learn the pick."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

from desktop.platform.focus import FocusReturn
from desktop.platform.interfaces import PasteOutcome, Paster, PasteRequest
from desktop.ui.widgets import confirm

if TYPE_CHECKING:
    from desktop.core.phrases import Phrase
    from desktop.services.library import Library
    from desktop.ui.runtime.qsettings_bridge import SettingsBridge
    from desktop.ui.runtime.tasks import Runner
    from desktop.ui.shell.overlay_window import OverlayWindow
    from desktop.ui.suggestions.search_mode import SearchMode

log = logging.getLogger(__name__)

HINT_MS = 4000
# After a search the chat client gets the focus back asynchronously (the window manager does it); paste
# once our window has lost the focus, or after this long at the latest.
FOCUS_RETURN_MS = 400
FOCUS_SETTLE_MS = 120
# Then, while the window given the focus back cannot take keystrokes yet (FocusReturn.target_ready), check
# again every FOCUS_POLL_MS, for FOCUS_READY_CAP_MS at most: a Ctrl+V sent before it is ready is lost.
FOCUS_POLL_MS = 20
FOCUS_READY_CAP_MS = 1500


class PastePipeline(QObject):
    def __init__(self, window: OverlayWindow, settings: SettingsBridge, runner: Runner, paster: Paster,
                 focus: FocusReturn, search: SearchMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.settings = settings
        self.runner = runner
        self.paster = paster
        self.focus = focus
        self.search = search
        # Replaceable in tests: the question asked before a risky paste.
        self.confirm_sensitive: Callable[[Any, list[str]], bool] = confirm.ask_paste_sensitive
        self._pending: PasteRequest | None = None
        self._focus_polls_left = 0

        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(HINT_MS)
        self._hint_timer.timeout.connect(self._on_hint_timer_timeout)
        self._focus_timer = QTimer(self)
        self._focus_timer.setSingleShot(True)
        self._focus_timer.setInterval(FOCUS_RETURN_MS)
        self._focus_timer.timeout.connect(self._flush_pending)
        paster.pasted.connect(self._on_paster_pasted)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_app_focus_window_changed)

    def paste(self, text: str, spans: list[tuple[int, int]]) -> bool:
        """Paste `text` (its sensitive words at `spans`), asking first when there are any. False when the
        agent cancelled."""
        took_focus = self.search.active  # searching, or a question below, moved the focus to us
        if spans:
            if not took_focus:
                self.focus.remember()
                took_focus = True
            if not self.confirm_sensitive(self.window, [text[start:end] for start, end in spans]):
                if not self.search.active:
                    self.focus.restore()
                return False
        if self.search.active:
            self.search.end(restore_focus=True)
        elif took_focus:
            self.focus.restore()
        request = PasteRequest(text, restore_clipboard=self.settings.get("restore_clipboard"))
        if took_focus:
            self._paste_after_focus_returns(request)
        else:
            self.paster.paste(request)
        return True

    def learn(self, library: Library | None, message: str, phrase: Phrase) -> None:
        """The agent picked `phrase` for `message`: the engine learns it now, the store on the DB worker."""
        features = library.engine.learn(message, phrase.id) if library and message else []
        phrase_id = phrase.id
        self.runner.db(lambda services: services.phrases.record_use(phrase_id, features), owner=self)

    def show_hint(self, text: str) -> None:
        """A short line beside the status (已粘贴, 已提交给主管审核) that clears itself after a few seconds."""
        self.window.show_hint(text)
        self._hint_timer.start()

    def _paste_after_focus_returns(self, request: PasteRequest) -> None:
        """Paste once the chat client has the focus again (the window manager gives it back asynchronously).

        While one of our windows still has the focus we wait for it to lose it (or FOCUS_RETURN_MS at
        most); when none has, the hand-back is already under way and FOCUS_SETTLE_MS lets it land.
        """
        self._pending = request
        self._focus_polls_left = FOCUS_READY_CAP_MS // FOCUS_POLL_MS
        self._focus_timer.start(FOCUS_SETTLE_MS if QGuiApplication.focusWindow() is None else FOCUS_RETURN_MS)

    def _on_app_focus_window_changed(self, window: QWindow | None) -> None:
        if self._pending is not None and window is None:  # another application has the focus now
            self._flush_pending()

    def _flush_pending(self) -> None:
        if self._pending is None:
            return
        log.debug("paste after the focus hand-back: our focus window %s", QGuiApplication.focusWindow())
        if not self.focus.target_ready():
            if self._focus_polls_left > 0:
                self._focus_polls_left -= 1
                self._focus_timer.start(FOCUS_POLL_MS)
                return
            log.info("the chat window was not ready for input after %d ms; pasting anyway", FOCUS_READY_CAP_MS)
        self._focus_timer.stop()
        request, self._pending = self._pending, None
        self.paster.paste(request)

    def _on_paster_pasted(self, outcome: object) -> None:
        if outcome == PasteOutcome.COPIED:
            self.show_hint(self.tr("已复制，在聊天窗口按 Ctrl+V 粘贴"))
        else:
            self.show_hint(self.tr("已粘贴，检查后按 Enter 发送"))

    def _on_hint_timer_timeout(self) -> None:
        self.window.show_hint("")
