"""The 短语 tab: groups on the left, the draft's phrases in the middle, the selected phrase's form on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QListWidget, QListWidgetItem, QSplitter, QTableView, QWidget

from desktop.core.phrases import UNGROUPED, Phrase
from desktop.core.sensitive import SensitiveWords
from desktop.ui.team.editor.phrase_form import PhraseForm
from desktop.ui.team.editor.phrase_model import DraftPhraseModel
from desktop.ui.widgets.scrolling import scrolling

ALL_GROUPS = "__all__"


class PhrasesTab(QSplitter):
    """Signals: `status_reported(str)` for the window's status bar."""

    status_reported = Signal(str)

    def __init__(self, model: DraftPhraseModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(2)
        self.proxy.setDynamicSortFilter(False)  # a phrase moved to another group stays in view while edited
        self.group_list = QListWidget(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # The text takes what is left; code, group and intents (the column the lead reviews after an import)
        # keep their width, so the intents are never scrolled out of sight on a 1366-pixel screen.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 72), (2, 88), (3, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        # Two lines a row, wrapped (the rest of a long phrase on hover and in the form): one elided line cut
        # most phrases in half. A fixed height, not ResizeToContents, which measures every row of a big library.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.table.fontMetrics().lineSpacing() + 10)
        self.form = PhraseForm(self)
        # The form scrolls rather than squeezing its text box and preview at a large font on a 768-pixel screen.
        lines = self.form.fontMetrics().lineSpacing()
        self.form.text_edit.setMinimumHeight(5 * lines)
        self.form.setMinimumHeight(self.form.sizeHint().height() + 8 * lines)  # room for a wrapped preview
        self.addWidget(self.group_list)
        self.addWidget(self.table)
        self.addWidget(scrolling(self.form, self))
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 3)
        self.setStretchFactor(2, 2)
        self.setSizes([130, 700, 420])

        self.group_list.currentItemChanged.connect(self._on_group_list_current_item_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.form.edited.connect(self._on_form_edited)
        model.modelReset.connect(self.refresh)  # a new draft or imported phrases

    def retranslate(self) -> None:
        everything = self.group_list.item(0)
        if everything is not None:
            everything.setText(self.tr("全部"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """After the draft or its team settings changed: groups, the form's choices, campaign and word check."""
        self._refresh_group_list()
        draft = self.model.draft
        promotion = next((p.name for p in draft.promotions), "")
        self.form.set_context(draft.groups(), promotion, self._sensitive_words_in)

    def current_phrase_id(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(DraftPhraseModel.PhraseIdRole)) if index.isValid() else ""

    def current_phrase(self) -> Phrase | None:
        phrase_id = self.current_phrase_id()
        return self.model.phrase(phrase_id) if phrase_id else None

    def select_phrase(self, phrase_id: str) -> None:
        self.group_list.setCurrentRow(0)
        source = self.model.index(self.model.row_of(phrase_id), 1)
        self.table.setCurrentIndex(self.proxy.mapFromSource(source))

    def add_phrase(self) -> Phrase:
        current = self.group_list.currentItem()
        group = current.data(Qt.ItemDataRole.UserRole) if current else ALL_GROUPS
        phrase = self.model.append(self.tr("亲，"), UNGROUPED if group == ALL_GROUPS else group)
        self.select_phrase(phrase.id)
        self.form.text_edit.setFocus()
        return phrase

    def remove_current_phrase(self) -> None:
        phrase_id = self.current_phrase_id()
        if phrase_id:
            self.model.remove(phrase_id)
            self.form.show_phrase(None)

    def confirm_all_inferred(self) -> int:
        """Store every inferred intent as its phrase's own; phrases nothing can be inferred for are counted."""
        confirmed = self.model.confirm_all_inferred()
        left = sum(1 for p in self.model.draft.phrases if not p.intents)
        self.form.show_phrase(self.current_phrase())
        message = self.tr("已确认 {0} 条推断的意图；{1} 条没有意图，请逐条选择")
        self.status_reported.emit(message.format(confirmed, left))
        return confirmed

    def _on_form_edited(self, phrase_id: str, changes: dict) -> None:
        self.model.update(phrase_id, **changes)
        if self._listed_groups() != self.model.draft.groups():
            self._refresh_group_list()  # not the form's choices: the lead may be typing a group name there

    def _on_group_list_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        group = current.data(Qt.ItemDataRole.UserRole) if current else ALL_GROUPS
        if group == ALL_GROUPS:
            self.proxy.setFilterRegularExpression(QRegularExpression())
        else:
            self.proxy.setFilterRegularExpression(QRegularExpression(f"^{QRegularExpression.escape(group)}$"))

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        phrase_id = current.data(DraftPhraseModel.PhraseIdRole) if current.isValid() else None
        self.form.show_phrase(self.model.phrase(phrase_id) if phrase_id else None)

    def _listed_groups(self) -> list[str]:
        return [self.group_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(1, self.group_list.count())]

    def _refresh_group_list(self) -> None:
        current = self.group_list.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current else ALL_GROUPS
        self.group_list.blockSignals(True)
        self.group_list.clear()
        everything = QListWidgetItem(self.group_list)
        everything.setData(Qt.ItemDataRole.UserRole, ALL_GROUPS)
        self.retranslate()
        for group in self.model.draft.groups():
            item = QListWidgetItem(group, self.group_list)
            item.setData(Qt.ItemDataRole.UserRole, group)
        self.group_list.blockSignals(False)
        rows = [self.group_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.group_list.count())]
        self.group_list.setCurrentRow(rows.index(chosen) if chosen in rows else 0)

    def _sensitive_words_in(self, text: str) -> tuple[list[str], str]:
        """The words in `text`, and the text with the list's replacements ("" when it gives none)."""
        fix = SensitiveWords.with_team(self.model.draft.sensitive_words).fix(text)
        words = dict.fromkeys(hit.word for hit in sorted((*fix.fixed, *fix.unfixed), key=lambda h: h.start))
        return list(words), fix.text if fix.fixed else ""
