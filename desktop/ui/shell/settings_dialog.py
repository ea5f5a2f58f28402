"""The settings dialog: every change is stored at once and applies live; keys locked by IT are greyed out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.phrases import Phrase
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.suggestions.hidden_phrases import HiddenPhrasesDialog
from desktop.ui.widgets.plain_text import plain_label

PICK_PREFIXES = ("Alt", "Ctrl+Alt", "Ctrl+Shift", "Alt+Shift")


class SettingsDialog(QDialog):
    restore_hidden_requested = Signal(object)  # 已隐藏 → 恢复推荐: the team Phrase to suggest again

    def __init__(self, settings: SettingsBridge, hotkey_problem: str | None = None,
                 parent: QWidget | None = None, *, phrase_actions: Sequence[QAction] = (),
                 hidden_phrases: Callable[[], Sequence[Phrase]] | None = None,
                 team_page: QWidget | None = None) -> None:
        """`phrase_actions`: the tray's 导入短语… / 导出短语…, offered here too as buttons under 我的短语.
        `hidden_phrases`: the loaded library's hidden team phrases (read again by `refresh_hidden`).
        `team_page`: the 团队 page (desktop/ui/team/team_page.py), when the team sync runs."""
        super().__init__(parent)
        self.settings = settings
        self._hidden_phrases = hidden_phrases
        self.hidden_button: QPushButton | None = None
        self.hidden_dialog: HiddenPhrasesDialog | None = None
        self.team_page = team_page
        self.setWindowTitle(self.tr("快答设置"))
        self.setMinimumWidth(380)
        self.editors: dict[str, QWidget] = {}

        general = QFormLayout()
        self._line("agent_name", general, self.tr("客服昵称 {客服}"))
        self._line("shop_name", general, self.tr("店铺名称 {店铺}"))
        self._combo("paste_mode", general, self.tr("选择回复后"),
                    [("paste", self.tr("复制并粘贴到聊天窗口")), ("copy", self.tr("只复制"))])
        self._check("restore_clipboard", general, self.tr("粘贴后恢复原来的剪贴板"))
        self._check("watch_clipboard", general, self.tr("监听剪贴板并给出建议"))
        self._check("keep_bundled_phrases", general, self.tr("有了自己的短语后仍推荐快答默认短语"))

        look = QFormLayout()
        self._combo("theme", look, self.tr("主题"),
                    [("system", self.tr("跟随系统")), ("light", self.tr("浅色")), ("dark", self.tr("深色"))])
        self._spin("font_size", look, self.tr("字号"), 11, 24)
        self._combo("dock_edge", look, self.tr("窗口位置"),
                    [("", self.tr("自由摆放")), ("left", self.tr("停靠屏幕左侧")), ("right", self.tr("停靠屏幕右侧"))])
        self._combo("language", look, self.tr("语言"), [("zh_CN", "简体中文"), ("en", "English")])

        keys = QFormLayout()
        self._hotkey("hotkey_show", keys, self.tr("显示/隐藏"))
        self._hotkey("hotkey_search", keys, self.tr("搜索短语"))
        self._combo("hotkey_pick_prefix", keys, self.tr("选第 1–9 条"),
                    [(p, f"{p}+1 … {p}+9") for p in PICK_PREFIXES])
        if hotkey_problem:
            problem = plain_label(hotkey_problem, self)
            problem.setProperty("role", "muted")
            problem.setWordWrap(True)
            keys.addRow(problem)

        # Pages, not one long column: at 1366×768 and 125 % with the largest font every page fits the screen.
        self.pages = QTabWidget(self)
        self._page(self.tr("回复"), general)
        self._page(self.tr("外观"), look)
        self._page(self.tr("热键"), keys)
        if phrase_actions or hidden_phrases is not None:
            box = QGroupBox(self.tr("我的短语"), self)
            row = QHBoxLayout(box)
            for action in phrase_actions:
                button = QPushButton(action.text(), box)
                button.setToolTip(action.toolTip())
                button.clicked.connect(action.trigger)
                row.addWidget(button)
            if hidden_phrases is not None:
                self.hidden_button = QPushButton(box)
                self.hidden_button.clicked.connect(self.show_hidden)
                row.addWidget(self.hidden_button)
                self.refresh_hidden()
            row.addStretch(1)
            page = QWidget(self.pages)
            page_layout = QVBoxLayout(page)
            page_layout.addWidget(box)
            page_layout.addStretch(1)
            self.pages.addTab(page, box.title())
        if team_page is not None:
            self.pages.addTab(team_page, self.tr("团队"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        outer.addWidget(buttons)
        for key, editor in self.editors.items():
            if settings.locked(key):
                editor.setEnabled(False)
                editor.setToolTip(self.tr("此设置由管理员锁定"))

    def show_hidden(self) -> HiddenPhrasesDialog:
        """已隐藏… : the hidden team phrases with 恢复推荐 (window-modal over this dialog, not a nested loop)."""
        if self.hidden_dialog is None:
            self.hidden_dialog = HiddenPhrasesDialog(self)
            self.hidden_dialog.restore_requested.connect(self.restore_hidden_requested)
        self.refresh_hidden()
        self.hidden_dialog.open()
        return self.hidden_dialog

    def refresh_hidden(self) -> None:
        """The library was (re)loaded: count and list what is hidden now."""
        if self._hidden_phrases is None or self.hidden_button is None:
            return
        hidden = list(self._hidden_phrases())
        self.hidden_button.setText(self.tr("已隐藏（%1）…").replace("%1", str(len(hidden))))
        self.hidden_button.setToolTip(self.tr("不再推荐的团队短语：查看、恢复推荐"))
        if self.hidden_dialog is not None:
            self.hidden_dialog.set_phrases(hidden)

    def _page(self, title: str, form: QFormLayout) -> QVBoxLayout:
        page = QWidget(self.pages)
        layout = QVBoxLayout(page)
        box = QGroupBox(title, page)
        box.setLayout(form)
        layout.addWidget(box)
        layout.addStretch(1)
        self.pages.addTab(page, title)
        return layout

    # editors; each stores its value on change --------------------------------------------------------
    def _store(self, key: str) -> Callable[[Any], None]:
        return lambda value: self.settings.set(key, value)

    def _line(self, key: str, form: QFormLayout, label: str) -> None:
        editor = QLineEdit(str(self.settings.get(key)), self)
        editor.textEdited.connect(self._store(key))
        self._add(key, form, label, editor)

    def _check(self, key: str, form: QFormLayout, label: str) -> None:
        editor = QCheckBox(label, self)
        editor.setChecked(bool(self.settings.get(key)))
        editor.toggled.connect(self._store(key))
        self.editors[key] = editor
        form.addRow(editor)

    def _spin(self, key: str, form: QFormLayout, label: str, low: int, high: int) -> None:
        editor = QSpinBox(self)
        editor.setRange(low, high)
        editor.setSuffix(" px")
        editor.setValue(int(self.settings.get(key)))
        editor.valueChanged.connect(self._store(key))
        self._add(key, form, label, editor)

    def _combo(self, key: str, form: QFormLayout, label: str, choices: list[tuple[str, str]]) -> None:
        editor = QComboBox(self)
        for value, text in choices:
            editor.addItem(text, value)
        current = editor.findData(self.settings.get(key))
        editor.setCurrentIndex(max(current, 0))
        editor.currentIndexChanged.connect(lambda i: self.settings.set(key, editor.itemData(i)))
        self._add(key, form, label, editor)

    def _hotkey(self, key: str, form: QFormLayout, label: str) -> None:
        editor = QKeySequenceEdit(QKeySequence(str(self.settings.get(key))), self)
        editor.setMaximumSequenceLength(1)
        editor.setClearButtonEnabled(True)
        editor.editingFinished.connect(
            lambda: self.settings.set(key, editor.keySequence().toString(QKeySequence.SequenceFormat.PortableText))
        )
        self._add(key, form, label, editor)

    def _add(self, key: str, form: QFormLayout, label: str, editor: QWidget) -> None:
        self.editors[key] = editor
        caption = plain_label(label, self)
        caption.setBuddy(editor)
        form.addRow(caption, editor)
