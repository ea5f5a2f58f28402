"""Small questions the overlay asks (pasting a reply with sensitive words, deleting a phrase, a note for a
phrase offered to the team)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.ui.widgets.plain_text import ask_yes_no, message_box

# Literal QCoreApplication.translate("confirm", ...) calls, not a wrapper, so pyside6-lupdate finds the texts.


def ask_paste_sensitive(parent: QWidget | None, words: Sequence[str]) -> bool:
    """True when the agent still wants to paste a reply containing `words` (platform-rule words, not buyer data)."""
    listed = "、".join(dict.fromkeys(words))
    box = message_box(
        QMessageBox.Icon.Warning, QCoreApplication.translate("confirm", "回复含敏感词"),
        QCoreApplication.translate("confirm", "这条回复包含平台可能处罚的词：%1").replace("%1", listed), parent,
        QCoreApplication.translate("confirm", "极限用语、引导站外交易或好评返现都可能被平台处罚。确定要粘贴吗？"),
    )
    paste = box.addButton(QCoreApplication.translate("confirm", "仍然粘贴"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("confirm", "取消"), QMessageBox.ButtonRole.RejectRole)
    # 取消 is the default: an agent pressing Enter twice (once to pick, once to send) must not paste 加微信.
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    chosen = box.clickedButton() is paste
    box.deleteLater()
    return chosen


def ask_paste_sensitive_fixed(parent: QWidget | None, words: Sequence[str], fixed: str) -> str | None:
    """The ⚠ question when the word list gives a compliant wording: "fixed" (the F key, or a click) pastes
    `fixed`, "original" only by a click on 仍然粘贴原文, None cancels (Enter and Esc, as in the plain question)."""
    listed = "、".join(dict.fromkeys(words))
    box = message_box(
        QMessageBox.Icon.Warning, QCoreApplication.translate("confirm", "回复含敏感词"),
        QCoreApplication.translate("confirm", "这条回复包含平台可能处罚的词：%1").replace("%1", listed), parent,
        QCoreApplication.translate("confirm", "修正后：%1\n\n按 F 粘贴修正后的文本。").replace("%1", fixed),
    )
    # QMessageBox presses a button whose shortcut is a plain letter: F alone pastes the fixed text.
    use_fixed = box.addButton(QCoreApplication.translate("confirm", "粘贴修正后的文本 (F)"),
                              QMessageBox.ButtonRole.AcceptRole)
    use_fixed.setShortcut(QKeySequence(Qt.Key.Key_F))
    original = box.addButton(QCoreApplication.translate("confirm", "仍然粘贴原文"), QMessageBox.ButtonRole.YesRole)
    cancel = box.addButton(QCoreApplication.translate("confirm", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)  # Enter twice (pick, then send) pastes nothing, as in the plain question
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is use_fixed:
        return "fixed"
    return "original" if clicked is original else None


def ask_delete_phrase(parent: QWidget | None) -> bool:
    return ask_yes_no(
        parent,
        QCoreApplication.translate("confirm", "删除短语"),
        QCoreApplication.translate("confirm", "删除这条我的短语？此操作不能撤销。"),
    )


def ask_proposal_note(parent: QWidget | None) -> str | None:
    """A note for the team lead with a phrase offered to the team; None when the agent cancelled."""
    note, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("confirm", "推荐给团队"),
        QCoreApplication.translate("confirm", "这条短语会交给主管审核，通过后全组都能用。\n给主管的说明（可不填）："),
        QLineEdit.EchoMode.Normal,
    )
    return note.strip() if ok else None
