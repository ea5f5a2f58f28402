"""The 催付 tab's behaviour: who to chase now (by urgency), one action that pastes a personalised reminder,
snooze, orders in (import, by hand, from a copied order number), the day's 催付转化, and the nudges.

It wires the view (`RemindersPanel`, panel.py) to the services it is given (task runner, settings, notifier,
clock); the use cases themselves are `desktop.services.reminders`, run on the DB worker. It does not paste:
it emits `reply_requested(text)`, which the composition root connects to the same paste path the overlay
uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.core.lost_sales import shop_reasons
from desktop.core.orders import OrderFile, OrderImportError, read_order_file
from desktop.core.reminders import Reminder, ReminderPolicy, ReminderState, policy_from, zone_from
from desktop.core.tabular import TabularError
from desktop.platform.interfaces import Notifier
from desktop.services import reminders as use_cases
from desktop.services.context import Services
from desktop.services.lost_sales import record_lost_sale
from desktop.ui.reminders.model import ReminderListModel
from desktop.ui.reminders.nudge_scheduler import Clock, NudgeScheduler, order_id_of, utc_now
from desktop.ui.reminders.panel import RemindersPanel
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner

POLICY_KEYS = frozenset({"order_close_hours", "first_nudge_minutes", "last_nudge_minutes",
                         "order_close_hours_by_platform", "shop_timezone"})


class RemindersController(QObject):
    reply_requested = Signal(str)  # a rendered 催付 text to paste like any reply
    customer_requested = Signal(str)  # 查看客户: show this buyer's record
    attention_requested = Signal()  # a nudge notification was clicked: show the window
    end_of_shift_requested = Signal()  # 日清
    reminders_changed = Signal()  # the list or the numbers changed (after a load)
    keyboard_requested = Signal(bool)  # a dialog is about to need the keyboard (True) / is done (False)

    def __init__(self, view: RemindersPanel, runner: Runner, settings: SettingsBridge, notifier: Notifier | None = None,
                 *, clock: Clock = utc_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.runner = runner
        self.settings = settings
        self.clock = clock
        self.zone = zone_from(settings.get)
        self.policy: ReminderPolicy = policy_from(settings.get)
        self.snapshot: use_cases.ReminderSnapshot | None = None
        self._select_after_load = ""

        self.model = ReminderListModel(self.policy, self)
        view.set_model(self.model)
        view.set_snooze_minutes(settings.get("snooze_minutes"))
        self.scheduler: NudgeScheduler | None = None
        if notifier is not None:
            self.scheduler = NudgeScheduler(notifier, self.policy, clock, self)
            self.scheduler.nudges_due.connect(self._on_scheduler_nudges_due)
            self.scheduler.deadlines_passed.connect(lambda _ids: self.refresh())
            notifier.activated.connect(self._on_notifier_activated)

        view.remind_requested.connect(self.remind_selected)
        view.snooze_requested.connect(lambda: self.snooze_selected())
        view.paid_requested.connect(lambda: self.settle_selected(ReminderState.PAID))
        view.close_requested.connect(self.close_selected)
        view.lost_sale_reasons = lambda: shop_reasons(settings.get("lost_sale_reasons"))
        view.customer_requested.connect(self._on_view_customer_requested)
        view.row_activated.connect(lambda row: self.remind(self.model.reminder(row)))
        view.import_requested.connect(self.import_orders)
        view.add_requested.connect(lambda: self.add_order_by_hand())
        view.export_requested.connect(self.export_conversion)
        view.settings_requested.connect(self.show_settings)
        view.end_of_shift_requested.connect(self.end_of_shift_requested)
        view.keyboard_requested.connect(self.keyboard_requested)
        view.shown.connect(self._on_view_shown)
        settings.changed.connect(self._on_settings_changed)

    # time and settings -----------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self.clock().astimezone(self.zone)

    def _on_settings_changed(self, key: str, _value: object) -> None:
        if key in POLICY_KEYS:
            self.zone = zone_from(self.settings.get)
            self.policy = policy_from(self.settings.get)
            self.refresh()
        elif key == "snooze_minutes":
            self.view.set_snooze_minutes(self.settings.get("snooze_minutes"))

    def _on_view_shown(self) -> None:
        self.model.set_now(self.now())  # countdowns and due marks are as fresh as the moment it is looked at

    # loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the open reminders, the 催付 phrases, the team's campaign and the numbers from the store."""
        policy, zone, now = self.policy, self.zone, self.now()
        self.runner.db(lambda services: use_cases.load_reminders(services, policy, zone, now), self._on_loaded,
                       self.view.show_failure, owner=self)

    def _on_loaded(self, snapshot: use_cases.ReminderSnapshot) -> None:
        self.snapshot = snapshot
        current = self.selected_reminder()
        keep = self._select_after_load or (current.order_id if current else "")
        self._select_after_load = ""
        self.model.set_reminders(snapshot.reminders, self.now(), self.policy)
        if self.scheduler is not None:
            self.scheduler.set_reminders(snapshot.reminders, self.policy)
        if keep:
            self.select_order(keep)
        else:
            self.view.select_row(0)
        self.view.show_loaded(snapshot.day(self.now().date()))
        self.reminders_changed.emit()

    # selection -------------------------------------------------------------------------------------
    def selected_reminder(self) -> Reminder | None:
        row = self.view.selected_row()
        return self.model.reminder(row) if row >= 0 else None

    def select_order(self, order_id: str) -> bool:
        row = self.model.row_of(order_id)
        self.view.select_row(max(row, 0))
        return row >= 0

    # actions ---------------------------------------------------------------------------------------
    def reminder_text(self, reminder: Reminder) -> str:
        """The 催付 phrase for this nudge, filled as the 建议 tab fills a reply (the team's campaign included),
        with 买家, 商品, 金额 and 截止时间 on top."""
        snapshot = self.snapshot
        now = self.now()
        return use_cases.reminder_text(reminder, snapshot.phrases if snapshot else [], self.policy.deadline(reminder),
                                       now, self.settings.settings, snapshot.campaign if snapshot else "")

    def remind_selected(self) -> None:
        if (reminder := self.selected_reminder()) is not None:
            self.remind(reminder)

    def remind(self, reminder: Reminder) -> None:
        """Paste a personalised reminder, then count it (and star and tag the buyer, by default)."""
        self.reply_requested.emit(self.reminder_text(reminder))
        zone, now, star = self.zone, self.now(), self.settings.get("star_on_remind")
        self._select_after_load = reminder.order_id
        self.runner.db(lambda services: use_cases.remind(services, zone, reminder.order_id, now, star),
                       self._on_changed, self.view.show_failure, owner=self)

    def snooze_selected(self, minutes: int | None = None) -> None:
        reminder = self.selected_reminder()
        if reminder is None:
            return
        now = self.now()
        until = now + dt.timedelta(minutes=minutes or self.settings.get("snooze_minutes"))
        zone = self.zone
        self.runner.db(lambda services: use_cases.snooze(services, zone, reminder.order_id, until, now),
                       self._on_changed, self.view.show_failure, owner=self)

    def settle_selected(self, state: ReminderState) -> None:
        if (reminder := self.selected_reminder()) is not None:
            self.settle(reminder.order_id, state)

    def close_selected(self, reason: str = "") -> None:
        """关闭 the selected order; with a reason, also record why the buyer did not buy (one DB job)."""
        if (reminder := self.selected_reminder()) is None:
            return
        zone, now = self.zone, self.now()

        def job(services: Services) -> None:
            use_cases.settle(services, zone, reminder.order_id, ReminderState.CLOSED, now)
            if reason:
                record_lost_sale(services, reminder.buyer, reason, "", now, zone)

        self.runner.db(job, self._on_changed, self.view.show_failure, owner=self)

    def settle(self, order_id: str, state: ReminderState,
               on_failed: Callable[[BaseException], None] | None = None) -> None:
        """已付款 / 关闭 for one order, from this tab or from the customer card: the store records it, the list
        and the numbers reload (`reminders_changed`). A failure shows in this tab, and goes to `on_failed` too."""
        zone, now = self.zone, self.now()

        def failed(error: BaseException) -> None:
            self.view.show_failure(error)
            if on_failed is not None:
                on_failed(error)

        self.runner.db(lambda services: use_cases.settle(services, zone, order_id, state, now),
                       self._on_changed, failed, owner=self)

    def _on_changed(self, _result: object = None) -> None:
        self.view.clear_status()
        self.refresh()

    def _on_view_customer_requested(self) -> None:
        if (reminder := self.selected_reminder()) is not None:
            self.customer_requested.emit(reminder.buyer)

    # orders in -------------------------------------------------------------------------------------
    def import_orders(self) -> None:
        if path := self.view.choose_open_file():
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        zone, now = self.zone, self.now()
        self.view.show_importing(path.name)

        def store(parsed: OrderFile) -> None:
            self.runner.db(lambda services: use_cases.store_orders(services, zone, parsed, now), self._on_imported,
                           self._on_import_failed, owner=self)

        self.runner.io(lambda: read_order_file(path, zone), store, self._on_import_failed, owner=self)

    def _on_imported(self, outcome: use_cases.ImportOutcome) -> None:
        self.view.show_imported(outcome.file, outcome.summary)
        self.refresh()

    def _on_import_failed(self, error: BaseException) -> None:
        if isinstance(error, OrderImportError | TabularError):
            self.view.show_unreadable_file(error)
        else:
            self.view.show_failure(error)

    def add_order_by_hand(self, order_id: str = "") -> None:
        order = self.view.ask_order(order_id, self.zone, self.now())
        if order is None:
            return
        zone, now = self.zone, self.now()
        self._select_after_load = order.order_id
        self.runner.db(lambda services: use_cases.add_order(services, zone, order, now), self._on_changed,
                       self.view.show_failure, owner=self)

    def add_from_clipboard(self, order_id: str) -> None:
        """加入催付 for a copied order number: straight in when the store knows the order, else the form."""
        zone = self.zone
        self._select_after_load = order_id

        def on_done(reminder: Reminder | None) -> None:
            if reminder is None:
                self._select_after_load = ""
                self.add_order_by_hand(order_id)
            else:
                self._on_changed()

        self.runner.db(lambda services: use_cases.open_reminder_for(services, zone, order_id), on_done,
                       self.view.show_failure, owner=self)

    # numbers out -----------------------------------------------------------------------------------
    def export_conversion(self) -> None:
        if not (path := self.view.choose_save_file(self.now())):
            return
        zone, target = self.zone, Path(path)
        self.runner.db(lambda services: use_cases.export_conversion(services, zone, target),
                       lambda days: self.view.show_exported(days, target.name), self.view.show_failure, owner=self)

    def show_settings(self) -> None:
        self.view.show_settings(self.settings)

    # notifications ---------------------------------------------------------------------------------
    def _on_scheduler_nudges_due(self, order_ids: list[str]) -> None:
        self.model.set_now(self.now())
        if order_ids and self.selected_reminder() is None:
            self.select_order(order_ids[0])

    def _on_notifier_activated(self, key: str) -> None:
        order_id = order_id_of(key)
        if order_id is None and not key.startswith("reminders"):
            return  # another feature's notification
        self.model.set_now(self.now())
        if order_id:
            self.select_order(order_id)
        self.attention_requested.emit()
