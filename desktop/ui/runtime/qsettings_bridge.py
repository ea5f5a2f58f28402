"""A Qt-signal face for desktop.settings.Settings, so widgets learn about changes by signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.settings import BY_KEY, SettingLockedError, Settings, SettingsReader, SettingValue


class SettingsBridge(QObject, SettingsReader):
    """Wraps one Settings; `changed(key, value)` fires after every successful `set`, from anywhere."""

    changed = Signal(str, object)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        settings.subscribe(self._on_settings_changed)

    def value(self, key: str) -> SettingValue:
        return self.settings.value(key)

    def set(self, key: str, value: Any) -> bool:
        """Store a value; False (and nothing changes) when the key is locked by policy."""
        try:
            self.settings.set(key, value)
        except SettingLockedError:
            return False
        return True

    def locked(self, key: str) -> bool:
        return self.settings.locked(key)

    def description(self, key: str) -> str:
        return BY_KEY[key].description

    def _on_settings_changed(self, key: str, value: Any) -> None:
        self.changed.emit(key, value)
