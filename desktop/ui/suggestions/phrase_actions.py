"""What the agent does to phrases from the 建议 tab: ＋ 新建, 新建短语… for a missed message, edit, copy,
delete, hide, 恢复推荐 and 推荐给团队. Each asks what it needs (with the keyboard borrowed from the chat
client and given back), then changes the store through the `LibraryService`, which rebuilds the library."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.platform.focus import FocusReturn
from desktop.ui.suggestions.phrase_dialog import PhraseDialog
from desktop.ui.widgets import confirm

if TYPE_CHECKING:
    from desktop.core.phrases import Phrase
    from desktop.services.context import Services
    from desktop.ui.runtime.library_service import LibraryService
    from desktop.ui.shell.overlay_window import OverlayWindow
    from desktop.ui.suggestions.search_mode import SearchMode

T = TypeVar("T")

class PhraseActions(QObject):
    proposal_requested = Signal(object, str)  # a personal Phrase to offer the team, the agent's note

    def __init__(self, window: OverlayWindow, library: LibraryService, focus: FocusReturn, search: SearchMode,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.library = library
        self.focus = focus
        self.search = search
        # Replaceable in tests: the questions asked before a delete and for a proposal's note, the dialogs.
        self.confirm_delete: Callable[[Any], bool] = confirm.ask_delete_phrase
        self.ask_proposal_note: Callable[[Any], str | None] = confirm.ask_proposal_note
        self.edit_phrase: Callable[[Phrase | None, str], Phrase | None] = self._run_phrase_dialog
        self.write_phrase_for: Callable[[str], tuple[Phrase, str] | None] = self._run_question_dialog

    def add(self, text: str) -> None:
        """＋ 新建: save `text` (the last copy, usually the agent's own reply) as a personal phrase."""
        self._save_from_dialog(None, text)

    def add_for_message(self, message: str) -> None:
        """The buyer's question becomes the new phrase's example question (the reply is left to write); once
        saved, the engine learns it as if the phrase had been picked for it, so the next copy of the same
        message puts the phrase first. Only the hashed features are stored, as for any pick."""
        written = self._with_keyboard(lambda: self.write_phrase_for(message))
        if written is None:
            return
        phrase, question = written
        library = self.library.library
        features = library.engine.learn(question, phrase.id) if library and question else []

        def save(services: Services) -> None:
            with services.store.db.atomic():
                services.phrases.save(phrase)
                services.phrases.learn(phrase.id, features)

        self.library.apply(save)

    def edit(self, phrase: Phrase) -> None:
        """编辑 and 复制为我的短语 (a team phrase saved as a personal one): the dialog, prefilled."""
        self._save_from_dialog(phrase, phrase.text)

    def delete(self, phrase: Phrase) -> None:
        self.focus.remember()
        confirmed = self.confirm_delete(self.window)
        self.focus.restore()
        if confirmed:
            self.library.apply(lambda services: services.phrases.delete(phrase.id))

    def hide(self, phrase: Phrase) -> None:
        """不再推荐: never suggested, still found by search."""
        self.library.apply(lambda services: services.phrases.set_hidden(phrase.id, True))

    def unhide(self, phrase: Phrase) -> None:
        """恢复推荐 (from a search hit's menu or 设置 → 已隐藏): suggested again; a search on screen re-runs."""
        self.library.apply(lambda services: services.phrases.set_hidden(phrase.id, False))

    def propose(self, phrase: Phrase) -> None:
        """推荐给团队: ask for an optional note, then `proposal_requested` (the app hands it to the sync)."""
        note = self._with_keyboard(lambda: self.ask_proposal_note(self.window))
        if note is not None:
            self.proposal_requested.emit(phrase, note)

    def _save_from_dialog(self, original: Phrase | None, text: str) -> None:
        phrase = self._with_keyboard(lambda: self.edit_phrase(original, text))
        if phrase is not None:
            self.library.apply(lambda services: services.phrases.save(phrase))

    def _with_keyboard(self, ask: Callable[[], T]) -> T:
        """A dialog takes the keyboard: a search ends first, the chat client gets the focus back after."""
        self.search.end(restore_focus=False)
        self.focus.remember()
        try:
            return ask()
        finally:
            self.focus.restore()

    def _groups(self) -> list[str]:
        library = self.library.library
        return library.groups() if library else []

    def _run_question_dialog(self, question: str) -> tuple[Phrase, str] | None:
        dialog = PhraseDialog(None, groups=self._groups(), question=question)
        dialog.setWindowIcon(self.window.windowIcon())
        try:
            accepted = dialog.exec() == PhraseDialog.DialogCode.Accepted
            return (dialog.phrase(), dialog.question()) if accepted else None
        finally:
            dialog.deleteLater()

    def _run_phrase_dialog(self, original: Phrase | None, text: str) -> Phrase | None:
        dialog = PhraseDialog(original, text=text, groups=self._groups())
        dialog.setWindowIcon(self.window.windowIcon())
        try:
            return dialog.phrase() if dialog.exec() == PhraseDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
