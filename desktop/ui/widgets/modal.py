"""Asking in a modal dialog while the overlay borrows the keyboard from the chat client, and giving it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)
T = TypeVar("T")


def ask(dialog: D, borrow_keyboard: Callable[[bool], object], answer: Callable[[D], T]) -> T | None:
    """`answer(dialog)` when the agent accepts, None when they cancel; the dialog is deleted either way and the
    keyboard goes back to the chat client even if the dialog fails."""
    borrow_keyboard(True)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return answer(dialog) if accepted else None
    finally:
        dialog.deleteLater()
        borrow_keyboard(False)
