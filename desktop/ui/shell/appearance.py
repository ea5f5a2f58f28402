"""Applies theme, font size and language from the settings, live, and follows the system's light/dark switch."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell import theme
from desktop.ui.shell.i18n import Translations

if TYPE_CHECKING:
    from desktop.ui.suggestions.reply_delegate import ReplyDelegate

APPEARANCE_KEYS = ("theme", "font_size")


class Appearance(QObject):
    def __init__(self, app: QApplication, settings: SettingsBridge, delegates: Sequence[ReplyDelegate] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._settings = settings
        self._delegates = list(delegates)
        self.translations = Translations(app)
        self.theme = theme.LIGHT
        settings.changed.connect(self._on_settings_changed)
        app.styleHints().colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)

    def add_delegate(self, delegate: ReplyDelegate) -> None:
        self._delegates.append(delegate)
        delegate.set_theme(self.theme)

    def apply(self) -> None:
        self.apply_look()
        self.translations.apply(self._settings.get("language"))

    def apply_look(self) -> None:
        self.theme = theme.apply(self._app, self._settings.get("theme"), self._settings.get("font_size"))
        for delegate in self._delegates:
            delegate.set_theme(self.theme)
            view = delegate.parent()  # the list view: card heights follow the font size
            if isinstance(view, QAbstractItemView):
                view.scheduleDelayedItemsLayout()
                view.viewport().update()

    def _on_settings_changed(self, key: str, value: object) -> None:
        if key in APPEARANCE_KEYS:
            self.apply_look()
        elif key == "language":
            self.translations.apply(str(value))

    def _on_style_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._settings.get("theme") == "system":
            self.apply_look()
