"""The ⚠ question before pasting a reply with sensitive words: Enter (or Esc) means 取消, never 仍然粘贴."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.widgets.confirm import ask_paste_sensitive


def answer(act: Callable[[QMessageBox], None]) -> None:
    """Once the modal question is up, `act` on it (from inside its own event loop)."""

    def when_shown() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(0, when_shown)
            return
        act(box)

    QTimer.singleShot(0, when_shown)


def press(key: Qt.Key) -> Callable[[QMessageBox], None]:
    return lambda box: QTest.keyClick(box, key)


def test_enter_on_the_sensitive_word_question_cancels(qapp) -> None:
    answer(press(Qt.Key.Key_Return))
    assert ask_paste_sensitive(None, ["加微信"]) is False


def test_the_default_button_is_cancel(qapp) -> None:
    seen: list[str | None] = []

    def note_default(box: QMessageBox) -> None:
        default = box.defaultButton()
        seen.append(default.text() if default is not None else None)
        box.reject()

    answer(note_default)
    assert ask_paste_sensitive(None, ["加微信"]) is False
    assert seen == ["取消"]


def test_escape_cancels_and_only_the_paste_button_pastes(qapp) -> None:
    answer(press(Qt.Key.Key_Escape))
    assert ask_paste_sensitive(None, ["微信"]) is False

    def click_paste(box: QMessageBox) -> None:
        (paste,) = [b for b in box.buttons() if b.text() == "仍然粘贴"]
        paste.click()

    answer(click_paste)
    assert ask_paste_sensitive(None, ["微信"]) is True


def test_the_fixed_text_question_pastes_it_with_f_and_enter_still_cancels(qapp) -> None:
    from desktop.ui.widgets.confirm import ask_paste_sensitive_fixed

    seen: list[str] = []

    def read_then_press_f(box: QMessageBox) -> None:
        seen.append(box.informativeText())
        QTest.keyClick(box, Qt.Key.Key_F)

    answer(read_then_press_f)
    assert ask_paste_sensitive_fixed(None, ["全网最低"], "亲，性价比很高哦") == "fixed"
    assert "亲，性价比很高哦" in seen[0]
    answer(press(Qt.Key.Key_Return))
    assert ask_paste_sensitive_fixed(None, ["全网最低"], "亲，性价比很高哦") is None

    def click_original(box: QMessageBox) -> None:
        (original,) = [b for b in box.buttons() if b.text() == "仍然粘贴原文"]
        original.click()

    answer(click_original)
    assert ask_paste_sensitive_fixed(None, ["全网最低"], "亲，性价比很高哦") == "original"
