"""The window's side of the service guard (desktop/services/service_guard.py): the controller asks it to
arrange each suggestion list and whether a pick may be pasted; it stores what a paste leaves behind (a
digest, a 日清 follow-up) on the DB worker, shows the discreet service timer and reminds at follow-up time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from desktop.core.engine import Suggestion
from desktop.core.phrases import Phrase, intents
from desktop.platform.interfaces import HotkeyAction, Notifier
from desktop.services.service_guard import SETTING_KEYS, FollowUp, GuardOptions, ServiceGuard
from desktop.services.values import render_values
from desktop.store.customers import CustomerRepository
from desktop.store.sent_log import SentLog
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.widgets.language import LanguageChangeRelay
from desktop.ui.widgets.plain_text import plain_label

if TYPE_CHECKING:
    from desktop.services.context import Services
    from desktop.ui.suggestions.overlay_controller import OverlayController

log = logging.getLogger(__name__)

TICK_MS = 1000
# A copy nobody answered for this long was not a buyer's message waiting (the agent copied something else):
# the timer stops ticking rather than run all shift.
GIVE_UP = dt.timedelta(hours=1)
FOLLOW_UP_KEY = "follow-up"
Clock = Callable[[], dt.datetime]


class BuyerCard(Protocol):
    """What the guard reads of the customer card (desktop/ui/customers/card.py; feature packages do not
    import each other): `card_changed(shown)` after a lookup, and `data.nickname` of what it shows."""

    card_changed: Any  # Signal(bool)
    data: Any


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _load_sent(services: Services) -> tuple[bytes, dt.date, list[str]]:
    day = dt.date.today()
    return services.phrases.learning_key(), day, SentLog(services.store.db).today(day)


class GuardHooks(QObject):
    def __init__(self, controller: OverlayController, settings: SettingsBridge, runner: Any,
                 notifier: Notifier | None = None, *, clock: Clock = utc_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.runner = runner
        self.notifier = notifier
        self.clock = clock
        self.guard = ServiceGuard(GuardOptions.from_settings(settings.get))
        self.high_risk = False  # the list on screen is a high-risk one: 记承诺 is offered
        self._pending: tuple[Phrase, str] | None = None  # the pick `allow` let through, until it is pasted
        self._follow_ups: list[FollowUp] = []
        self._engine_list: tuple[list[Suggestion], str] = ([], "")  # the engine's list last arranged, its message
        self._shown: list[Suggestion] = []  # what `arrange` returned for it
        self._card: BuyerCard | None = None

        self.timer_label = plain_label(parent=controller.window)  # the discreet service timer: m:ss while waiting
        self.timer_label.setObjectName("serviceTimer")
        self.timer_label.setProperty("role", "muted")
        self.timer_label.hide()
        self.promise_button = QPushButton(controller.window)
        self.promise_button.setObjectName("promiseButton")
        self.promise_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.promise_button.hide()
        self.promise_button.clicked.connect(self.record_promise)
        # The timer comes and goes with copies and pastes: keeping its (small) room spares laying out the
        # status line again each time (copy → painted stays what it was; bench/guard_latency.py). The 记承诺
        # button is wider and changes only when a chat turns high-risk, so it gives its room back.
        policy = self.timer_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.timer_label.setSizePolicy(policy)
        controller.window.add_status_widget(self.timer_label)
        controller.window.add_status_widget(self.promise_button)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._follow_up_timer = QTimer(self)
        self._follow_up_timer.setSingleShot(True)
        self._follow_up_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._follow_up_timer.timeout.connect(self._on_follow_up_timer_timeout)

        controller.reply_chosen.connect(self._on_controller_reply_chosen)
        controller.hotkeys.hotkey_pressed.connect(self._on_hotkeys_hotkey_pressed)
        settings.changed.connect(self._on_settings_changed)
        self._language = LanguageChangeRelay(controller.window, self.retranslate)
        self.retranslate()
        runner.db(_load_sent, self._on_sent_loaded, owner=self)

    def retranslate(self) -> None:
        key = str(self.settings.get("hotkey_promise")) or self.tr("无热键")
        self.promise_button.setText(self.tr("记承诺（%1）").replace("%1", key))
        self.promise_button.setToolTip(self.tr("把这位买家的问题记为承诺，交给下一班在日清里跟进"))

    def stop(self) -> None:
        self._tick.stop()
        self._follow_up_timer.stop()

    def _on_sent_loaded(self, loaded: tuple[bytes, dt.date, list[str]]) -> None:
        self.guard.load(*loaded)

    # the controller's hooks ------------------------------------------------------------------------
    def copied(self, nick: str) -> None:
        self.guard.copied(nick, self.clock())
        self._update_timer()

    def card_named(self, nick: str) -> None:
        self.guard.card_named(nick)

    def watch_card(self, card: BuyerCard) -> None:
        """The customer card names the buyer of a copy that named none (found by nick or order number)."""
        self._card = card
        card.card_changed.connect(self._on_card_card_changed)

    def _on_card_card_changed(self, shown: bool) -> None:
        data = self._card.data if self._card is not None else None
        if shown and data is not None:
            self.card_named(data.nickname)

    def arrange(self, suggestions: list[Suggestion], message: str) -> list[Suggestion]:
        library = self.controller.library
        if library is None:
            return suggestions
        arranged = self.guard.arrange(suggestions, message, library.phrases, self._renderer(), self.clock(),
                                      library.engine.pinned_ids)
        self.high_risk = arranged.high_risk
        self.promise_button.setVisible(arranged.high_risk)
        self._engine_list, self._shown = (list(suggestions), message), arranged.suggestions
        return arranged.suggestions

    def allow(self, phrase: Phrase, text: str) -> bool:
        """Before a pick is pasted: False (and a warning with the next variant placed first) the first time
        it repeats a reply this buyer already had today; the same pick again pastes it."""
        library = self.controller.library
        repeat = self.guard.check(phrase, text, library.phrases if library else [], self._renderer())
        if repeat is None:
            self._pending = (phrase, text)
            return True
        self._offer_variant(phrase, repeat.variant, repeat.nick)
        return False

    # what follows a paste --------------------------------------------------------------------------
    def _on_controller_reply_chosen(self, phrase: Phrase) -> None:
        if self._pending is None or self._pending[0].id != phrase.id:
            return
        text = self._pending[1]
        self._pending = None
        now = self.clock()
        pasted = self.guard.pasted(phrase, text, now)
        self._update_timer()
        if pasted.digest is not None:
            day, digest = pasted.day, pasted.digest
            self.runner.db(lambda services: SentLog(services.store.db).add(day, [digest]), owner=self)
        if pasted.follow_up is not None:
            self._add_follow_up(pasted.follow_up, now)

    def _add_follow_up(self, follow_up: FollowUp, now: dt.datetime) -> None:
        self._follow_ups.append(follow_up)
        self._plan_follow_up()
        if follow_up.nick:
            text = self.tr("稍等查询后回复买家（%1 分钟内）").replace(
                "%1", str(int(self.guard.options.follow_up_after.total_seconds() // 60)))
            self._add_promise(follow_up.nick, text, follow_up.due, now)
        self.controller.show_hint(self.tr("已记入日清：%1 后跟进").replace("%1", f"{follow_up.due.astimezone():%H:%M}"))

    def _add_promise(self, nick: str, text: str, due: dt.datetime | None, now: dt.datetime) -> None:
        self.runner.db(lambda services: CustomerRepository(services.store.db).add_promise(nick, text, due, now),
                       owner=self)

    def _plan_follow_up(self) -> None:
        if not self._follow_ups:
            self._follow_up_timer.stop()
            return
        due = min(f.due for f in self._follow_ups)
        wait_ms = max(0, int((due - self.clock()).total_seconds() * 1000))
        self._follow_up_timer.start(min(wait_ms, 24 * 3600 * 1000))

    def _on_follow_up_timer_timeout(self) -> None:
        now = self.clock()
        due = [f for f in self._follow_ups if f.due <= now]
        self._follow_ups = [f for f in self._follow_ups if f.due > now]
        for follow_up in due:
            who = follow_up.nick or self.tr("买家")
            body = self.tr("该回复%1了：稍等查询的结果").replace("%1", who)
            if self.notifier is not None:
                self.notifier.notify(FOLLOW_UP_KEY, self.tr("快答：跟进提醒"), body)
            self.controller.show_hint(body)
        self._plan_follow_up()

    def record_promise(self) -> None:
        """记承诺 (a click or its hotkey) in a high-risk chat: a promise for the next shift, under 日清."""
        nick = self.guard.nick
        if not nick:
            self.controller.show_hint(self.tr("不知道是哪位买家：复制带昵称的聊天记录后再记承诺"))
            return
        top = self._engine_list[0][0].phrase if self._engine_list[0] else None
        names = {i.id: i.name_zh for i in intents()}
        topic = next((names[i] for i in (top.intents if top else ()) if i in names), "")
        text = self.tr("交接下一班：跟进%1").replace("%1", topic or self.tr("买家的问题"))
        self._add_promise(nick, text, None, self.clock())
        self.controller.show_hint(self.tr("已记为承诺，下一班在日清里跟进：%1").replace("%1", nick))

    # small helpers ---------------------------------------------------------------------------------
    def _renderer(self) -> Callable[[Phrase], str]:
        """Phrase → text as the list renders it (the same values), so a variant is compared with what would
        be pasted."""
        library = self.controller.library
        values = render_values(self.settings.settings, library.promotion if library else "")
        return lambda phrase: values.render(phrase.text)

    def _offer_variant(self, phrase: Phrase, variant: Phrase | None, nick: str) -> None:
        who = nick or self.tr("这位买家")
        model = self.controller.suggestion_model
        if variant is not None and not self.controller.searching:
            kept = [s for s in self._shown if s.phrase.id != variant.id]
            self._shown = [Suggestion(variant, 0.0), *kept][: max(len(self._shown), 1)]
            model.set_suggestions(self._shown)
        again = next((row for row in range(model.rowCount()) if model.phrase(row).id == phrase.id), None)
        if variant is not None and not self.controller.searching:
            message = self.tr("今天已向%1发过这句：1 是同类的下一句，再选 %2 仍粘贴").replace("%1", who)
            message = message.replace("%2", str(again + 1) if again is not None else self.tr("一次"))
        else:
            message = self.tr("今天已向%1发过这句，再选一次仍粘贴").replace("%1", who)
        self.controller.show_hint(message)

    def _update_timer(self) -> None:
        waiting = self.guard.waiting(self.clock())
        if waiting is None or waiting > GIVE_UP:
            self._tick.stop()
            self.timer_label.hide()
            return
        seconds = int(waiting.total_seconds())
        late = waiting >= self.guard.options.reply_alarm
        clock = f"⏱ {seconds // 60}:{seconds % 60:02d}"
        self.timer_label.setText(self.tr("%1 先致歉").replace("%1", clock) if late else clock)
        self.timer_label.setToolTip(self.tr("买家已等待；超过 %1 分钟先致歉").replace(
            "%1", str(int(self.guard.options.reply_alarm.total_seconds() // 60))))
        self.timer_label.setProperty("late", late)
        self.timer_label.show()
        if not self._tick.isActive():
            self._tick.start()

    def _on_tick_timeout(self) -> None:
        was_late = bool(self.timer_label.property("late"))
        self._update_timer()
        if not was_late and bool(self.timer_label.property("late")) and not self.controller.searching:
            # the list on screen now opens with an apology
            self.controller.suggestion_model.set_suggestions(self.arrange(*self._engine_list))

    def _on_hotkeys_hotkey_pressed(self, action: HotkeyAction, _number: int) -> None:
        if action is HotkeyAction.PROMISE and self.high_risk:
            self.record_promise()

    def _on_settings_changed(self, key: str, _value: object) -> None:
        if key in SETTING_KEYS:
            self.guard.configure(GuardOptions.from_settings(self.settings.get))
            self._update_timer()
        elif key == "hotkey_promise":
            self.retranslate()
