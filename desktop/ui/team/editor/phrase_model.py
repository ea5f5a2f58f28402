"""The draft's phrases as a table. The model owns the draft: every change to its phrases goes through here,
so views hear of it (inserted, removed, changed or reset rows)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette

from desktop.core.intent_inference import infer_phrase_intents
from desktop.core.intent_review import intent_names
from desktop.core.phrases import UNGROUPED, Phrase, intents
from desktop.core.sync.draft import LibraryDraft
from desktop.core.sync.pack import TeamLibrary
from desktop.core.ui_text import QT_TRANSLATE_NOOP
from desktop.ui.widgets.plain_text import as_tooltip


class DraftPhraseModel(QAbstractTableModel):
    """The draft's phrases; edits go through `LibraryDraft` and are announced to the views."""

    COLUMNS = (QT_TRANSLATE_NOOP("DraftPhraseModel", "快捷编码"), QT_TRANSLATE_NOOP("DraftPhraseModel", "快捷短语"),
               QT_TRANSLATE_NOOP("DraftPhraseModel", "分组"), QT_TRANSLATE_NOOP("DraftPhraseModel", "意图"))
    PhraseIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draft = LibraryDraft(TeamLibrary())
        self._intent_names = {i.id: i.name_zh for i in intents()}
        self._inferred: dict[tuple[str, str, tuple[str, ...]], tuple[str, ...]] = {}

    @property
    def draft(self) -> LibraryDraft:
        """The draft as a whole (its team settings are edited there; its phrases only through the model)."""
        return self._draft

    def inferred(self, phrase: Phrase) -> tuple[str, ...]:
        """What the phrase would be filed under without intents of its own (cached: the table repaints often)."""
        if phrase.intents:
            return ()
        key = (phrase.text, phrase.group, phrase.keywords)
        if key not in self._inferred:
            self._inferred[key] = infer_phrase_intents(phrase)
        return self._inferred[key]

    def retranslate(self) -> None:
        """After a language switch: the headers and the 推断/无 texts of the intents column are said again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._draft.phrases:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._draft.phrases) - 1, 3))

    def set_draft(self, draft: LibraryDraft) -> None:
        self.beginResetModel()
        self._draft = draft
        self.endResetModel()

    def replace_phrases(self, phrases: Iterable[Phrase]) -> None:
        self.beginResetModel()
        self._draft.replace_phrases(phrases)
        self.endResetModel()

    def phrase(self, phrase_id: str) -> Phrase:
        return self._draft.phrases[self.row_of(phrase_id)]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._draft.phrases)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._draft.phrases):
            return None
        phrase = self._draft.phrases[index.row()]
        if role == self.PhraseIdRole:
            return phrase.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._cell_text(phrase, index.column(), role)
            # a proposal's or a file's text: a tooltip shows it as text, never as HTML
            return as_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole and text else text
        if index.column() == 3 and not phrase.intents:
            # Inferred (or missing) intents look provisional: italic, in the palette's muted text colour.
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QPalette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None

    def _cell_text(self, phrase: Phrase, column: int, role: int) -> str | None:
        tooltip = role == Qt.ItemDataRole.ToolTipRole
        if column == 0:
            return phrase.code
        if column == 1:
            return phrase.text if tooltip else " ".join(phrase.text.split())
        if column == 2:
            return phrase.group
        if phrase.intents:
            return "、".join(self._intent_names.get(i, i) for i in phrase.intents)
        if inferred := self.inferred(phrase):
            label = self.tr("推断：%1").replace("%1", intent_names(inferred))
            return label + self.tr("（未确认，选中后可确认或改正）") if tooltip else label
        return None if tooltip else self.tr("（无，不会被推荐）")

    def row_of(self, phrase_id: str) -> int:
        return self._draft.index_of(phrase_id)

    def update(self, phrase_id: str, **changes: object) -> Phrase:
        phrase = self._draft.update(phrase_id, **changes)
        row = self.row_of(phrase_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        return phrase

    def append(self, text: str = "", group: str = UNGROUPED, phrase_id: str = "") -> Phrase:
        """A new phrase at the end; `phrase_id` keeps a proposed phrase's own id when the draft lacks it."""
        row = len(self._draft.phrases)
        self.beginInsertRows(QModelIndex(), row, row)
        phrase = self._draft.add(text, group, phrase_id)
        self.endInsertRows()
        return phrase

    def remove(self, phrase_id: str) -> None:
        row = self.row_of(phrase_id)
        self.beginRemoveRows(QModelIndex(), row, row)
        self._draft.remove(phrase_id)
        self.endRemoveRows()

    def confirm_all_inferred(self) -> int:
        """Store every inferred intent as its phrase's own; returns how many phrases got one."""
        confirmed = 0
        for phrase in list(self._draft.phrases):
            if inferred := self.inferred(phrase):
                self.update(phrase.id, intents=inferred)
                confirmed += 1
        return confirmed
