"""A dialog the agent types into, opened from the never-focused window: the keyboard is borrowed from the chat
client for it (through the owner's `keyboard_requested` signal) and given back however it ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDialog

Choice = TypeVar("Choice")


def ask_typing(dialog: QDialog, keyboard_requested: SignalInstance,
               choice: Callable[[], Choice]) -> Choice | None:
    """`choice()` read from the accepted dialog, or None when it was cancelled; the dialog is deleted after."""
    keyboard_requested.emit(True)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return choice() if accepted else None
    finally:
        dialog.deleteLater()
        keyboard_requested.emit(False)
