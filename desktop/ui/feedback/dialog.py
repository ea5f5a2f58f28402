"""反馈给部门: the copied message under a department, a note, and — only if the agent ticks it — a copy for
the lead, previewed as it will leave the PC (phone numbers, addresses and names taken out)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core.feedback import MAX_FEEDBACK_CHARS, MAX_NOTE_CHARS, redact
from desktop.ui.widgets.plain_text import plain_label


class FeedbackDialog(QDialog):
    def __init__(self, departments: tuple[str, ...], department: str, text: str, can_share: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("反馈给部门"))
        self.department_box = QComboBox(self)
        self.department_box.addItems(departments)
        self.department_box.setCurrentText(department)
        self.text_edit = QPlainTextEdit(text[:MAX_FEEDBACK_CHARS], self)
        self.text_edit.setMinimumSize(self.fontMetrics().horizontalAdvance("买") * 26, self.fontMetrics().height() * 5)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(MAX_NOTE_CHARS)
        self.note_edit.setPlaceholderText(self.tr("补充说明（可选）"))
        self.share_box = QCheckBox(self.tr("发给组长（去掉电话、地址、姓名后）"), self)
        self.share_box.setEnabled(can_share)
        if not can_share:
            self.share_box.setToolTip(self.tr("没有设置团队共享文件夹：反馈只保存在本机"))
        self.preview = plain_label(parent=self)
        self.preview.setWordWrap(True)
        self.preview.setProperty("role", "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("部门"), self.department_box)
        form.addRow(self.tr("买家的话"), self.text_edit)
        form.addRow(self.tr("备注"), self.note_edit)
        form.addRow(self.share_box)
        form.addRow(self.preview)
        form.addRow(buttons)
        self.share_box.toggled.connect(self._update_preview)
        self.text_edit.textChanged.connect(self._update_preview)
        self.note_edit.textChanged.connect(self._update_preview)
        self._update_preview()

    def _update_preview(self) -> None:
        shared = self.share_box.isChecked()
        self.preview.setVisible(shared)
        if shared:
            note = redact(self.note_edit.text().strip())
            text = redact(self.text_edit.toPlainText().strip()) + (f"（{note}）" if note else "")
            self.preview.setText(self.tr("组长将看到：%1").replace("%1", text))

    def choice(self) -> tuple[str, str, str, bool]:
        """Department, text, note, and whether to share."""
        return (self.department_box.currentText(), self.text_edit.toPlainText(), self.note_edit.text(),
                self.share_box.isChecked())
