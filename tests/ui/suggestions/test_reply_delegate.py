"""The reply card: a guess (the engine less sure) carries a quiet 猜测 chip, a hidden phrase found by search
an 已隐藏 one; a sure answer neither."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.core.engine import Suggestion
from desktop.ui.suggestions.reply_delegate import ReplyDelegate
from desktop.ui.suggestions.reply_model import ReplyListModel

from ..conftest import SHIP


def _card(qapp, sure: bool, hidden: bool = False) -> QImage:
    model = ReplyListModel()
    if hidden:
        model.set_phrases([SHIP], frozenset({SHIP.id}))
    else:
        model.set_suggestions([Suggestion(SHIP, 0.5, sure=sure)])
    delegate = ReplyDelegate()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 320, 90)
    option.font = QFont()
    image = QImage(320, 90, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0))
    painter.end()
    return image


def test_a_guess_is_painted_differently_from_a_sure_answer(qapp) -> None:
    assert _card(qapp, sure=False) != _card(qapp, sure=True)


def test_a_hidden_phrase_found_by_search_is_marked(qapp) -> None:
    assert _card(qapp, sure=True, hidden=True) != _card(qapp, sure=True)
