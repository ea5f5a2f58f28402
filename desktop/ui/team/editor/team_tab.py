"""The 活动与敏感词 tab: the team's sensitive words, campaigns and featured phrase, checked before they go
into the draft (and out with the next publish)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from desktop.core.sync.draft import (
    DraftError,
    featured_from_fields,
    promotions_from_text,
    promotions_to_text,
    words_from_text,
    words_to_text,
)
from desktop.ui.team.editor.phrase_model import DraftPhraseModel
from desktop.ui.widgets.plain_text import plain_label


class TeamSettingsTab(QWidget):
    """Signals: `applied()` once the fields went into the draft (the phrase form's campaign and words follow)."""

    applied = Signal()

    def __init__(self, model: DraftPhraseModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.words_edit = QPlainTextEdit(self)
        self.promotions_edit = QPlainTextEdit(self)
        self.featured_box = QComboBox(self)
        # Its items are whole phrases: sized to them, the tab grew wider than a 1366-pixel screen at 125 %.
        self.featured_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.featured_box.setMinimumContentsLength(24)
        self.featured_product = QLineEdit(self)
        self.featured_start = QLineEdit(self)
        self.featured_end = QLineEdit(self)
        for edit in (self.featured_start, self.featured_end):
            edit.setPlaceholderText("2026-11-16")
        self.team_problem = plain_label(parent=self)
        self.team_problem.setWordWrap(True)
        self.apply_button = QPushButton(self)
        self.apply_button.clicked.connect(self.apply)
        self._applied = False  # 已应用到草稿 is showing
        self.row_names = [plain_label(parent=self) for _row in range(6)]  # named in retranslate()
        form = QFormLayout(self)
        for row_name, field in zip(self.row_names, (self.words_edit, self.promotions_edit, self.featured_box,
                                                    self.featured_product, self.featured_start, self.featured_end),
                                   strict=True):
            form.addRow(row_name, field)
        form.addRow(self.team_problem, self.apply_button)
        model.modelReset.connect(self.refresh)  # a new draft or imported phrases
        self.retranslate()

    def retranslate(self) -> None:
        self.words_edit.setPlaceholderText(self.tr("一行一个：敏感词<Tab>类别<Tab>替代说法，或 敏感词 → 替代说法"))
        self.promotions_edit.setPlaceholderText(self.tr("一行一个：名称 | 2026-11-01 | 2026-11-11 | 要点；要点"))
        self.apply_button.setText(self.tr("应用到草稿"))
        names = (self.tr("团队敏感词"), self.tr("活动（填入 {活动}）"), self.tr("本周主推款短语"), self.tr("主推商品"),
                 self.tr("开始日期"), self.tr("结束日期"))
        for row_name, name in zip(self.row_names, names, strict=True):
            row_name.setText(name)
        if self.featured_box.count():
            self.featured_box.setItemText(0, self.tr("（无）"))
        if self._applied:
            self.team_problem.setText(self.tr("已应用到草稿，发布后生效"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Show the draft's team settings (after it was loaded or its phrases replaced)."""
        draft = self._model.draft
        self.words_edit.setPlainText(words_to_text(draft.sensitive_words))
        self.promotions_edit.setPlainText(promotions_to_text(draft.promotions))
        self.featured_box.clear()
        self.featured_box.addItem(self.tr("（无）"), "")
        for phrase in draft.phrases:
            self.featured_box.addItem(" ".join(phrase.text.split())[:40], phrase.id)
        featured = draft.featured
        if featured is not None:
            self.featured_box.setCurrentIndex(max(0, self.featured_box.findData(featured.phrase_id)))
            self.featured_product.setText(featured.product)
            self.featured_start.setText(featured.start.isoformat())
            self.featured_end.setText(featured.end.isoformat())

    def apply(self) -> bool:
        """Check the fields and put them into the draft; a problem is shown beside the button instead."""
        try:
            promotions = promotions_from_text(self.promotions_edit.toPlainText())
            featured = featured_from_fields(str(self.featured_box.currentData() or ""), self.featured_product.text(),
                                            self.featured_start.text(), self.featured_end.text())
        except DraftError as error:
            self._applied = False
            self.team_problem.setText(str(error))
            return False
        draft = self._model.draft
        draft.sensitive_words = words_from_text(self.words_edit.toPlainText())
        draft.promotions = promotions
        draft.featured = featured
        self._applied = True
        self.team_problem.setText(self.tr("已应用到草稿，发布后生效"))
        self.applied.emit()
        return True
