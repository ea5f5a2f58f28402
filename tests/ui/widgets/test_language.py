"""LanguageChangeRelay: an object that is not a widget follows the language switches its widget hears of; LiveText
says a status line again after one."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.ui_text import UiText
from desktop.ui.widgets.language import LanguageChangeRelay, LiveText, label, translated


class _Owner(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def retranslate(self) -> None:
        self.calls += 1


def test_the_relay_retranslates_its_owner_on_the_widgets_language_change_and_not_after_the_owner_is_gone(
        qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    owner = _Owner()
    LanguageChangeRelay(widget, owner.retranslate)
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))  # a widget passes it to its children
    assert owner.calls == 1
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.FontChange))
    assert owner.calls == 1
    shiboken6.delete(owner)
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))  # no call into a deleted object


def test_a_live_text_says_what_it_last_said_again_after_a_language_change(qtbot) -> None:
    line = QLabel()
    qtbot.addWidget(line)
    live = LiveText(line, line.setText)
    said = iter(["正在读取…", "Reading…"])
    live.say(lambda: next(said))
    assert line.text() == "正在读取…"
    QCoreApplication.sendEvent(line, QEvent(QEvent.Type.LanguageChange))
    assert line.text() == "Reading…"


def test_untranslated_texts_read_as_their_chinese_source() -> None:
    assert translated(UiText("SyncStatus", "团队库 v%1", ("3",))) == "团队库 v3"
    assert label("待催付") == "待催付"
