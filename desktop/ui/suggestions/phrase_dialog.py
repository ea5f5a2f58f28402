"""Quick add and edit of a personal phrase: text, group (分组), shortcut code (快捷编码), up to two intents.

With no intent chosen, the intents Kuaida would infer from the text and group are shown as 推断：… with 确认,
which checks them, so they are saved as the phrase's own.

Written for a buyer message nothing fitted (`question`), the dialog shows that message as the phrase's example
question (买家问题) and leaves the reply empty; the caller teaches the engine the question (hashed features, as a
pick is learned), so the phrase comes first when the same message is copied again. The text itself is not saved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.intent_inference import infer_phrase_intents
from desktop.core.phrases import MAX_INTENTS, UNGROUPED, Phrase, intents, new_phrase_id, validate
from desktop.ui.widgets.inferred_intents import show_inferred
from desktop.ui.widgets.plain_text import plain_label


class PhraseDialog(QDialog):
    """Builds a personal Phrase; `phrase()` after `exec()` returned Accepted. Never writes anything itself."""

    def __init__(self, original: Phrase | None = None, *, text: str = "", groups: Sequence[str] = (),
                 question: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A team phrase being copied becomes a new personal phrase; a personal one is edited in place.
        self._original = original if original is not None and original.source == "personal" else None
        base = original or Phrase(id="", text=text)
        self.setWindowTitle(self.tr("编辑我的短语") if self._original else self.tr("新建我的短语"))
        self.setMinimumWidth(340)

        self.question_edit: QLineEdit | None = None
        if question:
            self.question_edit = QLineEdit(question, self)
            self.question_edit.setToolTip(self.tr("保存后，复制同样的买家消息时这条短语排第一（只保存加密的特征，不保存原文）"))
        self.text_edit = QPlainTextEdit(base.text, self)
        self.text_edit.setPlaceholderText(self.tr("回复内容，可用 {买家}、{客服}、{店铺} 等变量"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(110)
        self.group_box = QComboBox(self)
        self.group_box.setEditable(True)
        self.group_box.addItems(sorted({*groups, UNGROUPED}))
        self.group_box.setCurrentText(base.group or UNGROUPED)
        self.code_edit = QLineEdit(base.code, self)
        self.code_edit.setPlaceholderText(self.tr("如 fh1，在搜索框输入即可找到"))
        self.intent_list = QListWidget(self)
        self.intent_list.setMaximumHeight(150)
        for intent in intents():
            item = QListWidgetItem(intent.name_zh, self.intent_list)
            item.setData(Qt.ItemDataRole.UserRole, intent.id)
            item.setToolTip(intent.description)
            item.setCheckState(Qt.CheckState.Checked if intent.id in base.intents else Qt.CheckState.Unchecked)
        self.intent_list.itemChanged.connect(self._on_intent_list_item_changed)
        self.inferred_label = plain_label(parent=self)
        self.inferred_label.setProperty("role", "muted")
        self.inferred_label.setWordWrap(True)
        self.confirm_inferred_button = QPushButton(self.tr("确认"), self)
        self.confirm_inferred_button.setToolTip(self.tr("采用推断的适用问题；也可以在上面直接勾选"))
        self.confirm_inferred_button.clicked.connect(self.confirm_inferred)
        self._inferred: tuple[str, ...] = ()
        self.problem_label = plain_label(parent=self)
        self.problem_label.setProperty("role", "muted")
        self.problem_label.setWordWrap(True)

        form = QFormLayout()
        if self.question_edit is not None:
            form.addRow(self.tr("买家问题"), self.question_edit)
            self.text_edit.setFocus()  # the reply is what is left to write
        form.addRow(self.tr("内容"), self.text_edit)
        form.addRow(self.tr("分组"), self.group_box)
        form.addRow(self.tr("快捷编码"), self.code_edit)
        form.addRow(self.tr("适用问题（最多 %1 个）").replace("%1", str(MAX_INTENTS)), self.intent_list)
        inferred_row = QHBoxLayout()
        inferred_row.addWidget(self.inferred_label, 1)
        inferred_row.addWidget(self.confirm_inferred_button)
        form.addRow("", inferred_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.text_edit.textChanged.connect(self._refresh_inferred)
        self.group_box.currentTextChanged.connect(self._refresh_inferred)
        self._refresh_inferred()

    def _refresh_inferred(self) -> None:
        chosen = self.chosen_intents()
        text = self.text_edit.toPlainText().strip()
        draft = Phrase(id="draft", text=text, group=self.group_box.currentText().strip() or UNGROUPED)
        self._inferred = () if chosen or not text else infer_phrase_intents(draft)
        missing = self.tr("未选适用问题：这条短语只能搜索，不会按买家消息推荐") if text and not chosen else ""
        show_inferred(self.inferred_label, self.confirm_inferred_button, self._inferred,
                      self.tr("推断：%1（未确认）"), missing)

    def confirm_inferred(self) -> None:
        """Check the inferred intents: saved with the phrase, they are its own from then on."""
        inferred = self._inferred[:MAX_INTENTS]  # checking an item re-infers (to nothing, once one is chosen)
        for i in range(self.intent_list.count()):
            item = self.intent_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in inferred:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen_intents(self) -> tuple[str, ...]:
        items = (self.intent_list.item(i) for i in range(self.intent_list.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)

    def question(self) -> str:
        """The example question as the agent left it ("" when the dialog was not opened for one)."""
        return self.question_edit.text().strip() if self.question_edit is not None else ""

    def phrase(self) -> Phrase:
        fields = {
            "text": self.text_edit.toPlainText().strip(),
            "group": self.group_box.currentText().strip() or UNGROUPED,
            "code": self.code_edit.text().strip(),
            "intents": self.chosen_intents(),
            "source": "personal",
        }
        if self._original is not None:
            return self._original.with_changes(**fields)
        return Phrase(id=new_phrase_id("personal"), **fields)  # type: ignore[arg-type]

    def accept(self) -> None:
        problems = validate(self.phrase())
        if problems:
            self.problem_label.setText("；".join(problems))
            return
        super().accept()

    def _on_intent_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._refresh_inferred()
        # At most MAX_INTENTS: once that many are checked the others are disabled until one is unchecked.
        full = len(self.chosen_intents()) >= MAX_INTENTS
        self.intent_list.blockSignals(True)  # setFlags emits itemChanged again
        for i in range(self.intent_list.count()):
            item = self.intent_list.item(i)
            checked = item.checkState() == Qt.CheckState.Checked
            flags = item.flags()
            enabled = checked or not full
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled)
        self.intent_list.blockSignals(False)
