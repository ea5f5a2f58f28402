"""The settings dialog: every change is stored at once and applies live; keys locked by IT are greyed out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
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
from desktop.ui.widgets.scrolling import bounded_to_screen, fitting

PICK_PREFIXES = ("Alt", "Ctrl+Alt", "Ctrl+Shift", "Alt+Shift")
# Qt's own text (context, source), translated by Qt's qtbase file; a tuple so lupdate does not copy it into ours.
KEY_EDIT_PLACEHOLDER = ("QKeySequenceEdit", "Press shortcut")


class ActionButton(QPushButton):
    """Triggers `action` and shows its text and tooltip, also once its owner has retranslated it."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._on_action_changed)  # a bound slot: disconnected when the button goes
        self._on_action_changed()

    def _on_action_changed(self) -> None:
        self.setText(self._action.text())
        self.setToolTip(self._action.toolTip())


class SettingsDialog(QDialog):
    restore_hidden_requested = Signal(object)  # 已隐藏 → 恢复推荐: the team Phrase to suggest again

    def __init__(self, settings: SettingsBridge, hotkey_problem: Callable[[], str] | None = None,
                 parent: QWidget | None = None, *, phrase_actions: Sequence[QAction] = (),
                 hidden_phrases: Callable[[], Sequence[Phrase]] | None = None,
                 team_page: QWidget | None = None) -> None:
        """`phrase_actions`: the tray's 导入短语… / 导出短语…, offered here too as buttons under 我的短语.
        `hidden_phrases`: the loaded library's hidden team phrases (read again by `refresh_hidden`).
        `hotkey_problem`: why some hotkeys do not work, asked again after a language switch.
        `team_page`: the 团队 page (desktop/ui/team/team_page.py), when the team sync runs."""
        super().__init__(parent)
        self.settings = settings
        self._hidden_phrases = hidden_phrases
        self.hidden_button: QPushButton | None = None
        self.hidden_dialog: HiddenPhrasesDialog | None = None
        self.team_page = team_page
        self.setMinimumWidth(380)
        self.editors: dict[str, QWidget] = {}
        # Each text as a function of the language: retranslate() runs them again after a language switch,
        # which is made in this very dialog.
        self._texts: list[Callable[[], None]] = []
        self._text(self.setWindowTitle, lambda: self.tr("快答设置"))

        general = QFormLayout()
        self._line("agent_name", general, lambda: self.tr("客服昵称 {客服}"))
        self._line("shop_name", general, lambda: self.tr("店铺名称 {店铺}"))
        self._combo("paste_mode", general, lambda: self.tr("选择回复后"),
                    lambda: [("paste", self.tr("复制并粘贴到聊天窗口")), ("copy", self.tr("只复制"))])
        self._check("restore_clipboard", general, lambda: self.tr("粘贴后恢复原来的剪贴板"))
        self._check("watch_clipboard", general, lambda: self.tr("监听剪贴板并给出建议"))
        self._check("keep_bundled_phrases", general, lambda: self.tr("有了自己的短语后仍推荐快答默认短语"))
        self._check("duplicate_guard", general, lambda: self.tr("同一买家今天已发过的话术，粘贴前提醒"))
        self._check("service_timers", general,
                    lambda: self.tr("质检自查计时（买家久等先推荐致歉，稍等查询到时提醒跟进）"))
        self._check("high_risk_guard", general, lambda: self.tr("退款、投诉等高风险消息先推荐安抚和升级话术"))

        look = QFormLayout()
        self._combo("theme", look, lambda: self.tr("主题"),
                    lambda: [("system", self.tr("跟随系统")), ("light", self.tr("浅色")), ("dark", self.tr("深色"))])
        self._spin("font_size", look, lambda: self.tr("字号"), 11, 24)
        self._combo("dock_edge", look, lambda: self.tr("窗口位置"),
                    lambda: [("", self.tr("自由摆放")), ("left", self.tr("停靠屏幕左侧")),
                             ("right", self.tr("停靠屏幕右侧"))])
        self._combo("language", look, lambda: self.tr("语言"), lambda: [("zh_CN", "简体中文"), ("en", "English")])

        keys = QFormLayout()
        self._hotkey("hotkey_show", keys, lambda: self.tr("显示/隐藏"))
        self._hotkey("hotkey_search", keys, lambda: self.tr("搜索短语"))
        self._combo("hotkey_pick_prefix", keys, lambda: self.tr("选第 1–9 条"),
                    lambda: [(p, f"{p}+1 … {p}+9") for p in PICK_PREFIXES])
        self._hotkey("hotkey_promise", keys, lambda: self.tr("记承诺（高风险对话）"))
        if hotkey_problem is not None:  # why some hotkeys do not work, in the current language
            problem = plain_label(parent=self)
            self._text(problem.setText, hotkey_problem)
            problem.setProperty("role", "muted")
            problem.setWordWrap(True)
            keys.addRow(problem)

        # Pages, not one long column: at 1366×768 and 125 % with the largest font every page fits the screen.
        self.pages = QTabWidget(self)
        self._page(lambda: self.tr("回复"), general)
        self._page(lambda: self.tr("外观"), look)
        self._page(lambda: self.tr("热键"), keys)
        if phrase_actions or hidden_phrases is not None:
            box = QGroupBox(self)
            row = QHBoxLayout(box)
            for action in phrase_actions:
                row.addWidget(ActionButton(action, box))
            if hidden_phrases is not None:
                self.hidden_button = QPushButton(box)
                self.hidden_button.clicked.connect(self.show_hidden)
                row.addWidget(self.hidden_button)
                self.refresh_hidden()
            row.addStretch(1)
            self._page(lambda: self.tr("我的短语"), box)
        if team_page is not None:
            self._page(lambda: self.tr("团队"), team_page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._text(buttons.button(QDialogButtonBox.StandardButton.Close).setText, lambda: self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        for key, editor in self.editors.items():
            if settings.locked(key):
                editor.setEnabled(False)
                self._text(editor.setToolTip, lambda: self.tr("此设置由管理员锁定"))

    def sizeHint(self) -> QSize:
        return bounded_to_screen(super().sizeHint(), self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for apply in self._texts:
            apply()
        self.refresh_hidden()
        self.adjustSize()  # English labels are longer: grow rather than cut them

    def _page(self, title: Callable[[], str], content: QFormLayout | QWidget) -> None:
        """A tab: a form in a titled box or a box, with room left below; or a page of its own (团队) as it is."""
        if isinstance(content, QFormLayout):
            box = QGroupBox(self)
            self._text(box.setTitle, title)
            box.setLayout(content)
            content = box
        page = content
        if isinstance(content, QGroupBox):
            page = QWidget(self.pages)
            page_layout = QVBoxLayout(page)
            page_layout.addWidget(content)
            page_layout.addStretch(1)
        index = self.pages.addTab(fitting(page, self.pages), "")  # scrolls only when the screen is short
        self._text(lambda text: self.pages.setTabText(index, text), title)

    def _text(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        """Set `text()` now and again on every language switch."""
        def apply() -> None:
            setter(text())

        apply()
        self._texts.append(apply)

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

    # editors; each stores its value on change --------------------------------------------------------
    def _store(self, key: str) -> Callable[[Any], object]:
        return lambda value: self.settings.set(key, value)

    def _line(self, key: str, form: QFormLayout, label: Callable[[], str]) -> None:
        editor = QLineEdit(str(self.settings.get(key)), self)
        editor.textEdited.connect(self._store(key))
        self._add(key, form, label, editor)

    def _check(self, key: str, form: QFormLayout, label: Callable[[], str]) -> None:
        editor = QCheckBox(self)
        self._text(editor.setText, label)
        editor.setChecked(bool(self.settings.get(key)))
        editor.toggled.connect(self._store(key))
        self.editors[key] = editor
        form.addRow(editor)

    def _spin(self, key: str, form: QFormLayout, label: Callable[[], str], low: int, high: int) -> None:
        editor = QSpinBox(self)
        editor.setRange(low, high)
        editor.setSuffix(" px")
        editor.setValue(int(self.settings.get(key)))
        editor.valueChanged.connect(self._store(key))
        self._add(key, form, label, editor)

    def _combo(self, key: str, form: QFormLayout, label: Callable[[], str],
               choices: Callable[[], list[tuple[str, str]]]) -> None:
        editor = QComboBox(self)
        for value, _name in choices():
            editor.addItem("", value)

        def name_choices() -> None:
            for index, (_value, text) in enumerate(choices()):
                editor.setItemText(index, text)

        self._texts.append(name_choices)
        name_choices()
        current = editor.findData(self.settings.get(key))
        editor.setCurrentIndex(max(current, 0))
        editor.currentIndexChanged.connect(lambda i: self.settings.set(key, editor.itemData(i)))
        self._add(key, form, label, editor)

    def _hotkey(self, key: str, form: QFormLayout, label: Callable[[], str]) -> None:
        editor = QKeySequenceEdit(QKeySequence(str(self.settings.get(key))), self)
        editor.setMaximumSequenceLength(1)
        editor.setClearButtonEnabled(True)
        inner = editor.findChild(QLineEdit)
        if inner is not None:  # Qt sets its "Press shortcut" once and never again after a language switch
            self._text(inner.setPlaceholderText, lambda: QCoreApplication.translate(*KEY_EDIT_PLACEHOLDER))
        editor.editingFinished.connect(
            lambda: self.settings.set(key, editor.keySequence().toString(QKeySequence.SequenceFormat.PortableText))
        )
        self._add(key, form, label, editor)

    def _add(self, key: str, form: QFormLayout, label: Callable[[], str], editor: QWidget) -> None:
        self.editors[key] = editor
        caption = plain_label(parent=self)
        self._text(caption.setText, label)
        caption.setBuddy(editor)
        form.addRow(caption, editor)
