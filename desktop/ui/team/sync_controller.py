"""Following the team library from the UI: polls the share's manifest on a timer and on 立即同步.

Share I/O runs on the TaskRunner's I/O pool, at most one call in flight, with a watchdog: a share that
hangs shows 离线, its call is abandoned (the pool replaces the stuck worker) and it is retried with backoff;
立即同步 works again at once. The UI thread never waits. Applying runs on the DB
worker. The share offers no reliable change events (SMB, cloud-drive clients), so a timer is right here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.core.phrases import Phrase
from desktop.core.reminders import zone_from
from desktop.core.sync.pack import TeamLibrary
from desktop.services.context import Services
from desktop.services.daily_report import agent_days
from desktop.services.team import UsageSnapshot, agent_for_proposal, upload_usage, usage_snapshot
from desktop.settings import SettingsReader
from desktop.store.team import MirrorState, TeamRepository
from desktop.sync.gc_pause import CollectorPause, release_gradually
from desktop.sync.inbox import propose
from desktop.sync.pull import PullOutcome, apply_outcome, pull
from desktop.sync.status import SyncState, SyncStatus, retry_delay
from desktop.ui.runtime.tasks import BackgroundJob, Runner
from desktop.ui.widgets.plain_text import as_tooltip, ask_yes_no

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_MS = 20_000
USAGE_UPLOAD_EVERY = dt.timedelta(hours=1)
USAGE_UPLOAD_AFTER_PICKS = 20  # a burst of picks goes up at once, not only with the hourly upload
QUIT_UPLOAD_TIMEOUT_MS = 3_000  # how long 退出 may wait for the last upload to a slow share


class _Handoff:
    """Carries a pulled library from the I/O worker to the DB worker through the UI thread, which only ever
    holds this box: the DB worker takes it, stores it and frees it in batches (freeing 50,000 phrases at
    once would hold the interpreter lock for tens of ms), then ends the collector pause (see gc_pause)."""

    def __init__(self, library: TeamLibrary | None, pause: CollectorPause | None) -> None:
        self._library = library
        self._pause = pause

    @property
    def library(self) -> TeamLibrary | None:
        return self._library

    def release(self) -> None:
        library, self._library = self._library, None
        phrases = list(library.phrases) if library is not None else []
        del library  # now `phrases` holds the last references
        release_gradually(phrases)
        self.end()

    def end(self) -> None:
        self._library = None
        if self._pause is not None:
            self._pause.end()

    def __del__(self) -> None:  # dropped unused (a stale result, a destroyed owner): never leave the pause on
        self.end()


def services_team(services: Services) -> TeamRepository:
    return TeamRepository(services.store.db)


class SyncController(QObject):
    """Signals: `status_changed(SyncStatus)` after every attempt; `library_updated(int)` when a new version
    was applied (rebuild the suggestion engine); `trust_requested(str)` with a fingerprint to confirm."""

    status_changed = Signal(object)
    library_updated = Signal(int)
    trust_requested = Signal(str)
    proposal_finished = Signal(bool, str)  # sent?, a sentence for the agent

    def __init__(
        self,
        runner: Runner,
        settings: SettingsReader,
        folder: Callable[[], Path],
        *,
        team_of: Callable[[Services], TeamRepository] = services_team,
        pull_fn: Callable[[Path, MirrorState, str, str], PullOutcome] = pull,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        clock: Callable[[], dt.datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._folder = folder
        self._team_of = team_of
        self._pull = pull_fn
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._status = SyncStatus()
        self._in_flight = False
        self._pull_job: BackgroundJob | None = None  # the IoJob of the pull in flight, abandoned if the share hangs
        self._attempt = 0  # which attempt the watchdog and the callbacks belong to
        self._failures = 0
        self._trust = ""
        self._usage_written_at: dt.datetime | None = None
        self._picks_since_upload = 0
        self._stopped = False
        self._poll_timer = QTimer(self)
        self._poll_timer.setSingleShot(True)
        self._poll_timer.timeout.connect(self.sync_now)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(timeout_ms)
        self._timeout_ms = timeout_ms
        self._watchdog.timeout.connect(self._on_watchdog_timeout)

    # public ---------------------------------------------------------------------------------------
    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def busy(self) -> bool:
        return self._in_flight

    @property
    def next_poll_ms(self) -> int | None:
        return self._poll_timer.interval() if self._poll_timer.isActive() else None

    def start(self) -> None:
        """Load the last known status, then sync at once and every `sync_interval_seconds` after."""
        self._runner.db(lambda ctx: SyncStatus.from_json(self._team_of(ctx).last_status()),
                        self._on_last_status_loaded, owner=self)
        QTimer.singleShot(0, self, self.sync_now)

    def stop(self) -> None:
        """Stop polling; results still on their way are dropped (the runner may be shutting down)."""
        self._stopped = True
        self._poll_timer.stop()
        self._watchdog.stop()
        self._abandon_pull()

    def sync_now(self) -> None:
        """立即同步. Ignored while a call is in flight: at most one share call at a time (a hung one is
        abandoned when the watchdog fires, so this works again from then on)."""
        if self._in_flight or self._stopped:
            return
        self._poll_timer.stop()
        self._in_flight = True
        self._attempt += 1
        attempt = self._attempt
        self._runner.db(lambda ctx: self._team_of(ctx).mirror_state(),
                        lambda mirror: self._on_mirror_loaded(attempt, mirror),
                        lambda error: self._on_failed(attempt, error), owner=self)

    def trust(self, fingerprint: str) -> None:
        """The agent confirmed this fingerprint with the lead: pin it at the next pull, which starts now."""
        self._trust = fingerprint
        self.sync_now()

    def propose(self, phrase: Phrase, note: str = "") -> None:
        """Offer a personal phrase to the team: one new file in the share's inbox, written off the UI thread."""
        folder = self._folder  # resolved on the I/O worker: even a local stand-in folder is disk work
        agent_name = self._settings.get("agent_name")
        self._runner.db(
            lambda ctx: agent_for_proposal(self._team_of(ctx), phrase),
            lambda agent_id: self._runner.io(
                lambda: propose(folder(), phrase, agent_id, agent_name, note),
                lambda _id: self.proposal_finished.emit(True, self.tr("已提交给主管审核")),
                lambda error: self.proposal_finished.emit(False, self.tr("提交失败：共享文件夹不可用")),
                owner=self,
                timeout_ms=self._timeout_ms,
            ),
            owner=self,
        )

    def note_pick(self, *_picked: object) -> None:
        """The agent picked a reply: after a burst of `USAGE_UPLOAD_AFTER_PICKS` the figures go up at once,
        without waiting for the hourly upload (a busy hour shows in the lead's 使用统计 while it lasts)."""
        self._picks_since_upload += 1
        if self._picks_since_upload >= USAGE_UPLOAD_AFTER_PICKS and self._share_answered():
            self._upload_usage()

    def upload_usage_before_quit(self, timeout_ms: int = QUIT_UPLOAD_TIMEOUT_MS) -> None:
        """At 退出, before `stop`: upload what was picked since the last upload. The write has the I/O pool's
        `timeout_ms`; a guard of twice that bounds the whole (a busy DB worker). Skipped when the last sync
        did not reach the share, so quitting offline costs nothing."""
        if self._stopped or not self._picks_since_upload or not self._share_answered():
            return
        loop = QEventLoop()
        finished: list[bool] = []

        def finish(*_result: object) -> None:
            finished.append(True)
            loop.quit()

        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        self._upload_usage(timeout_ms, finish)
        if not finished:  # the immediate runner (tests) has finished already
            guard.start(2 * timeout_ms)
            loop.exec()
        guard.stop()

    def _share_answered(self) -> bool:
        return self._status.state in (SyncState.UPDATED, SyncState.UNCHANGED)

    def _upload_usage_if_due(self) -> None:
        now = self._clock()
        if self._stopped or (self._usage_written_at is not None and now - self._usage_written_at < USAGE_UPLOAD_EVERY):
            return
        self._upload_usage()

    def _upload_usage(self, timeout_ms: int | None = None,
                      finished: Callable[[object], None] | None = None) -> None:
        """Counts gathered on the DB worker (after the picks queued before them), written on the I/O pool."""
        self._usage_written_at = self._clock()
        self._picks_since_upload = 0
        folder, team_of, today = self._folder, self._team_of, self._usage_written_at.date()

        def failed(error: BaseException) -> None:
            self._on_usage_failed(error)
            if finished is not None:
                finished(error)

        def upload(snapshot: UsageSnapshot) -> None:
            if self._stopped:
                return
            self._runner.io(lambda: upload_usage(folder(), snapshot), finished, failed, owner=self,
                            timeout_ms=timeout_ms or self._timeout_ms)

        def gather(ctx: Services) -> UsageSnapshot:
            daily = agent_days(ctx, zone_from(ctx.settings.get), self._clock())
            return usage_snapshot(team_of(ctx), today, daily)

        self._runner.db(gather, upload, failed, owner=self)

    def _on_usage_failed(self, error: BaseException) -> None:
        log.info("usage stats not written this time: %s", type(error).__name__)

    # the steps of one attempt ----------------------------------------------------------------------
    def _on_last_status_loaded(self, status: SyncStatus) -> None:
        if self._status.state is SyncState.NEVER:
            self._status = status
            self.status_changed.emit(status)

    def _on_mirror_loaded(self, attempt: int, mirror: MirrorState) -> None:
        folder = self._folder
        configured = self._settings.get("team_key")
        trust = self._trust
        self._watchdog.start()

        def fetch() -> tuple[PullOutcome, _Handoff]:
            outcome = self._pull(folder(), mirror, configured, trust)
            handoff = _Handoff(outcome.library, outcome.collector_pause)
            return dataclasses.replace(outcome, library=None, collector_pause=None), handoff

        self._pull_job = self._runner.io(fetch, lambda result: self._on_pulled(attempt, *result),
                                         lambda error: self._on_failed(attempt, error), owner=self)

    def _on_pulled(self, attempt: int, outcome: PullOutcome, library: _Handoff) -> None:
        self._pull_job = None
        if attempt != self._attempt:
            library.end()  # an abandoned attempt's late news (a runner that could not drop it): stale
            return
        self._watchdog.stop()
        now = self._clock()

        def apply(ctx: Services) -> SyncStatus:
            try:
                return apply_outcome(self._team_of(ctx), dataclasses.replace(outcome, library=library.library), now)
            finally:
                library.release()  # freed here on the DB worker, a batch at a time

        self._runner.db(apply, self._on_applied, lambda error: self._on_failed(attempt, error), owner=self)

    def _on_applied(self, status: SyncStatus) -> None:
        self._in_flight = False
        if status.state in (SyncState.UPDATED, SyncState.UNCHANGED):
            self._trust = ""  # pinned now
        self._finish(status)
        if status.state in (SyncState.UPDATED, SyncState.UNCHANGED):
            self._upload_usage_if_due()
        if status.state is SyncState.UPDATED and status.local_version is not None:
            self.library_updated.emit(status.local_version)
        if status.key_to_confirm:
            self.trust_requested.emit(status.key_to_confirm)

    def _on_watchdog_timeout(self) -> None:
        # A hung call cannot be cancelled, only abandoned: its result is dropped whenever it comes, the pool
        # starts another worker, and the next attempt (backoff, or 立即同步) may start at once.
        log.warning("team folder did not answer within %d ms", self._watchdog.interval())
        self._abandon_pull()
        self._in_flight = False
        self._attempt += 1  # whatever the abandoned attempt still delivers is stale
        self._finish(SyncStatus(SyncState.OFFLINE, reason="共享文件夹无响应", checked_at=self._clock())
                     .following(self._status))

    def _abandon_pull(self) -> None:
        job, self._pull_job = self._pull_job, None
        if job is not None:
            job.abandon()

    def _on_failed(self, attempt: int, error: BaseException) -> None:
        log.warning("team sync failed: %s", type(error).__name__)
        if attempt != self._attempt:
            return  # an abandoned attempt: the watchdog already reported it and the next one may be running
        self._pull_job = None
        self._watchdog.stop()
        self._in_flight = False
        self._finish(SyncStatus(SyncState.OFFLINE, reason=str(error)[:200], checked_at=self._clock())
                     .following(self._status))

    def _finish(self, status: SyncStatus) -> None:
        self._failures = self._failures + 1 if status.state is SyncState.OFFLINE else 0
        self._status = status
        self.status_changed.emit(status)
        self._schedule()

    def _schedule(self) -> None:
        if self._stopped:
            return
        interval = self._settings.get("sync_interval_seconds")
        self._poll_timer.start(int(retry_delay(self._status.state, self._failures, interval) * 1000))


