"""Picks the OS adapters for this desktop: Windows, X11, or Null/copy-only elsewhere, never crashing.

`create_platform(settings)` needs a running QApplication (the clipboard belongs to it), binds the hotkeys
from the settings and follows later changes of the settings it depends on.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.core.ui_text import UiText
from desktop.platform.clipboard import OwnerProbe, QtClipboardWatcher, windows_clipboard_sequence
from desktop.platform.focus import FocusReturn, create_focus_return
from desktop.platform.hotkeys_null import GENERIC_REASON, WAYLAND_REASON, NullHotkeys
from desktop.platform.interfaces import ClipboardWatcher, HotkeyService, Notifier, Paster
from desktop.platform.keys import bindings_from_settings
from desktop.platform.notifier import NullNotifier, TrayNotifier
from desktop.platform.paste import ClipboardOnlyPaster, KeyboardBackend, KeystrokePaster
from desktop.settings import Settings

log = logging.getLogger(__name__)

HOTKEY_SETTINGS = ("hotkey_show", "hotkey_search", "hotkey_pick_prefix")
# Qt platforms with no desktop behind them: no tray, no keystrokes, no hotkeys.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")


@dataclass
class PlatformServices:
    clipboard: ClipboardWatcher
    hotkeys: HotkeyService
    paster: Paster
    notifier: Notifier
    settings: Settings | None = None
    focus: FocusReturn = field(default_factory=FocusReturn)  # handing the keyboard back to the chat client
    hotkey_errors: dict[str, UiText] = field(default_factory=dict)  # action → why not, from the last bind

    def bind_hotkeys(self) -> dict[str, UiText]:
        """(Re)binds show/search/pick:1..9 from the settings; returns and keeps action → error."""
        if self.settings is None:
            return {}
        self.hotkey_errors = self.hotkeys.bind(bindings_from_settings(self.settings.get))
        for action, error in self.hotkey_errors.items():
            log.warning("hotkey for %s not available: %s", action, error)
        return self.hotkey_errors

    def close(self) -> None:
        self.hotkeys.close()


def create_platform(
    settings: Settings,
    *,
    tray: QSystemTrayIcon | None = None,
    parent: QObject | None = None,
    platform_name: str | None = None,
    environ: dict[str, str] | None = None,
) -> PlatformServices:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("create_platform needs a running QApplication")
    name = (platform_name or QGuiApplication.platformName()).lower()
    env = os.environ if environ is None else environ
    wayland_session = name.startswith("wayland") or env.get("XDG_SESSION_TYPE") == "wayland"

    clipboard = QtClipboardWatcher(
        QGuiApplication.clipboard(),
        max_chars=settings.get("max_clipboard_chars"),
        paused=not settings.get("watch_clipboard"),
        windows=name == "windows",
        sequence_number=_windows_sequence() if name == "windows" else None,
        owner_probe=_owner_probe(name),
        parent=parent,
    )
    hotkeys = _create_hotkeys(name, wayland_session, parent)
    keyboard = None if wayland_session else _create_keyboard(name)
    paster: Paster
    if keyboard is None:
        paster = ClipboardOnlyPaster(clipboard, parent=parent)
    else:
        paster = KeystrokePaster(clipboard, keyboard, copy_only=settings.get("paste_mode") == "copy", parent=parent)
    notifier: Notifier = NullNotifier(parent) if name in HEADLESS_PLATFORMS else TrayNotifier(tray, parent=parent)

    services = PlatformServices(clipboard, hotkeys, paster, notifier, settings, create_focus_return())
    services.bind_hotkeys()
    settings.subscribe(_settings_follower(services))
    return services


def _windows_sequence() -> Callable[[], int] | None:
    try:
        return windows_clipboard_sequence()
    except (OSError, AttributeError) as error:  # no user32: the event alone has to do
        log.warning("no clipboard sequence-number check: %s", error)
        return None


def _owner_probe(name: str) -> OwnerProbe | None:
    """Asks the clipboard's owner whether it answers before Qt's blocking read (see desktop/platform/clipboard.py)."""
    try:
        if name == "xcb":
            from desktop.platform.clipboard_x11 import X11OwnerProbe

            return X11OwnerProbe()
        if name == "windows":
            from desktop.platform.clipboard_windows import WindowsOwnerProbe

            return WindowsOwnerProbe()
    except (ImportError, OSError, AttributeError) as error:  # no python-xlib, no user32: Qt's read as before
        log.warning("no clipboard owner probe: %s", error)
    return None


def _create_hotkeys(name: str, wayland_session: bool, parent: QObject | None) -> HotkeyService:
    if wayland_session:
        log.info("global hotkeys unavailable: Wayland session")
        return NullHotkeys(WAYLAND_REASON, parent)
    try:
        if name == "windows":
            from desktop.platform.hotkeys_windows import WindowsHotkeys

            return WindowsHotkeys(parent)
        if name == "xcb":
            from desktop.platform.hotkeys_x11 import X11Hotkeys

            return X11Hotkeys(parent=parent)
    except Exception as error:  # a missing library or display: fall back, never crash
        log.warning("global hotkeys unavailable on %s: %s", name, error)
        return NullHotkeys(GENERIC_REASON, parent)
    log.info("global hotkeys unavailable on Qt platform %r", name)
    return NullHotkeys(GENERIC_REASON, parent)


def _create_keyboard(name: str) -> KeyboardBackend | None:
    try:
        if name == "windows":
            from desktop.platform.paste_windows import WindowsKeyboard

            return WindowsKeyboard()
        if name == "xcb":
            from desktop.platform.paste_x11 import X11Keyboard

            return X11Keyboard()
    except Exception as error:
        log.warning("cannot send keystrokes on %s, replies are only copied: %s", name, error)
        return None
    log.info("no keystroke backend for Qt platform %r (%s): replies are only copied", name, sys.platform)
    return None


def _settings_follower(services: PlatformServices) -> Callable[[str, Any], None]:
    """A settings listener that applies changes to the adapters while they exist."""

    def follow(key: str, value: Any) -> None:
        if not shiboken6.isValid(services.clipboard):
            return
        if key == "watch_clipboard":
            services.clipboard.set_paused(not value)
        elif key == "max_clipboard_chars" and isinstance(services.clipboard, QtClipboardWatcher):
            services.clipboard.set_max_chars(int(value))
        elif key == "paste_mode" and isinstance(services.paster, KeystrokePaster):
            services.paster.set_copy_only(value == "copy")
        elif key in HOTKEY_SETTINGS:
            services.bind_hotkeys()

    return follow
