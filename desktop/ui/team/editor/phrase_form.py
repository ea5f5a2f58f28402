"""One draft phrase in the lead's editor: text with an emoji picker, group, code, two intents, keywords, a
live preview with the team campaign, and the sensitive-word check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.core.intent_inference import infer_phrase_intents
from desktop.core.phrases import UNGROUPED, Phrase, intents
from desktop.core.sync.draft import EMOJI, PREVIEW_VALUES
from desktop.core.templates import render
from desktop.ui.widgets.inferred_intents import show_inferred
from desktop.ui.widgets.plain_text import plain_label


class PhraseForm(QWidget):
    """Edits one draft phrase: text with an emoji picker, group, code, two intents, keywords, live preview."""

    edited = Signal(str, dict)  # phrase id, the changed fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phrase_id = ""
        self._loading = False
        self.text_edit = QPlainTextEdit(self)
        self.emoji_button = QToolButton(self)
        self.emoji_button.setText("😊")
        self.emoji_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        emoji_menu = QMenu(self.emoji_button)
        for emoji in EMOJI:
            emoji_menu.addAction(emoji).triggered.connect(lambda _checked=False, e=emoji: self.insert_emoji(e))
        self.emoji_button.setMenu(emoji_menu)
        self.group_box = QComboBox(self)
        self.group_box.setEditable(True)
        self.code_edit = QLineEdit(self)
        self.intent_boxes = [QComboBox(self), QComboBox(self)]
        for box in self.intent_boxes:
            box.addItem("", "")  # （无）, named in retranslate()
            for intent in intents():
                box.addItem(intent.name_zh, intent.id)
        self.inferred_label = plain_label(parent=self)
        self.inferred_label.setProperty("role", "muted")
        self.confirm_inferred_button = QPushButton(self)
        self.confirm_inferred_button.clicked.connect(self.confirm_inferred)
        self._inferred: tuple[str, ...] = ()
        self._inferred_for = Phrase(id="", text="")  # the phrase the 推断 line was last worked out for
        self.keywords_edit = QLineEdit(self)
        self.preview_label = plain_label(parent=self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label = plain_label(parent=self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setProperty("role", "warning")
        self._promotion = ""
        self._check: Callable[[str], list[str]] = lambda _text: []

        text_row = QHBoxLayout()
        text_row.addWidget(self.text_edit, 1)
        text_row.addWidget(self.emoji_button, 0, Qt.AlignmentFlag.AlignTop)
        self.row_names = [plain_label(parent=self) for _row in range(6)]  # named in retranslate()
        text_name, group_name, code_name, intent_name, keywords_name, preview_name = self.row_names
        form = QFormLayout(self)
        form.addRow(text_name, text_row)
        form.addRow(group_name, self.group_box)
        form.addRow(code_name, self.code_edit)
        form.addRow(intent_name, self.intent_boxes[0])
        form.addRow("", self.intent_boxes[1])
        inferred_row = QHBoxLayout()
        inferred_row.addWidget(self.inferred_label, 1)
        inferred_row.addWidget(self.confirm_inferred_button)
        form.addRow("", inferred_row)
        form.addRow(keywords_name, self.keywords_edit)
        form.addRow(preview_name, self.preview_label)
        form.addRow("", self.warning_label)
        self.retranslate()

        self.text_edit.textChanged.connect(self._on_field_edited)
        self.group_box.currentTextChanged.connect(self._on_field_edited)
        self.code_edit.textEdited.connect(self._on_field_edited)
        self.keywords_edit.textEdited.connect(self._on_field_edited)
        for box in self.intent_boxes:
            box.currentIndexChanged.connect(self._on_field_edited)
        self.setEnabled(False)

    def retranslate(self) -> None:
        self.text_edit.setPlaceholderText(self.tr("回复内容，可用 {买家}、{客服}、{店铺}、{活动} 等变量"))
        self.emoji_button.setToolTip(self.tr("插入表情"))
        for box in self.intent_boxes:
            box.setItemText(0, self.tr("（无）"))
        self.confirm_inferred_button.setText(self.tr("确认"))
        self.confirm_inferred_button.setToolTip(self.tr("采用推断的意图；也可以在上面直接改选"))
        self.keywords_edit.setPlaceholderText(self.tr("用 | 分隔，如 发货|几天到"))
        names = (self.tr("内容"), self.tr("分组"), self.tr("快捷编码"), self.tr("意图"), self.tr("关键词"),
                 self.tr("预览"))
        for row_name, name in zip(self.row_names, names, strict=True):
            row_name.setText(name)
        self._refresh_inferred(self._inferred_for)
        self._refresh_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_context(self, groups: list[str], promotion: str, check: Callable[[str], list[str]]) -> None:
        """Groups to offer, the campaign that fills {活动} in the preview, and the sensitive-word check."""
        self._loading = True
        current = self.group_box.currentText()
        self.group_box.clear()
        self.group_box.addItems(sorted({*groups, UNGROUPED}))
        self.group_box.setCurrentText(current)
        self._loading = False
        self._promotion = promotion
        self._check = check

    def show_phrase(self, phrase: Phrase | None) -> None:
        self._loading = True
        self._phrase_id = phrase.id if phrase else ""
        self.setEnabled(phrase is not None)
        phrase = phrase or Phrase(id="", text="")
        self.text_edit.setPlainText(phrase.text)
        self.group_box.setCurrentText(phrase.group)
        self.code_edit.setText(phrase.code)
        for box, intent in zip(self.intent_boxes, [*phrase.intents, "", ""], strict=False):
            box.setCurrentIndex(max(0, box.findData(intent)))
        self.keywords_edit.setText("|".join(phrase.keywords))
        self._loading = False
        self._refresh_preview()
        self._refresh_inferred(phrase)

    def _refresh_inferred(self, phrase: Phrase) -> None:
        """Without intents of its own, the phrase is filed under what its text, group and keywords suggest:
        shown as 推断 until the lead confirms it (or picks others above), which stores them."""
        self._inferred_for = phrase
        self._inferred = () if phrase.intents or not phrase.id else infer_phrase_intents(phrase)
        missing = self.tr("没有意图：不会按买家消息推荐，请在上面选择") if phrase.id and not phrase.intents else ""
        show_inferred(self.inferred_label, self.confirm_inferred_button, self._inferred,
                      self.tr("推断：%1（未确认）"), missing)

    def confirm_inferred(self) -> None:
        """Store the inferred intents as the phrase's own (so they are kept, published and survive re-import)."""
        if not self._inferred:
            return
        self._loading = True
        for box, intent in zip(self.intent_boxes, [*self._inferred, "", ""], strict=False):
            box.setCurrentIndex(max(0, box.findData(intent)))
        self._loading = False
        self._on_field_edited()

    def insert_emoji(self, emoji: str) -> None:
        self.text_edit.insertPlainText(emoji)
        self.text_edit.setFocus()

    def _on_field_edited(self, *_args: object) -> None:
        if self._loading or not self._phrase_id:
            return
        chosen = [box.currentData() for box in self.intent_boxes]
        changes: dict[str, Any] = {
            "text": self.text_edit.toPlainText(),
            "group": self.group_box.currentText().strip() or UNGROUPED,
            "code": self.code_edit.text().strip(),
            "intents": tuple(dict.fromkeys(i for i in chosen if i)),
            "keywords": tuple(k.strip() for k in self.keywords_edit.text().replace("｜", "|").split("|") if k.strip()),
        }
        self._refresh_preview()
        self.edited.emit(self._phrase_id, changes)
        self._refresh_inferred(Phrase(id=self._phrase_id, **changes))

    def _refresh_preview(self) -> None:
        text = self.text_edit.toPlainText()
        self.preview_label.setText(render(text, {**PREVIEW_VALUES, "活动": self._promotion}))
        words = self._check(text)
        self.warning_label.setText(self.tr("含敏感词：{0}").format("、".join(words)) if words else "")
