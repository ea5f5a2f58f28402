"""Puts the 催付 and 客户 tabs, the customer card and 日清 into the overlay, and connects them to the services
the composition root already has (task runner, clipboard, paster, notifier, tray, focus hand-back)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from desktop.core.reminders import ReminderState
from desktop.platform.focus import FocusReturn
from desktop.platform.interfaces import ClipboardWatcher, Notifier, Paster, PasteRequest
from desktop.ui.customers.card import CustomerCard
from desktop.ui.customers.panel import CustomersPanel
from desktop.ui.reminders.controller import RemindersController
from desktop.ui.reminders.end_of_shift import EndOfShiftDialog
from desktop.ui.reminders.handover import HandoverNotice
from desktop.ui.reminders.panel import RemindersPanel
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.shell.overlay_window import OverlayWindow
from desktop.ui.widgets.language import LanguageChangeRelay


class RemindersFeature(QObject):
    def __init__(self, window: OverlayWindow, runner: Runner, settings: SettingsBridge, clipboard: ClipboardWatcher,
                 paster: Paster, notifier: Notifier | None, *, focus: FocusReturn | None = None,
                 tray: Any = None, paste_text: Callable[[str], object] | None = None,
                 shared_folder: Callable[[], Path | None] = lambda: None,
                 parent: QObject | None = None) -> None:
        """`paste_text`: how a 催付 text is pasted; the app passes OverlayController.paste_text, so it gets the
        same sensitive-word question and focus handling as a suggestion (without it: straight to `paster`).
        `shared_folder`: the configured team folder (None without one), where 日清 handovers travel."""
        super().__init__(parent)
        self.window = window
        self.runner = runner
        self.settings = settings
        self.paster = paster
        self._paste_text = paste_text
        self.focus = focus or FocusReturn()
        self._keyboard_depth = 0

        self.reminders_view = RemindersPanel(parent=window)
        self.reminders = RemindersController(self.reminders_view, runner, settings, notifier, parent=self)
        self.customers = CustomersPanel(runner, settings, parent=window)
        self.card = CustomerCard(runner, settings, window)
        self.reminders_tab = window.add_panel(self.reminders_view, "")
        self.customers_tab = window.add_panel(self.customers, "")
        window.add_card(self.card)
        self.handover = HandoverNotice(runner, settings, shared_folder=shared_folder, parent=self)
        self.handover.share_failed.connect(window.show_hint)
        self._show_note_box = self.handover.show_note  # the notice's own message box, given the keyboard
        self.handover.show_note = self._show_handover_note
        self.end_of_shift_action = QAction(self)
        self.retranslate()
        self._language = LanguageChangeRelay(window, self.retranslate)  # tab titles and 日清 follow the window
        self.end_of_shift_action.triggered.connect(self.show_end_of_shift)
        if tray is not None and hasattr(tray, "add_action"):
            tray.add_action(self.end_of_shift_action)

        self.reminders.reply_requested.connect(self._on_reminders_reply_requested)
        self.reminders.customer_requested.connect(self.show_customer)
        self.reminders.attention_requested.connect(self.show_reminders)
        self.reminders.end_of_shift_requested.connect(self.show_end_of_shift)
        self.reminders.keyboard_requested.connect(self.borrow_keyboard)
        self.reminders.reminders_changed.connect(self.customers.refresh)  # reminding stars and tags buyers
        self.customers.keyboard_requested.connect(self.borrow_keyboard)
        self.card.remind_requested.connect(self._on_card_remind_requested)
        self.card.customer_requested.connect(self.show_customer)
        self.card.paid_requested.connect(self._on_card_paid_requested)
        self.card.lost_button.recorded.connect(self._on_lost_sale_recorded)
        self.card.lost_button.failed.connect(
            lambda message: self.window.set_status(self.tr("未成交原因没有记录：%1").replace("%1", message)))
        self.card.lost_button.keyboard_requested.connect(self.borrow_keyboard)
        self.reminders.reminders_changed.connect(self.card.reload)  # paid or added here or in the tab
        clipboard.message_copied.connect(self.card.show_for_text)

    def start(self) -> None:
        """Load the lists and show the previous shift's handover note (once the event loop runs)."""
        self.reminders.refresh()
        self.customers.refresh()
        QTimer.singleShot(0, self.handover.check)

    def retranslate(self) -> None:
        self.window.tabs.setTabText(self.reminders_tab, self.tr("催付"))
        self.window.tabs.setTabText(self.customers_tab, self.tr("客户"))
        self.end_of_shift_action.setText(self.tr("日清…"))

    # navigation ------------------------------------------------------------------------------------
    def show_reminders(self) -> None:
        self.window.show()
        self.window.tabs.setCurrentIndex(self.reminders_tab)

    def show_customer(self, nickname: str) -> None:
        self.window.show()
        self.window.tabs.setCurrentIndex(self.customers_tab)
        self.customers.show_customer(nickname)

    def _on_card_remind_requested(self, order_id: str) -> None:
        self.show_reminders()
        self.reminders.add_from_clipboard(order_id)

    def _on_card_paid_requested(self, order_id: str) -> None:
        # The 催付 tab's own 已付款; the agent stays on the tab she is on, the card reloads and loses the button.
        self.reminders.settle(order_id, ReminderState.PAID, on_failed=lambda error: self.window.set_status(
            self.tr("标记已付款失败：%1").replace("%1", str(error))))

    def _on_lost_sale_recorded(self, sale: Any) -> None:
        status = self.tr("已记录未成交原因：%1 · %2")
        self.window.set_status(status.replace("%1", sale.buyer).replace("%2", sale.reason))

    # pasting: the same Paster the suggestions use, so focus and clipboard behave the same -------------
    def _on_reminders_reply_requested(self, text: str) -> None:
        if self._paste_text is not None:
            self._paste_text(text)
        else:
            self.paster.paste(PasteRequest(text, restore_clipboard=self.settings.get("restore_clipboard")))

    # the keyboard is borrowed from the chat client only while a dialog or the search box needs it ----
    def borrow_keyboard(self, wanted: bool) -> None:
        """Take the keyboard from the chat client while a dialog needs it (nested calls count); give it back after."""
        if wanted:
            self._keyboard_depth += 1
            if self._keyboard_depth == 1:
                self.focus.remember()
                self.window.allow_focus(True)
        elif self._keyboard_depth > 0:
            self._keyboard_depth -= 1
            if self._keyboard_depth == 0:
                self.window.allow_focus(False)
                self.focus.restore()

    def show_end_of_shift(self) -> None:
        dialog = EndOfShiftDialog(self.runner, self.settings, parent=self.window)
        dialog.saved.connect(self.reminders.refresh)
        dialog.handover_written.connect(self.handover.share)
        dialog.load()
        self.borrow_keyboard(True)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
            self.borrow_keyboard(False)

    def _show_handover_note(self, text: str, written_at: Any) -> None:
        self.borrow_keyboard(True)
        try:
            self._show_note_box(text, written_at)
        finally:
            self.borrow_keyboard(False)
