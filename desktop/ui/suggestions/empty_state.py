"""What the reply list shows when it has nothing to show, with the next useful step as a button."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop.ui.widgets.plain_text import plain_label


class EmptyKind(Enum):
    LOADING = "loading"  # the library is still being opened
    WAITING = "waiting"  # no message copied yet
    NO_MATCH = "no_match"  # a message, but no phrase fits
    NO_HITS = "no_hits"  # a search found nothing
    UNAVAILABLE = "unavailable"  # the local store could not be opened (the status line says why)


class EmptyState(QWidget):
    search_requested = Signal()
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = EmptyKind.WAITING
        self.hotkeys = {"search": "Alt+S", "pick": "Alt+1"}
        self.query = ""
        self._title = plain_label(parent=self)
        self._title.setProperty("role", "empty-title")
        self._body = plain_label(parent=self)
        self._body.setProperty("role", "muted")
        self._body.setWordWrap(True)
        for label in (self._title, self._body):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.search_button = QPushButton(self)
        self.add_button = QPushButton(self)
        self.add_button.setProperty("primary", True)
        for button in (self.search_button, self.add_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.search_button.clicked.connect(self.search_requested)
        self.add_button.clicked.connect(self.add_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addWidget(self._body)
        layout.addSpacing(6)
        layout.addWidget(self.search_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def show_kind(self, kind: EmptyKind, query: str = "") -> None:
        self.kind = kind
        self.query = query
        self.retranslate()

    def set_hotkeys(self, search: str, pick: str) -> None:
        self.hotkeys = {"search": search, "pick": pick}
        self.retranslate()

    def title_text(self) -> str:
        return self._title.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        kind = self.kind
        self.search_button.setText(self.tr("搜索短语（%1）").replace("%1", self.hotkeys["search"]))
        self.add_button.setText(self.tr("新建短语…"))
        if kind is EmptyKind.LOADING:
            self._title.setText(self.tr("正在加载短语库…"))
            self._body.setText(self.tr("马上就好，复制的消息不会丢失。"))
        elif kind is EmptyKind.WAITING:
            self._title.setText(self.tr("复制买家的消息"))
            self._body.setText(
                self.tr("在聊天窗口选中买家的消息按 Ctrl+C，这里就会给出回复建议；按 %1 直接粘贴第 1 条。")
                .replace("%1", self.hotkeys["pick"])
            )
        elif kind is EmptyKind.UNAVAILABLE:
            self._title.setText(self.tr("短语库暂时不可用"))
            self._body.setText(self.tr("本地数据库没有打开，原因见下方状态栏。"))
        elif kind is EmptyKind.NO_MATCH:
            self._title.setText(self.tr("没有合适的短语"))
            self._body.setText(self.tr("可以搜索短语库；这类问题常遇到的话，把你的回复存为新短语，下次就会推荐。"))
        else:
            self._title.setText(self.tr("没有找到“%1”").replace("%1", self.query))
            self._body.setText(self.tr("试试别的字、快捷编码或拼音首字母（如 fh 找“发货”）。"))
        self.search_button.setVisible(kind in (EmptyKind.NO_MATCH, EmptyKind.WAITING))
        self.add_button.setVisible(kind in (EmptyKind.NO_MATCH, EmptyKind.NO_HITS))
