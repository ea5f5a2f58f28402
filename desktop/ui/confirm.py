"""Small yes/no questions the overlay asks (pasting a reply with sensitive words, deleting a phrase)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("confirm", text)


def ask_paste_sensitive(parent: QWidget | None, words: Sequence[str]) -> bool:
    """True when the agent still wants to paste a reply containing `words` (platform-rule words, not buyer data)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("回复含敏感词"),
                      _tr("这条回复包含平台可能处罚的词：%1").replace("%1", "、".join(dict.fromkeys(words))),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(_tr("极限用语、引导站外交易或好评返现都可能被平台处罚。确定要粘贴吗？"))
    paste = box.addButton(_tr("仍然粘贴"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is paste


def ask_delete_phrase(parent: QWidget | None) -> bool:
    answer = QMessageBox.question(parent, _tr("删除短语"), _tr("删除这条我的短语？此操作不能撤销。"),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
