"""List models of replies: the ranked suggestions for a copied message, and the library the search filters.

Both show phrases as they will be pasted: rendered from a `RenderValues` snapshot (the agent's template
values, handed in whenever they change) lazily per row, and so is the sensitive-word check, so a
10,000-phrase library costs nothing until a row is looked at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.sensitive_finder import SensitiveFinder, no_sensitive_words
from desktop.services.values import RenderValues
from desktop.ui.widgets.plain_text import as_tooltip

if TYPE_CHECKING:  # only for hints: the engine's imports must not delay the window's first paint
    from desktop.core.engine import Suggestion
    from desktop.core.phrases import Phrase

MAX_NUMBERED = 9

PhraseRole = Qt.ItemDataRole.UserRole + 1
RenderedTextRole = Qt.ItemDataRole.UserRole + 2
GroupRole = Qt.ItemDataRole.UserRole + 3
NumberRole = Qt.ItemDataRole.UserRole + 4  # 1–9 for the rows a hotkey can pick, else 0
SensitiveSpansRole = Qt.ItemDataRole.UserRole + 5  # [(start, end), ...] in the rendered text
SourceRole = Qt.ItemDataRole.UserRole + 6
ScoreRole = Qt.ItemDataRole.UserRole + 7
SureRole = Qt.ItemDataRole.UserRole + 8  # False for the engine's best guesses at a question it read unclearly
HiddenRole = Qt.ItemDataRole.UserRole + 9  # True for a team phrase the agent took out of suggestions (search only)

Index = QModelIndex | QPersistentModelIndex


class ReplyListModel(QAbstractListModel):
    """Phrases (with an optional score each) as rows; the model never edits them, it is replaced wholesale."""

    def __init__(self, values: RenderValues | None = None, find_sensitive: SensitiveFinder = no_sensitive_words,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values = values or RenderValues()
        self._find_sensitive = find_sensitive
        self._phrases: list[Phrase] = []
        self._scores: list[float] = []
        self._sure: list[bool] = []
        self._hidden_ids: frozenset[str] = frozenset()
        self._rendered: dict[int, str] = {}
        self._spans: dict[int, list[tuple[int, int]]] = {}

    # filling ---------------------------------------------------------------------------------------
    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self._replace([s.phrase for s in suggestions], [s.score for s in suggestions], [s.sure for s in suggestions])

    def set_phrases(self, phrases: Sequence[Phrase], hidden_ids: frozenset[str] = frozenset()) -> None:
        """Search hits; those in `hidden_ids` are marked (HiddenRole)."""
        self._replace(list(phrases), [0.0] * len(phrases), [True] * len(phrases), hidden_ids)

    def clear(self) -> None:
        self._replace([], [], [])

    def set_values(self, values: RenderValues) -> None:
        """New template values (agent or shop name or the campaign changed): every row re-renders."""
        if values != self._values:
            self._values = values
            self._invalidate_text()

    def set_sensitive_finder(self, find_sensitive: SensitiveFinder) -> None:
        self._find_sensitive = find_sensitive
        self._invalidate_text()

    def phrase(self, row: int) -> Phrase:
        return self._phrases[row]

    def phrases(self) -> list[Phrase]:
        return list(self._phrases)

    def rendered_text(self, row: int) -> str:
        if row not in self._rendered:
            self._rendered[row] = self._values.render(self._phrases[row].text)
        return self._rendered[row]

    def sensitive_spans(self, row: int) -> list[tuple[int, int]]:
        if row not in self._spans:
            hits = self._find_sensitive(self.rendered_text(row))
            self._spans[row] = [(h.start, h.end) for h in hits]
        return self._spans[row]

    # Qt model interface ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._phrases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._phrases):
            return None
        row = index.row()
        phrase = self._phrases[row]
        if role in (Qt.ItemDataRole.DisplayRole, RenderedTextRole):
            return self.rendered_text(row)
        if role == PhraseRole:
            return phrase
        if role == GroupRole:
            return phrase.group
        if role == NumberRole:
            return row + 1 if row < MAX_NUMBERED else 0
        if role == SensitiveSpansRole:
            return self.sensitive_spans(row)
        if role == SourceRole:
            return phrase.source
        if role == ScoreRole:
            return self._scores[row]
        if role == SureRole:
            return self._sure[row]
        if role == HiddenRole:
            return phrase.id in self._hidden_ids
        if role == Qt.ItemDataRole.ToolTipRole and phrase.code:
            return as_tooltip(phrase.code)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def roleNames(self) -> dict[int, QByteArray]:
        names = {
            PhraseRole: b"phrase", RenderedTextRole: b"renderedText", GroupRole: b"group", NumberRole: b"number",
            SensitiveSpansRole: b"sensitiveSpans", SourceRole: b"source", ScoreRole: b"score", SureRole: b"sure",
            HiddenRole: b"hidden",
        }
        return {**super().roleNames(), **{role: QByteArray(name) for role, name in names.items()}}

    # internals -------------------------------------------------------------------------------------
    def _replace(self, phrases: list[Phrase], scores: list[float], sure: list[bool],
                 hidden_ids: frozenset[str] = frozenset()) -> None:
        self.beginResetModel()
        self._phrases = phrases
        self._scores = scores
        self._sure = sure
        self._hidden_ids = hidden_ids
        self._rendered.clear()
        self._spans.clear()
        self.endResetModel()

    def _invalidate_text(self) -> None:
        self._rendered.clear()
        self._spans.clear()
        if self._phrases:
            roles = [Qt.ItemDataRole.DisplayRole, RenderedTextRole, SensitiveSpansRole]
            self.dataChanged.emit(self.index(0), self.index(len(self._phrases) - 1), roles)
