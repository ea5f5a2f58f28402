"""Walking a tree widget's items (to rename them after a language switch)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator


def tree_items(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    """Every item, parents before their children."""
    items = QTreeWidgetItemIterator(tree)
    while (item := items.value()) is not None:
        yield item
        items += 1
