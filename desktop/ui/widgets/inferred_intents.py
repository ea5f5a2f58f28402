"""The 推断：… line and its 确认 button, shared by the lead's editor form and the agent's phrase dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from desktop.core.intent_review import intent_names


def show_inferred(label: QLabel, confirm: QPushButton, inferred: tuple[str, ...], inferred_text: str,
                  missing_text: str) -> None:
    """`inferred_text` (translated by the caller, `%1` for the intent names) when something was inferred, else
    `missing_text` (empty: the line is hidden); 确认 only when there is something to confirm."""
    label.setText(inferred_text.replace("%1", intent_names(inferred)) if inferred else missing_text)
    label.setVisible(bool(label.text()))
    confirm.setVisible(bool(inferred))
