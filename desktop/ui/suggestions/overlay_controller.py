"""The overlay's behaviour: copied message → suggestions, choice → paste and learn, search, quick add.

It wires the window to the services it is given (settings, task runner, the library, clipboard watcher,
paster, hotkeys, focus hand-back); it creates none of them. The parts with a job of their own live beside
it: `LibraryService` owns the library (built on the DB worker, replaced wholesale), `SearchMode` the typed
search and its borrowed focus, `PastePipeline` the way from a choice to text in the chat client, and
`PhraseActions` what the agent does to phrases (new, edit, delete, hide, propose).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.chat_block import CopiedMessage, read_copied, split_speaker
from desktop.core.phrases import intent_ids
from desktop.core.ui_text import UiText
from desktop.platform.focus import FocusReturn
from desktop.platform.interfaces import ClipboardWatcher, HotkeyAction, HotkeyService, Paster
from desktop.services.values import RenderValues, render_values
from desktop.store.database import NewerStoreError, StoreError
from desktop.store.team import TeamRepository
from desktop.ui.runtime.library_service import Failed, LibraryService, LibraryState, Loading
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell.overlay_window import OverlayWindow
from desktop.ui.suggestions.empty_state import EmptyKind
from desktop.ui.suggestions.paste_pipeline import PastePipeline
from desktop.ui.suggestions.phrase_actions import PhraseActions
from desktop.ui.suggestions.reply_model import MAX_NUMBERED, ReplyListModel
from desktop.ui.suggestions.search_mode import SearchMode
from desktop.ui.widgets.language import LanguageChangeRelay, translated
from desktop.ui.widgets.lost_sale import LostSaleButton

if TYPE_CHECKING:
    from desktop.core.engine import Suggestion
    from desktop.services.context import Services
    from desktop.services.library import Library
    from desktop.ui.runtime.tasks import Runner

log = logging.getLogger(__name__)

TEMPLATE_KEYS = ("agent_name", "shop_name", "campaign")
LOST_SALE_INTENTS = frozenset({"bargain", "hesitation"})  # where a buyer is slipping away: 未成交 on offer
HOTKEY_KEYS = ("hotkey_search", "hotkey_pick_prefix")


class OverlayController(QObject):
    reply_chosen = Signal(object)  # the Phrase the agent picked, after the paste was requested
    settings_requested = Signal()
    proposal_requested = Signal(object, str)  # a personal Phrase to offer the team, the agent's note

    def __init__(self, window: OverlayWindow, settings: SettingsBridge, runner: Runner, clipboard: ClipboardWatcher,
                 paster: Paster, hotkeys: HotkeyService, *, focus: FocusReturn | None = None,
                 library: LibraryService | None = None, hotkey_errors: dict[str, UiText] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.panel = window.suggestions
        self.settings = settings
        self.runner = runner
        self.clipboard = clipboard
        self.paster = paster
        self.hotkeys = hotkeys
        self.focus = focus or FocusReturn()
        self.library_service = library or LibraryService(runner, settings, parent=self)
        self.hotkey_errors = dict(hotkey_errors or {})
        self.copied = ""  # the last copied text as copied (＋ 新建 saves it); never logged
        self.message = ""  # what is answered: the buyer's question read from it (chat_block); shown elided
        self.buyer = ""  # the buyer's nick when the copy was a block from the chat client, else ""
        self._load_problem: BaseException | None = None  # why no library loads, while that lasts
        self._read: CopiedMessage | None = None  # what the message line shows, said again after a language switch

        values = self._values()
        self.suggestion_model = ReplyListModel(values, parent=self)
        self.search = SearchMode(window, runner, self.library_service, self.focus, values, parent=self)
        self.pipeline = PastePipeline(window, settings, runner, paster, self.focus, self.search, parent=self)
        self.phrases = PhraseActions(window, self.library_service, self.focus, self.search, parent=self)
        self.lost_sale = LostSaleButton(runner, settings, self.panel)
        self.lost_sale.hide()
        self.panel.add_message_action(self.lost_sale)
        self.lost_sale.recorded.connect(lambda sale: self.window.show_hint(
            self.tr("已记录未成交原因：%1").replace("%1", sale.reason)))
        self.lost_sale.failed.connect(self.window.set_status)
        self.lost_sale.keyboard_requested.connect(self._on_lost_sale_keyboard_requested)

        self.library_service.changed.connect(self._on_library_changed)
        self.library_service.failed.connect(self._on_library_failed)
        self.library_service.state_changed.connect(self._on_library_state_changed)
        self.search.suggestions_wanted.connect(self._show_suggestions)
        self.phrases.proposal_requested.connect(self.proposal_requested)
        clipboard.message_copied.connect(self._on_clipboard_message_copied)
        clipboard.paused_changed.connect(self._on_clipboard_paused_changed)
        hotkeys.hotkey_pressed.connect(self._on_hotkeys_hotkey_pressed)
        hotkeys.bindings_changed.connect(self.set_hotkey_errors)
        settings.changed.connect(self._on_settings_changed)
        self._language = LanguageChangeRelay(window, self._retranslate)  # after the window's own texts
        self.panel.row_clicked.connect(self.choose_row)
        self.panel.search_focus_requested.connect(self.begin_search)
        self.panel.search_cancel_requested.connect(self.end_search)
        self.panel.search_accept_requested.connect(self._on_panel_search_accept_requested)
        self.panel.query_changed.connect(self.search.query_changed)
        self.panel.add_phrase_requested.connect(self.add_phrase)
        self.panel.add_for_miss_requested.connect(self._on_panel_add_for_miss_requested)
        self.panel.edit_phrase_requested.connect(self.phrases.edit)
        self.panel.delete_phrase_requested.connect(self.phrases.delete)
        self.panel.hide_phrase_requested.connect(self.phrases.hide)
        self.panel.unhide_phrase_requested.connect(self.phrases.unhide)
        self.panel.copy_phrase_requested.connect(self.phrases.edit)
        self.panel.propose_phrase_requested.connect(self.phrases.propose)
        window.pause_toggled.connect(self.set_paused)
        window.settings_requested.connect(self.settings_requested)

        window.set_paused(clipboard.is_paused())
        self._update_hotkey_hints()
        self._update_status()
        self.panel.show_model(self.suggestion_model, EmptyKind.LOADING)
        if self.library is not None:  # a library already loaded (the service outlives controllers)
            self._on_library_changed(self.library)

    # the parts, as the app and the tests see them ---------------------------------------------------
    @property
    def library(self) -> Library | None:
        return self.library_service.library

    @property
    def searching(self) -> bool:
        return self.search.active

    @property
    def search_model(self) -> ReplyListModel:
        return self.search.model

    def show_hint(self, text: str) -> None:
        self.pipeline.show_hint(text)

    # loading ---------------------------------------------------------------------------------------
    def load_library(self) -> None:
        """Open the library on the DB worker; until it arrives the list says 正在加载短语库…"""
        self.library_service.reload()

    def _on_library_state_changed(self, state: LibraryState) -> None:
        if isinstance(state, Loading) and not self.searching:
            self.panel.show_model(self.suggestion_model, EmptyKind.LOADING)

    def set_library(self, library: Library) -> None:
        self.library_service.set_library(library)

    def _on_library_changed(self, library: Library) -> None:
        if self._load_problem is not None:
            self._load_problem = None
            self._update_status()
        self._apply_values()  # today's campaign may have changed with the library
        for model in (self.suggestion_model, self.search_model):
            model.set_sensitive_finder(library.find_sensitive)
        if self.searching:
            self.search.rerun()
        else:
            self._show_suggestions()

    def _on_library_failed(self, error: BaseException) -> None:
        """The status line says it in a few words (the full text is its tooltip; the app's StoreGuard explains
        a store that cannot be opened in a message box)."""
        if self.library is None:
            self._load_problem = error  # kept on the status line until a library loads
            self._update_status()
            if not self.searching:
                self.panel.show_model(self.suggestion_model, EmptyKind.UNAVAILABLE)
        else:  # a change could not be saved; the loaded library stays
            self.window.set_status(self._failure_words(error), detail=str(error))

    def _failure_words(self, error: BaseException) -> str:
        if isinstance(error, NewerStoreError):
            return self.tr("请升级快答：本地数据库来自更新的版本")
        if isinstance(error, StoreError):
            return self.tr("本地数据库无法打开")
        return self.tr("短语库打开失败")

    # suggestions -----------------------------------------------------------------------------------
    def _on_clipboard_message_copied(self, text: str) -> None:
        if self.searching:  # copying happened in another window, which has the focus now
            self.end_search(restore_focus=False)
        self.copied = text
        read = read_copied(text, self._seller_names())
        self.message, self.buyer = read.question, read.buyer
        self._read = read
        if not read.from_block:
            self.buyer = split_speaker(text)[0]
        self.panel.set_message(self._shown_message(read))
        self._show_suggestions()

    def _seller_names(self) -> tuple[str, ...]:
        names = (self.settings.get("agent_name"), self.settings.get("shop_name"))
        return tuple(str(name) for name in names if name)

    def _retranslate(self) -> None:
        self._update_status()
        if self._read is not None:
            self.panel.set_message(self._shown_message(self._read))

    def _shown_message(self, read: CopiedMessage) -> str:
        """The message line (买家：…) shows what was read: from a copied block, the buyer's nick and question."""
        if not read.from_block:
            return read.question
        if not read.question:
            return self.tr("复制的记录里没有买家消息")
        return self.tr("【%1】%2").replace("%1", read.buyer).replace("%2", read.question)

    def _show_suggestions(self) -> None:
        if self.library is None:
            failed = isinstance(self.library_service.state, Failed)
            self.panel.show_model(self.suggestion_model, EmptyKind.UNAVAILABLE if failed else EmptyKind.LOADING)
            return
        suggestions = self.library.engine.suggest(self.message, top=MAX_NUMBERED) if self.message else []
        self.suggestion_model.set_suggestions(suggestions)
        self._offer_lost_sale(suggestions)
        if self.message and not suggestions:
            self._record_no_match()
        self.panel.show_model(self.suggestion_model, EmptyKind.NO_MATCH if self.message else EmptyKind.WAITING)

    def _offer_lost_sale(self, suggestions: list[Suggestion]) -> None:
        """After a bargain or a hesitation from a named buyer, 未成交 is one click away on the message line."""
        hesitant = bool(suggestions) and bool(LOST_SALE_INTENTS & set(suggestions[0].phrase.intents))
        self.lost_sale.buyer = self.buyer
        self.lost_sale.setVisible(hesitant and bool(self.buyer))

    def _on_lost_sale_keyboard_requested(self, wanted: bool) -> None:
        """The note dialog takes the keyboard like the phrase dialogs: a search ends, the chat client gets it back."""
        if wanted:
            self.search.end(restore_focus=False)
            self.focus.remember()
        else:
            self.focus.restore()

    def _record_no_match(self) -> None:
        """Count, per buyer intent the engine recognised (ids only, never text), a message nothing fitted:
        the team lead sees these in the shared usage stats and writes the missing phrases."""
        known = intent_ids()
        detected = [f for f in self.library.engine.features(self.message) if f in known] if self.library else []
        if not detected:
            return

        def record(services: Services) -> None:
            team = TeamRepository(services.store.db)
            for intent in detected:
                team.record_no_match(intent)

        self.runner.db(record, owner=self)

    def _values(self) -> RenderValues:
        """The template values now (`agent_values`, the same for every renderer), as a snapshot for the lists."""
        return render_values(self.settings.settings, self.library.promotion if self.library else "")

    def _apply_values(self) -> None:
        values = self._values()
        for model in (self.suggestion_model, self.search_model):
            model.set_values(values)

    def shown_model(self) -> ReplyListModel:
        return self.search_model if self.searching else self.suggestion_model

    # choosing --------------------------------------------------------------------------------------
    def choose_number(self, number: int) -> None:
        """Pick reply `number` (1–9) of the list now shown, as the pick hotkeys do.

        Nothing happens while the window is hidden: the agent cannot see what would be pasted.
        """
        count = min(MAX_NUMBERED, self.shown_model().rowCount())
        if self.window.isVisible() and self.panel.showing_list() and 1 <= number <= count:
            self.choose_row(number - 1)

    def choose_row(self, row: int) -> None:
        model = self.shown_model()
        if not 0 <= row < model.rowCount():
            return
        phrase = model.phrase(row)
        if self.pipeline.paste(model.rendered_text(row), model.sensitive_spans(row)):
            self.pipeline.learn(self.library, self.message, phrase)
            self.reply_chosen.emit(phrase)

    def paste_text(self, text: str) -> bool:
        """Paste a reply made elsewhere (a 催付 text) exactly as a chosen suggestion is pasted, asking first
        when it holds a sensitive word. False when the agent cancelled."""
        finder = self.library.find_sensitive if self.library is not None else None
        spans = [(hit.start, hit.end) for hit in finder(text)] if finder is not None else []
        return self.pipeline.paste(text, spans)

    # search ----------------------------------------------------------------------------------------
    def begin_search(self) -> None:
        """Borrow the keyboard focus for typing a query; `end_search` gives it back."""
        self.search.begin()

    def end_search(self, restore_focus: bool = True) -> None:
        self.search.end(restore_focus)

    def _on_panel_search_accept_requested(self) -> None:
        if self.panel.showing_list():
            self.choose_row(max(self.panel.current_row(), 0))

    # hotkeys and pausing ---------------------------------------------------------------------------
    def _on_hotkeys_hotkey_pressed(self, action: HotkeyAction, number: int) -> None:
        if action in (HotkeyAction.SHOW, HotkeyAction.SEARCH):
            self.paster.mask_menu_key()  # a pick masks it when it pastes
        if action is HotkeyAction.SHOW:
            self.toggle_window()
        elif action is HotkeyAction.SEARCH:
            self.begin_search()
        elif action is HotkeyAction.PICK:
            self.choose_number(number)

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
            self.window.set_status(self._failure_words(self._load_problem), detail=str(self._load_problem))
        elif self.clipboard.is_paused():
            self.window.set_status(self.tr("已暂停监听剪贴板"))
        elif reason := self.hotkeys.unavailable_reason():
            self.window.set_status(translated(reason))
        elif self.hotkey_errors:
            self.window.set_status(self.tr("部分热键不可用，见设置"))
        else:
            prefix = self.settings.get("hotkey_pick_prefix").rstrip("+")
            self.window.set_status(self.tr("%1+1…9 粘贴 · %2 搜索").replace("%1", prefix)
                                   .replace("%2", self.settings.get("hotkey_search")))

    def set_hotkey_errors(self, errors: dict[str, UiText]) -> None:
        self.hotkey_errors = dict(errors)
        self._update_status()

    def _update_hotkey_hints(self) -> None:
        prefix = self.settings.get("hotkey_pick_prefix").rstrip("+")
        self.panel.empty_state.set_hotkeys(self.settings.get("hotkey_search"), f"{prefix}+1")
        self.panel.search_box.setToolTip(self.settings.get("hotkey_search"))

    def _on_settings_changed(self, key: str, _value: object) -> None:
        if key in TEMPLATE_KEYS:
            self._apply_values()
            self.panel.list_view.scheduleDelayedItemsLayout()
        elif key in HOTKEY_KEYS:
            self._update_hotkey_hints()
            self._update_status()

    # quick add, edit, delete, hide -----------------------------------------------------------------
    def add_phrase(self) -> None:
        """＋ 新建: save the last copied text (usually the agent's own reply) as a personal phrase."""
        self.phrases.add(self.copied)

    def _on_panel_add_for_miss_requested(self) -> None:
        """新建短语… under 没有合适的短语: a phrase answering the buyer's message (under 没有找到, a search miss,
        it is ＋ 新建 as in the header)."""
        if self.message and not self.searching:
            self.phrases.add_for_message(self.message)
        else:
            self.add_phrase()
