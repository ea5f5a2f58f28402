"""The overlay's behaviour: copied message → suggestions, choice → paste and learn, search, quick add.

It wires the window to the services it is given (settings, task runner, clipboard watcher, paster,
hotkeys, focus hand-back); it creates none of them. The engine arrives from the DB worker as a `Library`
and is replaced wholesale whenever the phrases change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

from desktop.core.chat_block import CopiedMessage, read_copied
from desktop.core.phrases import Phrase, intent_ids
from desktop.core.templates import render
from desktop.platform.focus import FocusReturn
from desktop.platform.interfaces import ClipboardWatcher, HotkeyService, PasteOutcome, Paster, PasteRequest
from desktop.services.library import Library, load_library, then_reload
from desktop.store.database import NewerStoreError, StoreError
from desktop.store.team import TeamRepository
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell.overlay_window import OverlayWindow
from desktop.ui.suggestions.empty_state import EmptyKind
from desktop.ui.suggestions.phrase_dialog import PhraseDialog
from desktop.ui.suggestions.reply_model import MAX_NUMBERED, ReplyListModel
from desktop.ui.widgets import confirm

if TYPE_CHECKING:
    from desktop.services.context import Services
    from desktop.ui.suggestions.guard_hooks import GuardHooks

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50
HINT_MS = 4000
# After a search the chat client gets the focus back asynchronously (the window manager does it); paste
# once our window has lost the focus, or after this long at the latest.
FOCUS_RETURN_MS = 400
FOCUS_SETTLE_MS = 120
# Then, while the window given the focus back cannot take keystrokes yet (FocusReturn.target_ready), check
# again every FOCUS_POLL_MS, for FOCUS_READY_CAP_MS at most: a Ctrl+V sent before it is ready is lost.
FOCUS_POLL_MS = 20
FOCUS_READY_CAP_MS = 1500
TEMPLATE_KEYS = ("agent_name", "shop_name", "campaign")
LIBRARY_KEYS = ("keep_bundled_phrases",)  # change which phrases are suggested: the engine is rebuilt
HOTKEY_KEYS = ("hotkey_search", "hotkey_pick_prefix")


class OverlayController(QObject):
    reply_chosen = Signal(object)  # the Phrase the agent picked, after the paste was requested
    library_loaded = Signal()
    settings_requested = Signal()
    proposal_requested = Signal(object, str)  # a personal Phrase to offer the team, the agent's note

    def __init__(self, window: OverlayWindow, settings: SettingsBridge, runner: Any, clipboard: ClipboardWatcher,
                 paster: Paster, hotkeys: HotkeyService, *, focus: FocusReturn | None = None,
                 hotkey_errors: dict[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.panel = window.suggestions
        self.settings = settings
        self.runner = runner
        self.clipboard = clipboard
        self.paster = paster
        self.hotkeys = hotkeys
        self.focus = focus or FocusReturn()
        self.hotkey_errors = dict(hotkey_errors or {})
        # Replaceable in tests: the questions asked before a risky paste or a delete.
        self.confirm_sensitive: Callable[[Any, list[str]], bool] = confirm.ask_paste_sensitive
        self.confirm_delete: Callable[[Any], bool] = confirm.ask_delete_phrase
        self.ask_proposal_note: Callable[[Any], str | None] = confirm.ask_proposal_note
        self.edit_phrase: Callable[[Phrase | None, str], Phrase | None] = self._run_phrase_dialog
        self.write_phrase_for: Callable[[str], tuple[Phrase, str] | None] = self._run_question_dialog

        self.library: Library | None = None
        self.guard: GuardHooks | None = None  # the service guard (guard_hooks.py), attached by the app
        self.copied = ""  # the last copied text as copied (＋ 新建 saves it); never logged
        self.message = ""  # what is answered: the buyer's question read from it (chat_block); shown elided
        self.buyer = ""  # the buyer's nick when the copy was a block from the chat client, else ""
        self.searching = False
        self._load_failed = False  # the library could not be loaded (the store did not open)
        self._load_problem: tuple[str, str] | None = None  # (status line, its tooltip) while that lasts
        self._pending_paste: PasteRequest | None = None
        self._focus_polls_left = 0

        self.suggestion_model = ReplyListModel(self._render, parent=self)
        # Only the engine's hits (at most SEARCH_LIMIT), not the library behind a filter: a proxy over the
        # whole library called Python once per phrase on every keystroke (0.45 s at 50,000, 22 s at 1,000,000).
        self.search_model = ReplyListModel(self._render, parent=self)
        self._wanted_query = ""
        self._search_running = False

        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(HINT_MS)
        self._hint_timer.timeout.connect(self._on_hint_timer_timeout)
        self._focus_timer = QTimer(self)
        self._focus_timer.setSingleShot(True)
        self._focus_timer.setInterval(FOCUS_RETURN_MS)
        self._focus_timer.timeout.connect(self._flush_pending_paste)

        clipboard.message_copied.connect(self._on_clipboard_message_copied)
        clipboard.paused_changed.connect(self._on_clipboard_paused_changed)
        paster.pasted.connect(self._on_paster_pasted)
        hotkeys.hotkey_pressed.connect(self._on_hotkeys_hotkey_pressed)
        settings.changed.connect(self._on_settings_changed)
        self.panel.row_clicked.connect(self.choose_row)
        self.panel.search_focus_requested.connect(self.begin_search)
        self.panel.search_cancel_requested.connect(self.end_search)
        self.panel.search_accept_requested.connect(self._on_panel_search_accept_requested)
        self.panel.query_changed.connect(self._on_panel_query_changed)
        self.panel.add_phrase_requested.connect(self.add_phrase)
        self.panel.add_for_miss_requested.connect(self._on_panel_add_for_miss_requested)
        self.panel.edit_phrase_requested.connect(self._on_panel_edit_phrase_requested)
        self.panel.delete_phrase_requested.connect(self._on_panel_delete_phrase_requested)
        self.panel.hide_phrase_requested.connect(self._on_panel_hide_phrase_requested)
        self.panel.unhide_phrase_requested.connect(self.unhide_phrase)
        self.panel.copy_phrase_requested.connect(self._on_panel_copy_phrase_requested)
        self.panel.propose_phrase_requested.connect(self._on_panel_propose_phrase_requested)
        window.pause_toggled.connect(self.set_paused)
        window.settings_requested.connect(self.settings_requested)
        QGuiApplication.instance().focusWindowChanged.connect(self._on_app_focus_window_changed)

        window.set_paused(clipboard.is_paused())
        self._update_hotkey_hints()
        self._update_status()
        self.panel.show_model(self.suggestion_model, EmptyKind.LOADING)

    # loading ---------------------------------------------------------------------------------------
    def load_library(self) -> None:
        """Open the library on the DB worker; until it arrives the list says 正在加载短语库…"""
        self._load_failed = False
        if self.library is None:
            self.panel.show_model(self.suggestion_model, EmptyKind.LOADING)
        self.runner.db(load_library, self.set_library, self._on_library_failed, owner=self)

    def set_library(self, library: Library) -> None:
        self.library = library
        if self._load_problem is not None:
            self._load_problem = None
            self._update_status()
        for model in (self.suggestion_model, self.search_model):
            model.set_renderer(self._render)  # today's campaign may have changed with the library
            model.set_sensitive_finder(library.find_sensitive)
        if self.searching:
            self._on_panel_query_changed(self.panel.search_box.text())
        else:
            self._show_suggestions()
        self.library_loaded.emit()

    def _on_library_failed(self, error: BaseException) -> None:
        """The status line says it in a few words (the full text is its tooltip; the app's StoreGuard explains
        a store that cannot be opened in a message box)."""
        if isinstance(error, NewerStoreError):
            short = self.tr("请升级快答：本地数据库来自更新的版本")
        elif isinstance(error, StoreError):
            short = self.tr("本地数据库无法打开")
        else:
            short = self.tr("短语库打开失败")
        if self.library is None:
            self._load_failed = True
            self._load_problem = (short, str(error))  # kept on the status line until a library loads
            self._update_status()
            if not self.searching:
                self.panel.show_model(self.suggestion_model, EmptyKind.UNAVAILABLE)
        else:  # a change could not be saved; the loaded library stays
            self.window.set_status(short, detail=str(error))

    # suggestions -----------------------------------------------------------------------------------
    def _on_clipboard_message_copied(self, text: str) -> None:
        if self.searching:  # copying happened in another window, which has the focus now
            self.end_search(restore_focus=False)
        self.copied = text
        read = read_copied(text, self._seller_names())
        self.message, self.buyer = read.question, read.buyer
        if self.guard is not None:
            self.guard.copied(read.buyer)
        self.panel.set_message(self._shown_message(read))
        self._show_suggestions()

    def _seller_names(self) -> tuple[str, ...]:
        names = (self.settings.get("agent_name"), self.settings.get("shop_name"))
        return tuple(str(name) for name in names if name)

    def _shown_message(self, read: CopiedMessage) -> str:
        """The message line (买家：…) shows what was read: from a copied block, the buyer's nick and question."""
        if not read.from_block:
            return read.question
        if not read.question:
            return self.tr("复制的记录里没有买家消息")
        return self.tr("【%1】%2").replace("%1", read.buyer).replace("%2", read.question)

    def _show_suggestions(self) -> None:
        if self.library is None:
            self.panel.show_model(self.suggestion_model, EmptyKind.UNAVAILABLE if self._load_failed
                                  else EmptyKind.LOADING)
            return
        suggestions = self.library.engine.suggest(self.message, top=MAX_NUMBERED) if self.message else []
        if self.guard is not None:  # guard rails, an apology after a late reply, greetings rotated
            suggestions = self.guard.arrange(suggestions, self.message)
        self.suggestion_model.set_suggestions(suggestions)
        if self.message and not suggestions:
            self._record_no_match()
        self.panel.show_model(self.suggestion_model, EmptyKind.NO_MATCH if self.message else EmptyKind.WAITING)

    def _record_no_match(self) -> None:
        """Count, per buyer intent the engine recognised (ids only, never text), a message nothing fitted:
        the team lead sees these in the shared usage stats and writes the missing phrases."""
        known = intent_ids()
        detected = [f for f in self.library.engine.features(self.message) if f in known] if self.library else []
        if detected:
            self.runner.db(lambda services: [TeamRepository(services.store.db).record_no_match(i) for i in detected],
                           owner=self)

    def _render(self, text: str) -> str:
        campaign = str(self.settings.get("campaign")) or (self.library.promotion if self.library else "")
        values = {"客服": self.settings.get("agent_name"), "店铺": self.settings.get("shop_name"), "活动": campaign}
        return render(text, values)

    def shown_model(self) -> QAbstractItemModel:
        return self.search_model if self.searching else self.suggestion_model

    # choosing --------------------------------------------------------------------------------------
    def choose_number(self, number: int) -> None:
        """Pick reply `number` (1–9) of the list now shown, as the hotkeys pick:1..pick:9 do.

        Nothing happens while the window is hidden: the agent cannot see what would be pasted.
        """
        count = min(MAX_NUMBERED, self.shown_model().rowCount())
        if self.window.isVisible() and self.panel.showing_list() and 1 <= number <= count:
            self.choose_row(number - 1)

    def choose_row(self, row: int) -> None:
        model = self.shown_model()
        if not 0 <= row < model.rowCount():
            return
        phrase: Phrase = self._phrase_at(model, row)
        if self.guard is not None and not self.guard.allow(phrase, self._rendered_at(model, row)):
            return  # a repeat to this buyer today: warned, the next variant offered; the same pick pastes
        if self._paste_checked(self._rendered_at(model, row), self._spans_at(model, row)):
            self._record_pick(phrase)
            self.reply_chosen.emit(phrase)

    def paste_text(self, text: str) -> bool:
        """Paste a reply made elsewhere (a 催付 text) exactly as a chosen suggestion is pasted, asking first
        when it holds a sensitive word. False when the agent cancelled."""
        finder = self.library.find_sensitive if self.library is not None else None
        spans = [(hit.start, hit.end) for hit in finder(text)] if finder is not None else []
        return self._paste_checked(text, spans)

    def _paste_checked(self, text: str, spans: list[tuple[int, int]]) -> bool:
        took_focus = self.searching  # searching, or a question below, moved the focus to us
        if spans:
            if not took_focus:
                self.focus.remember()
                took_focus = True
            if not self.confirm_sensitive(self.window, [text[start:end] for start, end in spans]):
                if not self.searching:
                    self.focus.restore()
                return False
        if self.searching:
            self.end_search(restore_focus=True)
        elif took_focus:
            self.focus.restore()
        request = PasteRequest(text, restore_clipboard=bool(self.settings.get("restore_clipboard")))
        if took_focus:
            self._paste_after_focus_returns(request)
        else:
            self.paster.paste(request)
        return True

    def _list_model(self, model: QAbstractItemModel) -> ReplyListModel:
        return self.search_model if model is self.search_model else self.suggestion_model

    def _phrase_at(self, model: QAbstractItemModel, row: int) -> Phrase:
        return self._list_model(model).phrase(row)

    def _rendered_at(self, model: QAbstractItemModel, row: int) -> str:
        return self._list_model(model).rendered_text(row)

    def _spans_at(self, model: QAbstractItemModel, row: int) -> list[tuple[int, int]]:
        return self._list_model(model).sensitive_spans(row)

    def _record_pick(self, phrase: Phrase) -> None:
        features = self.library.engine.learn(self.message, phrase.id) if self.library and self.message else []
        phrase_id = phrase.id
        self.runner.db(lambda services: services.phrases.record_use(phrase_id, features), owner=self)

    def _paste_after_focus_returns(self, request: PasteRequest) -> None:
        """Paste once the chat client has the focus again (the window manager gives it back asynchronously).

        While one of our windows still has the focus we wait for it to lose it (or FOCUS_RETURN_MS at
        most); when none has, the hand-back is already under way and FOCUS_SETTLE_MS lets it land.
        """
        self._pending_paste = request
        self._focus_polls_left = FOCUS_READY_CAP_MS // FOCUS_POLL_MS
        self._focus_timer.start(FOCUS_SETTLE_MS if QGuiApplication.focusWindow() is None else FOCUS_RETURN_MS)

    def _on_app_focus_window_changed(self, window: QWindow | None) -> None:
        if self._pending_paste is not None and window is None:  # another application has the focus now
            self._flush_pending_paste()

    def _flush_pending_paste(self) -> None:
        if self._pending_paste is None:
            return
        log.debug("paste after the focus hand-back: our focus window %s", QGuiApplication.focusWindow())
        if not self.focus.target_ready():
            if self._focus_polls_left > 0:
                self._focus_polls_left -= 1
                self._focus_timer.start(FOCUS_POLL_MS)
                return
            log.info("the chat window was not ready for input after %d ms; pasting anyway", FOCUS_READY_CAP_MS)
        self._focus_timer.stop()
        request, self._pending_paste = self._pending_paste, None
        self.paster.paste(request)

    def _on_paster_pasted(self, outcome: object) -> None:
        if outcome == PasteOutcome.COPIED:
            self.show_hint(self.tr("已复制，在聊天窗口按 Ctrl+V 粘贴"))
        else:
            self.show_hint(self.tr("已粘贴，检查后按 Enter 发送"))

    def show_hint(self, text: str) -> None:
        """A short line beside the status (已粘贴, 已提交给主管审核) that clears itself after a few seconds."""
        self.window.show_hint(text)
        self._hint_timer.start()

    def _on_hint_timer_timeout(self) -> None:
        self.window.show_hint("")

    # search ----------------------------------------------------------------------------------------
    def begin_search(self) -> None:
        """Borrow the keyboard focus for typing a query; `end_search` gives it back."""
        if not self.window.isVisible():
            self.window.show()
        if not self.searching:
            self.focus.remember()
            self.searching = True
            self.window.allow_focus(True)
        self.panel.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.panel.search_box.selectAll()
        self._on_panel_query_changed(self.panel.search_box.text())

    def end_search(self, restore_focus: bool = True) -> None:
        if not self.searching:
            return
        self.searching = False
        self.panel.search_box.clear()
        self.panel.search_box.clearFocus()
        self.window.allow_focus(False)
        if restore_focus:
            self.focus.restore()
        self._show_suggestions()

    def _on_panel_query_changed(self, query: str) -> None:
        if not self.searching:
            self.begin_search()
            return
        if not query.strip():
            self._wanted_query = ""
            self._show_suggestions()
            return
        self._wanted_query = query
        if not self._search_running:
            self._run_search(query)

    def _run_search(self, query: str) -> None:
        """On the runner's compute worker: a frequent word in a 200,000-phrase library takes the engine
        ~0.5 s. One search at a time; keystrokes meanwhile only change which query runs next."""
        library = self.library
        self._search_running = True
        self.runner.compute(lambda: library.search(query, limit=SEARCH_LIMIT) if library else [],
                            lambda hits: self._on_search_done(query, hits), self._on_search_failed, owner=self)

    def _on_search_done(self, query: str, hits: list[Phrase]) -> None:
        self._search_running = False
        if not self.searching or not self._wanted_query.strip():
            return
        if self._wanted_query != query:
            self._run_search(self._wanted_query)  # the agent typed on: only the latest query counts
            return
        self.search_model.set_phrases(hits, self.library.hidden_ids if self.library else frozenset())
        self.panel.show_model(self.search_model, EmptyKind.NO_HITS, query.strip())

    def _on_search_failed(self, error: BaseException) -> None:
        self._search_running = False
        log.error("search failed: %s", type(error).__name__)

    def _on_panel_search_accept_requested(self) -> None:
        if self.panel.showing_list():
            self.choose_row(max(self.panel.current_row(), 0))

    # hotkeys and pausing ---------------------------------------------------------------------------
    def _on_hotkeys_hotkey_pressed(self, action: str) -> None:
        if action in ("show", "search"):
            self.paster.mask_menu_key()  # a pick masks it when it pastes
        if action == "show":
            self.toggle_window()
        elif action == "search":
            self.begin_search()
        elif action.startswith("pick:") and action[5:].isdigit():
            self.choose_number(int(action[5:]))

    def toggle_window(self) -> None:
        if self.window.isVisible():
            self.end_search()
            self.window.hide()
        else:
            self.window.show()

    def set_paused(self, paused: bool) -> None:
        self.clipboard.set_paused(paused)

    def _on_clipboard_paused_changed(self, paused: bool) -> None:
        self.window.set_paused(paused)
        self._update_status()

    def _update_status(self) -> None:
        if self._load_problem is not None:
            self.window.set_status(*self._load_problem)
        elif self.clipboard.is_paused():
            self.window.set_status(self.tr("已暂停监听剪贴板"))
        elif reason := self.hotkeys.unavailable_reason():
            self.window.set_status(reason)
        elif self.hotkey_errors:
            self.window.set_status(self.tr("部分热键不可用，见设置"))
        else:
            prefix = str(self.settings.get("hotkey_pick_prefix")).rstrip("+")
            self.window.set_status(self.tr("%1+1…9 粘贴 · %2 搜索").replace("%1", prefix)
                                   .replace("%2", str(self.settings.get("hotkey_search"))))

    def set_hotkey_errors(self, errors: dict[str, str]) -> None:
        self.hotkey_errors = dict(errors)
        self._update_status()

    def _update_hotkey_hints(self) -> None:
        prefix = str(self.settings.get("hotkey_pick_prefix")).rstrip("+")
        self.panel.empty_state.set_hotkeys(str(self.settings.get("hotkey_search")), f"{prefix}+1")
        self.panel.search_box.setToolTip(str(self.settings.get("hotkey_search")))

    def _on_settings_changed(self, key: str, _value: object) -> None:
        if key in TEMPLATE_KEYS:
            for model in (self.suggestion_model, self.search_model):
                model.set_renderer(self._render)
            self.panel.list_view.scheduleDelayedItemsLayout()
        elif key in HOTKEY_KEYS:
            self._update_hotkey_hints()
            self._update_status()
        elif key == "language":  # the translator is already swapped (Appearance subscribed first)
            self._update_status()
        elif key in LIBRARY_KEYS:
            self.load_library()

    # quick add, edit, delete, hide -----------------------------------------------------------------
    def add_phrase(self) -> None:
        """＋ 新建: save the last copied text (usually the agent's own reply) as a personal phrase."""
        self._save_from_dialog(None, self.copied)

    def _on_panel_add_for_miss_requested(self) -> None:
        """新建短语… under 没有合适的短语: a phrase answering the buyer's message (under 没有找到, a search miss,
        it is ＋ 新建 as in the header)."""
        if self.message and not self.searching:
            self.add_phrase_for_message()
        else:
            self.add_phrase()

    def add_phrase_for_message(self) -> None:
        """The buyer's question becomes the new phrase's example question (the reply is left to write); once
        saved, the engine learns it as if the phrase had been picked for it, so the next copy of the same
        message puts the phrase first. Only the hashed features are stored, as for any pick."""
        self.end_search(restore_focus=False)
        self.focus.remember()
        written = self.write_phrase_for(self.message)
        self.focus.restore()
        if written is None:
            return
        phrase, question = written
        features = self.library.engine.learn(question, phrase.id) if self.library and question else []

        def save(services: Services) -> None:
            with services.store.db.atomic():
                services.phrases.save(phrase)
                services.phrases.learn(phrase.id, features)

        self.runner.db(then_reload(save), self.set_library, self._on_library_failed, owner=self)

    def _on_panel_edit_phrase_requested(self, phrase: Phrase) -> None:
        self._save_from_dialog(phrase, phrase.text)

    def _on_panel_copy_phrase_requested(self, phrase: Phrase) -> None:
        self._save_from_dialog(phrase, phrase.text)

    def _save_from_dialog(self, original: Phrase | None, text: str) -> None:
        self.end_search(restore_focus=False)
        self.focus.remember()
        phrase = self.edit_phrase(original, text)
        self.focus.restore()
        if phrase is not None:
            self.runner.db(then_reload(lambda services: services.phrases.save(phrase)), self.set_library,
                           self._on_library_failed, owner=self)

    def _on_panel_delete_phrase_requested(self, phrase: Phrase) -> None:
        self.focus.remember()
        confirmed = self.confirm_delete(self.window)
        self.focus.restore()
        if confirmed:
            self.runner.db(then_reload(lambda services: services.phrases.delete(phrase.id)), self.set_library,
                           self._on_library_failed, owner=self)

    def _on_panel_hide_phrase_requested(self, phrase: Phrase) -> None:
        self.runner.db(then_reload(lambda services: services.phrases.set_hidden(phrase.id, True)),
                       self.set_library, self._on_library_failed, owner=self)

    def unhide_phrase(self, phrase: Phrase) -> None:
        """恢复推荐 (from a search hit's menu or 设置 → 已隐藏): suggested again; a search on screen re-runs."""
        self.runner.db(then_reload(lambda services: services.phrases.set_hidden(phrase.id, False)),
                       self.set_library, self._on_library_failed, owner=self)

    def _on_panel_propose_phrase_requested(self, phrase: Phrase) -> None:
        """推荐给团队: ask for an optional note, then `proposal_requested` (the app hands it to the sync)."""
        self.end_search(restore_focus=False)
        self.focus.remember()
        note = self.ask_proposal_note(self.window)
        self.focus.restore()
        if note is not None:
            self.proposal_requested.emit(phrase, note)

    def _run_question_dialog(self, question: str) -> tuple[Phrase, str] | None:
        groups = self.library.groups() if self.library else []
        dialog = PhraseDialog(None, groups=groups, question=question)
        dialog.setWindowIcon(self.window.windowIcon())
        try:
            accepted = dialog.exec() == PhraseDialog.DialogCode.Accepted
            return (dialog.phrase(), dialog.question()) if accepted else None
        finally:
            dialog.deleteLater()

    def _run_phrase_dialog(self, original: Phrase | None, text: str) -> Phrase | None:
        groups = self.library.groups() if self.library else []
        dialog = PhraseDialog(original, text=text, groups=groups)
        dialog.setWindowIcon(self.window.windowIcon())
        try:
            return dialog.phrase() if dialog.exec() == PhraseDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
