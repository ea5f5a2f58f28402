"""话术优化 for the agent: after the team folder answered a sync, look for rounds the lead signed; a new one is
announced once (a tray notification) and waits on the status line's 话术优化 button until answered. Nothing
opens by itself: the agent answers when the chat is quiet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.core.phrases import Phrase
from desktop.core.rounds import Round, RoundError
from desktop.platform.interfaces import Notifier
from desktop.services.context import Services
from desktop.services.rounds import answer_request, mark_answered, mark_seen
from desktop.store.rounds import RoundRepository
from desktop.store.team import TeamRepository
from desktop.sync.rounds import list_rounds, submit_answer
from desktop.ui.rounds.answer_dialog import RoundAnswerDialog
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets import modal

SHARE_TIMEOUT_MS = 20_000
OPEN_DAYS = 14  # a round older than this is over
NOTIFY_KEY = "kuaida-round"


class RoundsButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRaise(True)
        self.waiting = 0
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setText(self.tr("话术优化 (%1)").replace("%1", str(self.waiting)))
        self.setToolTip(self.tr("组长想知道你怎么回答几个常见问题"))

    def set_waiting(self, count: int) -> None:
        self.waiting = count
        self.retranslate()
        self.setVisible(count > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RoundsFeature(QObject):
    status = Signal(str)
    keyboard_requested = Signal(bool)

    def __init__(self, runner: Runner, folder: Callable[[], Path | None], notifier: Notifier | None = None,
                 parent: QWidget | None = None,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        super().__init__(parent)
        self.runner = runner
        self.folder = folder
        self.notifier = notifier
        self.clock = clock
        self.waiting: list[Round] = []
        self.button = RoundsButton(parent)
        self.button.clicked.connect(self.answer_next)
        self._checking = False

    def check(self) -> None:
        """Look for rounds (the share was just reached by a sync): key from the store, files on the I/O pool."""
        folder = self.folder()
        if folder is None or self._checking:
            return
        self._checking = True

        def read(key: Any) -> None:
            if key is None:
                self._checking = False
                return
            self.runner.io(lambda: list_rounds(folder, key)[0], self._on_rounds_read, self._on_check_failed,
                           owner=self, timeout_ms=SHARE_TIMEOUT_MS)

        self.runner.db(lambda services: TeamRepository(services.store.db).pinned_key(), read, self._on_check_failed,
                       owner=self)

    def _on_check_failed(self, _error: BaseException) -> None:
        self._checking = False  # tried again after the next sync

    def _on_rounds_read(self, rounds: list[Round]) -> None:
        now = self.clock()
        recent = [r for r in rounds if now - r.created_at <= dt.timedelta(days=OPEN_DAYS)]

        def sort(services: Services) -> tuple[list[Round], list[Round]]:
            repo = RoundRepository(services.store.db)
            seen, answered = repo.seen(), repo.answered()
            new = [r for r in recent if r.id not in seen]
            mark_seen(services, new, now)
            return [r for r in recent if r.id not in answered], new

        self.runner.db(sort, self._on_sorted, self._on_check_failed, owner=self)

    def _on_sorted(self, result: tuple[list[Round], list[Round]]) -> None:
        self._checking = False
        self.waiting, new = result
        self.button.set_waiting(len(self.waiting))
        if new and self.notifier is not None:
            questions = sum(len(r.questions) for r in new)
            self.notifier.notify(NOTIFY_KEY, self.tr("话术优化"),
                                 self.tr("组长想知道你怎么回答 %1 个常见问题，有空时点“话术优化”作答")
                                 .replace("%1", str(questions)))

    def answer_next(self) -> None:
        if not self.waiting:
            return
        round_ = self.waiting[0]
        self.runner.db(lambda services: [p for p in services.phrases.all() if p.source == "personal"],
                       lambda phrases: self._ask(round_, phrases), owner=self)

    def _ask(self, round_: Round, phrases: list[Phrase]) -> None:
        dialog = RoundAnswerDialog(round_, phrases, self.button.window())
        if (answers := modal.ask(dialog, self.keyboard_requested.emit, RoundAnswerDialog.answers)) is not None:
            self.submit(round_, *answers)

    def submit(self, round_: Round, texts: list[str], phrase_ids: list[str]) -> None:
        folder = self.folder()
        if folder is None:
            return

        def write(request: tuple[str, dict[str, object]]) -> None:
            agent_id, body = request
            self.runner.io(lambda: submit_answer(folder, agent_id, body), lambda _id: sent(), self._failed,
                           owner=self, timeout_ms=SHARE_TIMEOUT_MS)

        def sent() -> None:
            now = self.clock()
            self.runner.db(lambda services: mark_answered(services, round_.id, now), lambda _none: done(),
                           self._failed, owner=self)

        def done() -> None:
            self.waiting = [r for r in self.waiting if r.id != round_.id]
            self.button.set_waiting(len(self.waiting))
            self.status.emit(self.tr("答案已交给组长，谢谢！"))

        def request(services: Services) -> tuple[str, dict[str, object]] | str:
            try:
                return answer_request(services, round_, texts, phrase_ids)
            except RoundError as error:
                return str(error)

        def requested(result: tuple[str, dict[str, object]] | str) -> None:
            if isinstance(result, str):
                self.status.emit(self.tr("没有交：%1").replace("%1", result))
            else:
                write(result)

        self.runner.db(request, requested, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.status.emit(self.tr("没有交给组长（团队文件夹不可用？）：%1").replace("%1", str(error)))
