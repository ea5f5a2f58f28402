"""The 催付 list on screen: a thin Qt list model over open reminders, ordered by urgency."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.core.orders import format_amount
from desktop.core.reminders import STATE_LABELS, Reminder, ReminderPolicy, short_title
from desktop.ui.widgets.language import friendly_time_label, label
from desktop.ui.widgets.plain_text import as_tooltip

ReminderRole = Qt.ItemDataRole.UserRole + 1
OrderIdRole = Qt.ItemDataRole.UserRole + 2
BuyerRole = Qt.ItemDataRole.UserRole + 3
StateRole = Qt.ItemDataRole.UserRole + 4
DeadlineRole = Qt.ItemDataRole.UserRole + 5
NextNudgeRole = Qt.ItemDataRole.UserRole + 6
DueRole = Qt.ItemDataRole.UserRole + 7
DUE_COLOUR = QColor("#d4380d")

Index = QModelIndex | QPersistentModelIndex


class ReminderListModel(QAbstractListModel):
    """Rows are reminders; `set_reminders` replaces them all, `set_now` refreshes what depends on the time."""

    def __init__(self, policy: ReminderPolicy | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policy = policy or ReminderPolicy()
        self._now = dt.datetime.now(dt.UTC)
        self._rows: list[Reminder] = []

    def set_reminders(self, reminders: Sequence[Reminder], now: dt.datetime,
                      policy: ReminderPolicy | None = None) -> None:
        self.beginResetModel()
        if policy is not None:
            self._policy = policy
        self._now = now
        self._rows = self._policy.by_urgency(reminders, now)
        self.endResetModel()

    def set_now(self, now: dt.datetime) -> None:
        """Time passed: due flags and countdowns change, the order only on the next `set_reminders`."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def reminder(self, row: int) -> Reminder:
        return self._rows[row]

    def row_of(self, order_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.order_id == order_id), -1)

    def reminders(self) -> list[Reminder]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_tooltip(self._tooltip(r))  # order numbers come from a file
        if role == Qt.ItemDataRole.ForegroundRole:
            return DUE_COLOUR if self._policy.is_due(r, self._now) else None
        if role == ReminderRole:
            return r
        if role == OrderIdRole:
            return r.order_id
        if role == BuyerRole:
            return r.buyer
        if role == StateRole:
            return r.state.value
        if role == DeadlineRole:
            return self._policy.deadline(r)
        if role == NextNudgeRole:
            return self._policy.next_nudge(r)
        if role == DueRole:
            return self._policy.is_due(r, self._now)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = {
            ReminderRole: b"reminder", OrderIdRole: b"orderId", BuyerRole: b"buyer", StateRole: b"state",
            DeadlineRole: b"deadline", NextNudgeRole: b"nextNudge", DueRole: b"due",
        }
        return {**super().roleNames(), **{role: QByteArray(name) for role, name in names.items()}}

    def _display(self, r: Reminder) -> str:
        amount = f"¥{format_amount(r.amount)}" if r.amount is not None else ""
        left = self._policy.deadline(r) - self._now
        hours = max(0, int(left.total_seconds() // 3600))
        remaining = self.tr("还剩 %1 小时").replace("%1", str(hours)) if hours else self.tr("即将关闭")
        due = self.tr("该催了 · ") if self._policy.is_due(r, self._now) else ""
        first = "  ".join(part for part in (r.buyer, amount, label(STATE_LABELS[r.state])) if part)
        if r.remind_count:
            first += self.tr("（%1 次）").replace("%1", str(r.remind_count))
        second = " · ".join(part for part in (due + remaining, short_title(r.title, 14)) if part)
        return f"{first}\n{second}"

    def _tooltip(self, r: Reminder) -> str:
        deadline = self._policy.deadline(r)
        nudge = self._policy.next_nudge(r)
        lines = [self.tr("订单 %1").replace("%1", r.order_id),
                 self.tr("下单 %1").replace("%1", friendly_time_label(r.created_at, self._now)),
                 self.tr("自动关闭 %1").replace("%1", friendly_time_label(deadline, self._now))]
        if nudge is not None:
            lines.append(self.tr("建议催付 %1").replace("%1", friendly_time_label(nudge, self._now)))
        if r.last_reminded_at is not None:
            lines.append(self.tr("上次催付 %1").replace("%1", friendly_time_label(r.last_reminded_at, self._now)))
        return "\n".join(lines)
