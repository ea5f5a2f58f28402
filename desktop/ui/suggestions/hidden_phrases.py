"""设置 → 已隐藏的团队短语…: the phrases 不再推荐此团队短语 took out of suggestions, each with 恢复推荐.

A dialog of its own rather than a box in 设置: the settings dialog already fills a 768 px high screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.phrases import Phrase
from desktop.ui.widgets.plain_text import as_tooltip, plain_label


class HiddenPhrasesDialog(QDialog):
    restore_requested = Signal(object)  # the Phrase to suggest again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(420)
        self.intro_label = plain_label(parent=self)
        self.intro_label.setWordWrap(True)
        self.intro_label.setProperty("role", "muted")
        self.list_widget = QListWidget(self)
        self.list_widget.setUniformItemSizes(True)
        self.list_widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elide, not scroll
        self.list_widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty_label = plain_label(parent=self)
        self.empty_label.setProperty("role", "muted")
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.list_widget.currentRowChanged.connect(self._update_button)
        self.list_widget.itemDoubleClicked.connect(lambda _item: self._on_restore_button_clicked())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.list_widget, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.set_phrases([])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("已隐藏的团队短语"))
        self.intro_label.setText(self.tr("这些团队短语不再推荐，搜索仍能找到（标“已隐藏”）。恢复推荐后会重新出现在建议里。"))
        self.restore_button.setText(self.tr("恢复推荐"))
        self.close_button.setText(self.tr("关闭"))
        self.empty_label.setText(self.tr("没有隐藏的短语。"))

    def set_phrases(self, phrases: Sequence[Phrase]) -> None:
        self.list_widget.clear()
        for phrase in phrases:
            text = " ".join(phrase.text.split())
            item = QListWidgetItem(f"{phrase.code} · {text}" if phrase.code else text, self.list_widget)
            item.setData(Qt.ItemDataRole.UserRole, phrase)
            item.setToolTip(as_tooltip(f"{phrase.group}\n{phrase.text}"))
        self.list_widget.setVisible(bool(phrases))
        self.empty_label.setVisible(not phrases)
        if phrases:
            self.list_widget.setCurrentRow(0)
        self._update_button()

    def phrases(self) -> list[Phrase]:
        return [self.list_widget.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list_widget.count())]

    def _update_button(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.list_widget.currentItem() is not None)

    def _on_restore_button_clicked(self) -> None:
        if (item := self.list_widget.currentItem()) is not None:
            self.restore_requested.emit(item.data(Qt.ItemDataRole.UserRole))
