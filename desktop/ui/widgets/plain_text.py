"""Text from buyers, agents and files is shown as text, never as rich text.

Qt guesses: a label, message box or tooltip whose text looks like HTML (`<b>`, `<img src=…>`) is rendered
as HTML, and an image tag makes Qt open the path it names (on Windows a `\\\\host\\share` path makes the PC
connect out). Every label and message box in the window is made here, fixed to plain text, and every
tooltip that may carry such text goes through `as_tooltip`. `tests/ui/test_plain_text.py` checks that
nothing in desktop/ui builds a QLabel or QMessageBox any other way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(PLAIN)
    label.setText(text)
    return label


class _CollapsingLabel(QLabel):
    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


def collapsing_label(parent: QWidget | None = None) -> QLabel:
    """A plain-text label for occasional messages: hidden while empty, so it takes no room from a list."""
    label = _CollapsingLabel(parent)
    label.setTextFormat(PLAIN)
    label.hide()
    return label


def message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None, informative: str = "",
) -> QMessageBox:
    """A message box whose text and informative text are plain text (detailed text always is)."""
    box = QMessageBox(parent)
    box.setTextFormat(PLAIN)  # applies to the informative text too
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """QMessageBox.question with plain text; No is the default."""
    box = message_box(QMessageBox.Icon.Question, title, text, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    answer = box.exec()
    box.deleteLater()
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.information with plain text."""
    box = message_box(QMessageBox.Icon.Information, title, text, parent)
    box.exec()
    box.deleteLater()


def as_tooltip(text: str) -> str:
    """A tooltip showing `text` literally (escaped, line breaks kept); empty stays empty (no tooltip)."""
    return QtGuiNamespace.convertFromPlainText(text) if text else ""
