"""The 建议 (suggestions) tab: the copied message, the search box, and the numbered replies or an empty state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.suggestions.empty_state import EmptyKind, EmptyState
from desktop.ui.suggestions.reply_delegate import ReplyDelegate
from desktop.ui.suggestions.reply_model import HiddenRole, PhraseRole
from desktop.ui.suggestions.search_box import SearchBox
from desktop.ui.widgets.plain_text import plain_label

if TYPE_CHECKING:
    from desktop.core.phrases import Phrase


class ReplyListView(QListView):
    """Never takes the focus (the chat client keeps it); the delegate sizes rows to the view's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # card heights depend on the width


class SuggestionPanel(QWidget):
    row_clicked = Signal(int)  # a row of the list now shown was clicked
    search_focus_requested = Signal()
    search_cancel_requested = Signal()
    search_accept_requested = Signal()
    query_changed = Signal(str)
    add_phrase_requested = Signal()  # ＋ 新建 in the header
    add_for_miss_requested = Signal()  # 新建短语… in the empty list (没有合适的短语 / 没有找到)
    edit_phrase_requested = Signal(object)  # Phrase
    delete_phrase_requested = Signal(object)
    hide_phrase_requested = Signal(object)
    unhide_phrase_requested = Signal(object)  # 恢复推荐 on a hidden team phrase that search found
    copy_phrase_requested = Signal(object)  # a team phrase to copy into a personal one
    propose_phrase_requested = Signal(object)  # a personal phrase to offer the team lead (推荐给团队)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message_text = ""
        self.message_label = plain_label(parent=self)
        self.message_label.setProperty("role", "message")
        # It elides its text to the room it gets (beside 未成交 when that shows): it never asks for more.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.hide()
        self.search_box = SearchBox(self)
        self.add_button = QToolButton(self)  # beside the search: find a phrase, or add the one you need
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.add_button.clicked.connect(self.add_phrase_requested)
        self.list_view = ReplyListView(self)
        self.list_view.setObjectName("suggestions")  # the e2e probe finds the list by it
        self.delegate = ReplyDelegate(self.list_view)
        self.list_view.setItemDelegate(self.delegate)
        self.empty_state = EmptyState(self)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.list_view)
        self._stack.addWidget(self.empty_state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.setSpacing(8)
        self.message_row = QHBoxLayout()
        self.message_row.setSpacing(4)
        self.message_row.addWidget(self.message_label, 1)
        layout.addLayout(self.message_row)
        search_row = QHBoxLayout()
        search_row.setSpacing(4)
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.add_button)
        layout.addLayout(search_row)
        layout.addWidget(self._stack, 1)

        self.list_view.clicked.connect(self._on_list_view_clicked)
        self.list_view.customContextMenuRequested.connect(self._on_list_view_context_menu)
        self.search_box.focus_requested.connect(self.search_focus_requested)
        self.search_box.cancel_requested.connect(self.search_cancel_requested)
        self.search_box.accept_requested.connect(self.search_accept_requested)
        self.search_box.move_requested.connect(self._on_search_box_move_requested)
        self.search_box.textEdited.connect(self.query_changed)
        self.empty_state.search_requested.connect(self.search_focus_requested)
        self.empty_state.add_requested.connect(self.add_for_miss_requested)
        self.retranslate()

    def add_message_action(self, widget: QWidget) -> None:
        """A small action about the copied message (未成交…), at the end of its line; keep it NoFocus."""
        self.message_row.addWidget(widget)

    # what is shown ---------------------------------------------------------------------------------
    def set_message(self, text: str) -> None:
        """Show the copied message on one elided line; the full text is never logged or kept elsewhere."""
        self._message_text = " ".join(text.split())
        self.message_label.setVisible(bool(self._message_text))
        self._elide_message()

    def show_model(self, model: QAbstractItemModel, empty: EmptyKind, query: str = "") -> None:
        """Show `model` in the list, or the empty state of `empty` kind when it has no rows."""
        if self.list_view.model() is not model:
            self.list_view.setModel(model)
        if model.rowCount() > 0:
            self.list_view.setCurrentIndex(model.index(0, 0))
            self.list_view.scrollToTop()
            self._stack.setCurrentWidget(self.list_view)
        else:
            self.empty_state.show_kind(empty, query)
            self._stack.setCurrentWidget(self.empty_state)

    def showing_list(self) -> bool:
        return self._stack.currentWidget() is self.list_view

    def current_row(self) -> int:
        index = self.list_view.currentIndex()
        return index.row() if index.isValid() else -1

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("搜索：文字、快捷编码或拼音首字母"))
        self.add_button.setText(self.tr("＋ 新建"))
        self.add_button.setToolTip(self.tr("把剪贴板里的文字存为我的短语"))
        self.delegate.personal_label = self.tr("我的")
        self.delegate.sensitive_label = self.tr("敏感词")
        self.delegate.less_sure_label = self.tr("猜测")
        self.delegate.hidden_label = self.tr("已隐藏")
        self._elide_message()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_message()

    # slots -----------------------------------------------------------------------------------------
    def _elide_message(self) -> None:
        if not self._message_text:
            return
        prefix = self.tr("买家：")
        metrics = self.message_label.fontMetrics()
        room = max(40, self.message_label.contentsRect().width() or self.width() - 40)
        self.message_label.setText(metrics.elidedText(prefix + self._message_text, Qt.TextElideMode.ElideRight,
                                                      room))

    def _on_list_view_clicked(self, index: QModelIndex) -> None:
        self.row_clicked.emit(index.row())

    def _on_search_box_move_requested(self, step: int) -> None:
        model = self.list_view.model()
        if model is None or model.rowCount() == 0:
            return
        row = min(max(self.current_row() + step, 0), model.rowCount() - 1)
        self.list_view.setCurrentIndex(model.index(row, 0))

    def _on_list_view_context_menu(self, position: QPoint) -> None:
        index = self.list_view.indexAt(position)
        if not index.isValid():
            return
        phrase: Phrase = index.data(PhraseRole)
        menu = QMenu(self)
        for label, signal in self.context_actions(phrase, hidden=bool(index.data(HiddenRole))):
            action = QAction(label, menu)
            action.triggered.connect(lambda _checked=False, s=signal: s.emit(phrase))
            menu.addAction(action)
        menu.exec(self.list_view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_actions(self, phrase: Phrase, *, hidden: bool) -> list[tuple[str, SignalInstance]]:
        """A reply's right-click menu: the agent's own phrase is hers to edit; a team phrase can be copied,
        or taken out of suggestions (不再推荐), or, found by search while hidden, brought back (恢复推荐)."""
        if phrase.source == "personal":
            return [(self.tr("编辑…"), self.edit_phrase_requested),
                    (self.tr("推荐给团队…"), self.propose_phrase_requested),
                    (self.tr("删除"), self.delete_phrase_requested)]
        if hidden:
            return [(self.tr("复制为我的短语…"), self.copy_phrase_requested),
                    (self.tr("恢复推荐"), self.unhide_phrase_requested)]
        return [(self.tr("复制为我的短语…"), self.copy_phrase_requested),
                (self.tr("不再推荐此团队短语"), self.hide_phrase_requested)]