class SyncActions(QObject):
    """The tray's part of the sync (add both with TrayIcon.add_action): a status line, which turns into
    确认团队密钥… when a key waits for confirmation, and 立即同步."""

    def __init__(self, controller: SyncController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._fingerprint = ""
        self.status_action = QAction(self)
        self.status_action.setEnabled(False)
        self.status_action.triggered.connect(self._on_status_action_triggered)
        self.sync_action = QAction(self)
        self.sync_action.triggered.connect(controller.sync_now)
        controller.status_changed.connect(self._on_controller_status_changed)
        controller.trust_requested.connect(self._on_controller_trust_requested)
        self.retranslate()

    @property
    def actions(self) -> list[QAction]:
        return [self.status_action, self.sync_action]

    def retranslate(self) -> None:
        self._on_controller_status_changed(self._controller.status)
        self.sync_action.setText(self.tr("立即同步团队短语库"))

    def _on_controller_status_changed(self, status: SyncStatus) -> None:
        if not status.key_to_confirm:
            self._fingerprint = ""
        self.status_action.setEnabled(bool(self._fingerprint))
        self.status_action.setText(self.tr("确认团队密钥…") if self._fingerprint
                                   else status.line().full(QCoreApplication.translate))
        self.status_action.setToolTip(as_tooltip(_reason(status)))

    def _on_controller_trust_requested(self, fingerprint: str) -> None:
        self._fingerprint = fingerprint
        self._on_controller_status_changed(self._controller.status)

    def _on_status_action_triggered(self) -> None:
        if self._fingerprint and confirm_fingerprint(None, self._fingerprint):
            self._controller.trust(self._fingerprint)


def _reason(status: SyncStatus) -> str:
    """The reason in the interface language where it is one of the sync's fixed sentences (no team library yet);
    an error's own text (a path, the OS's words) stays as it came."""
    return QCoreApplication.translate("SyncStatus", status.reason) if status.reason else ""


def confirm_fingerprint(parent: QWidget | None, fingerprint: str, trusted: str = "") -> bool:
    """Ask the agent to compare the key's fingerprint with the one the team lead gave out; `trusted`, the
    fingerprint pinned so far, when the lead changed keys (both shown: the agent sees what changes)."""
    title = QCoreApplication.translate("SyncActions", "确认团队密钥")
    question = QCoreApplication.translate("SyncActions", "请向主管核对团队密钥的指纹，一致时才点“是”：\n\n{0}")
    if trusted and trusted != fingerprint:
        question = QCoreApplication.translate(
            "SyncActions", "团队库换了签名密钥。只有主管确实换了密钥时才确认。\n\n原来信任的指纹：\n{1}\n\n"
            "新指纹（请向主管核对，一致时才点“是”）：\n{0}")
    return ask_yes_no(parent, title, question.format(fingerprint, trusted))


class SyncStatusButton(QToolButton):
    """The overlay's part (OverlayWindow.add_status_widget): short status, full text on hover, click to sync."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the overlay never takes the focus
        self.clicked.connect(controller.sync_now)
        self._controller = controller
        controller.status_changed.connect(self._on_controller_status_changed)
        self._on_controller_status_changed(controller.status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._on_controller_status_changed(self._controller.status)

    def _on_controller_status_changed(self, status: SyncStatus) -> None:
        line = status.line()
        full = line.full(QCoreApplication.translate)
        self.setText(line.short.format(QCoreApplication.translate))
        detail = full + ("\n" + _reason(status) if status.reason else "") + "\n" + self.tr("点击立即同步")
        self.setToolTip(as_tooltip(detail))
