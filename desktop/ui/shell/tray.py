"""The tray icon and its menu: show/hide, pause watching, settings, quit; other features insert actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.ui.widgets.language import LanguageChangeRelay


class TrayIcon(QObject):
    toggle_requested = Signal()
    pause_toggled = Signal(bool)
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.show_action = QAction(self.menu)
        self.pause_action = QAction(self.menu)
        self.pause_action.setCheckable(True)
        self.settings_action = QAction(self.menu)
        self.quit_action = QAction(self.menu)
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.pause_action)
        self.menu.addAction(self.settings_action)
        # Other features (立即同步, 导出诊断信息) go between this separator and 退出: see add_action.
        self._extras_end = self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.show_action.triggered.connect(self.toggle_requested)
        self.pause_action.toggled.connect(self.pause_toggled)
        self.settings_action.triggered.connect(self.settings_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self._language = LanguageChangeRelay(self.menu, self.retranslate)

        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_icon_activated)
        self.retranslate()

    def show(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def add_action(self, action: QAction, retranslate: Callable[[], object] | None = None) -> None:
        """Insert a feature's action (e.g. 立即同步) above 退出; `retranslate` sets its text again after a
        language switch (the menu hears of it)."""
        self.add_actions([action], retranslate)

    def add_actions(self, actions: Sequence[QAction], retranslate: Callable[[], object] | None = None) -> None:
        """Insert a feature's actions in order above 退出; `retranslate` names them all again."""
        for action in actions:
            self.menu.insertAction(self._extras_end, action)
        if retranslate is not None:
            LanguageChangeRelay(self.menu, retranslate)

    def set_paused(self, paused: bool) -> None:
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(paused)
        self.pause_action.blockSignals(False)
        self._update_tooltip()

    def set_window_visible(self, visible: bool) -> None:
        self._window_visible = visible
        self.show_action.setText(self.tr("隐藏快答") if visible else self.tr("显示快答"))

    def retranslate(self) -> None:
        self.set_window_visible(getattr(self, "_window_visible", True))
        self.pause_action.setText(self.tr("暂停监听剪贴板"))
        self.settings_action.setText(self.tr("设置…"))
        self.quit_action.setText(self.tr("退出"))
        self._update_tooltip()

    def close(self) -> None:
        if shiboken6.isValid(self.menu):
            self.icon.hide()
            self.menu.deleteLater()

    def _update_tooltip(self) -> None:
        paused = self.pause_action.isChecked()
        self.icon.setToolTip(self.tr("快答（已暂停）") if paused else self.tr("快答"))

    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_requested.emit()
