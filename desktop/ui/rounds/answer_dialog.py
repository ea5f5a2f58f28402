"""The agent's answer to a 话术优化 round: per question, their own words or one of their phrases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.phrases import Phrase
from desktop.core.rounds import MAX_ANSWER_CHARS, Round
from desktop.ui.widgets.plain_text import plain_label

FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1  # the phrase's whole text (the item shows the first 40 characters)


class RoundAnswerDialog(QDialog):
    def __init__(self, round_: Round, phrases: list[Phrase], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round = round_
        self.setWindowTitle(self.tr("话术优化：%1").replace("%1", round_.title))
        self.edits: list[QPlainTextEdit] = []
        self.pickers: list[QComboBox] = []
        self._picked: list[str] = [""] * len(round_.questions)
        body = QWidget(self)
        column = QVBoxLayout(body)
        intro = plain_label(self.tr("组长想知道你平时怎么回答这些问题。写下你的说法，或选一条你自己的短语。"), body)
        intro.setWordWrap(True)
        column.addWidget(intro)
        for number, question in enumerate(round_.questions):
            label = plain_label(f"{number + 1}. {question}", body)
            label.setWordWrap(True)
            picker = QComboBox(body)
            picker.addItem(self.tr("从我的短语中选…"), "")
            for phrase in phrases:
                shown = phrase.text if len(phrase.text) <= 40 else phrase.text[:40] + "…"
                picker.addItem(shown, phrase.id)
                picker.setItemData(picker.count() - 1, phrase.text, FULL_TEXT_ROLE)
            edit = QPlainTextEdit(body)
            edit.setPlaceholderText(self.tr("你的回答（可不答）"))
            edit.setMinimumHeight(self.fontMetrics().height() * 4)
            picker.activated.connect(lambda index, i=number: self._pick(i, index))
            edit.textChanged.connect(lambda i=number: self._typed(i))
            column.addWidget(label)
            column.addWidget(picker)
            column.addWidget(edit)
            self.edits.append(edit)
            self.pickers.append(picker)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("交给组长"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("买") * 34, 480)

    def _pick(self, question: int, index: int) -> None:
        picker = self.pickers[question]
        phrase_id = str(picker.itemData(index) or "")
        if phrase_id:
            self.edits[question].setPlainText(str(picker.itemData(index, FULL_TEXT_ROLE))[:MAX_ANSWER_CHARS])
        self._picked[question] = phrase_id  # after setPlainText: typing over a picked phrase makes it one's own

    def _typed(self, question: int) -> None:
        picker = self.pickers[question]
        if self._picked[question] and self.edits[question].toPlainText() != picker.currentData(FULL_TEXT_ROLE):
            self._picked[question] = ""
            picker.setCurrentIndex(0)

    def answers(self) -> tuple[list[str], list[str]]:
        """Per question: the text and, when it is one of the agent's phrases unchanged, its id."""
        return [edit.toPlainText() for edit in self.edits], list(self._picked)
