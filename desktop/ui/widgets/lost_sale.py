"""未成交…: one click opens the shop's reasons, a second records today's reason for the buyer; 加备注… asks
for a reason and a note in a small dialog. Used by the customer card (and wherever a buyer is in view)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMenu, QPushButton, QWidget

from desktop.core.lost_sales import MAX_NOTE_CHARS, LostSale, LostSaleError, shop_reasons
from desktop.core.reminders import zone_from
from desktop.services.context import Services
from desktop.services.lost_sales import record_lost_sale
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets import modal


class LostSaleNoteDialog(QDialog):
    """A reason and a free note (kept on this PC only)."""

    def __init__(self, buyer: str, reasons: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("未成交原因：%1").replace("%1", buyer))
        self.reason_box = QComboBox(self)
        self.reason_box.addItems(reasons)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(MAX_NOTE_CHARS)
        self.note_edit.setPlaceholderText(self.tr("买家原话或补充（只保存在本机）"))
        self.note_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("买") * 24)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("原因"), self.reason_box)
        form.addRow(self.tr("备注"), self.note_edit)
        form.addRow(buttons)

    def choice(self) -> tuple[str, str]:
        return self.reason_box.currentText(), self.note_edit.text()


class LostSaleButton(QPushButton):
    """Records on the DB worker and says so through `recorded(LostSale)` or `failed(message)`; never takes the
    focus itself (the note dialog borrows it through `keyboard_requested`, as the overlay's other dialogs)."""

    recorded = Signal(object)  # LostSale
    failed = Signal(str)
    keyboard_requested = Signal(bool)

    def __init__(self, runner: Runner, settings: SettingsBridge, parent: QWidget | None = None,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.clock = clock
        self.buyer = ""
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reasons_menu = QMenu(self)
        self.reasons_menu.aboutToShow.connect(self._fill_menu)
        self.setMenu(self.reasons_menu)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setText(self.tr("未成交"))
        self.setToolTip(self.tr("记录买家今天没买的原因（只统计人数上报组长）"))

    def reasons(self) -> tuple[str, ...]:
        return shop_reasons(self.settings.get("lost_sale_reasons"))

    def _fill_menu(self) -> None:
        self.reasons_menu.clear()
        for reason in self.reasons():
            self.reasons_menu.addAction(reason, functools.partial(self.record, reason, ""))
        self.reasons_menu.addSeparator()
        self.reasons_menu.addAction(self.tr("加备注…"), self.ask_with_note)

    def ask_with_note(self) -> None:
        dialog = LostSaleNoteDialog(self.buyer, self.reasons(), self.window())
        if (choice := modal.ask(dialog, self.keyboard_requested.emit, LostSaleNoteDialog.choice)) is not None:
            self.record(*choice)

    def record(self, reason: str, note: str) -> None:
        buyer, now, zone = self.buyer, self.clock(), zone_from(self.settings.get)

        def job(services: Services) -> LostSale | str:
            try:
                return record_lost_sale(services, buyer, reason, note, now, zone)
            except LostSaleError as error:
                return str(error)

        def done(result: LostSale | str) -> None:
            if isinstance(result, str):
                self.failed.emit(result)
            else:
                self.recorded.emit(result)

        self.runner.db(job, done, lambda error: self.failed.emit(str(error)), owner=self)
