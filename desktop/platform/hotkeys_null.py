"""Global hotkeys where the desktop cannot offer them (Wayland, macOS, offscreen): the UI says why."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText
from desktop.platform.interfaces import HotkeyService
from desktop.platform.keys import hotkey_text

WAYLAND_REASON = hotkey_text(
    QT_TRANSLATE_NOOP("Hotkeys", "当前桌面环境不支持全局热键（Wayland），请点击建议或使用搜索"))
GENERIC_REASON = hotkey_text(QT_TRANSLATE_NOOP("Hotkeys", "当前系统不支持全局热键，请点击建议或使用搜索"))


class NullHotkeys(HotkeyService):
    def __init__(self, reason: UiText = GENERIC_REASON, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reason = reason

    def _bind(self, bindings: dict[str, str]) -> dict[str, UiText]:
        return dict.fromkeys(bindings, self._reason)

    def unavailable_reason(self) -> UiText | None:
        return self._reason

    def close(self) -> None:
        pass
