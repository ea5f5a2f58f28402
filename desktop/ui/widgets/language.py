"""Saying things in the interface language: texts from the Qt-free layers, and objects that are not widgets
following a language switch. Translators are installed by desktop/ui/shell/i18n.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from desktop.core.ui_text import UiText

LABELS_CONTEXT = "Labels"  # state and colour names the Qt-free layers mark with QT_TRANSLATE_NOOP("Labels", …)


def translated(text: UiText) -> str:
    """A text from a Qt-free layer (sync status, a time, an OS message) in the interface language."""
    return text.format(QCoreApplication.translate)


def label(source: str) -> str:
    """A state or colour name from the core (待催付, 红星) in the interface language."""
    return QCoreApplication.translate(LABELS_CONTEXT, source)


def friendly_time_label(moment: dt.datetime, now: dt.datetime) -> str:
    """今天 18:00 / 明天 10:15 / 11月25日 10:15 in the interface language (buyers' texts use core.friendly_time)."""
    from desktop.core.reminders import friendly_time_text  # not at start-up: keeps this module light

    return translated(friendly_time_text(moment, now))


class LanguageChangeRelay(QObject):
    """Calls `retranslate` when `widget` hears of a language switch: for objects that are not widgets (the
    tray's menu entries, a feature's tab titles) but belong to one. A child object gets the widget's
    LanguageChange after the widget's own changeEvent, so the widget's texts are already up to date."""

    def __init__(self, widget: QObject, retranslate: Callable[[], object]) -> None:
        super().__init__(widget)
        self._retranslate = retranslate

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            owner = getattr(self._retranslate, "__self__", None)  # an owner deleted before the widget: nothing to do
            if not isinstance(owner, QObject) or shiboken6.isValid(owner):
                self._retranslate()
            return True
        return super().event(event)


class LiveText(LanguageChangeRelay):
    """A line that says different things over time (a window's status or heading line): `say(make)` shows
    `make()` through `set_text` and shows it again after a language switch, so the window's retranslate()
    need not remember what the line last said."""

    def __init__(self, widget: QObject, set_text: Callable[[str], object]) -> None:
        super().__init__(widget, self._show)
        self._set_text = set_text
        self._make: Callable[[], str] = str

    def say(self, make: Callable[[], str]) -> None:
        self._make = make
        self._show()

    def _show(self) -> None:
        self._set_text(self._make())
