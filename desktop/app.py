"""The composition root: builds every service once and passes it into the constructors that need it.

Start-up order is chosen for a fast first paint: settings and the window first (only QtCore/QtGui/
QtWidgets are imported before it shows), then, once it has painted, the tray, the OS adapters and the DB
worker, which opens the store and builds the suggestion index while the list says 正在加载短语库…
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from desktop.paths import Paths
from desktop.settings import Settings, open_settings
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell.appearance import Appearance
from desktop.ui.shell.overlay_window import SCREEN_MARGIN, OverlayWindow, default_size

if TYPE_CHECKING:
    from desktop.platform.factory import PlatformServices
    from desktop.services.context import Services
    from desktop.testing.e2e_probe import E2EProbe
    from desktop.ui.feedback.feature import FeedbackFeature
    from desktop.ui.feedback.review import FeedbackReview
    from desktop.ui.reminders.feature import RemindersFeature
    from desktop.ui.report.window import ReportWindow
    from desktop.ui.rounds.feature import RoundsFeature
    from desktop.ui.rounds.lead_window import RoundsWindow
    from desktop.ui.runtime.gc_guard import GuiThreadCollector
    from desktop.ui.runtime.library_service import LibraryService
    from desktop.ui.runtime.tasks import FailureReporter
    from desktop.ui.shell.diagnostics_export import DiagnosticsExport
    from desktop.ui.shell.store_guard import RestartableRunner, StoreGuard
    from desktop.ui.shell.tray import TrayIcon
    from desktop.ui.suggestions.guard_hooks import GuardHooks
    from desktop.ui.suggestions.overlay_controller import OverlayController
    from desktop.ui.suggestions.phrase_files import PhraseFiles
    from desktop.ui.team.editor.window import LibraryEditor
    from desktop.ui.team.sync_controller import SyncActions, SyncController, SyncStatusButton
    from desktop.ui.team.team_page import TeamPage

log = logging.getLogger(__name__)

ICON_SIZES = (16, 32, 64, 256)
# `bench/startup.py` sets this: print the wall-clock time of the first paint and quit right after it.
FIRST_PAINT_ENV = "KUAIDA_BENCH_FIRST_PAINT"
# The end-to-end tests set this to a file: desktop/testing/e2e_probe.py writes the window's state there.
E2E_PROBE_ENV = "KUAIDA_E2E_PROBE"
GEOMETRY_SAVE_MS = 1500
OPEN_EDITOR = 2  # the settings dialog's result when 设置 → 团队 → 团队短语库… closed it
TASK_FAILED_KEY = "task-failed"  # one notification slot: a new failure replaces the last one


def app_icon() -> QIcon:
    from importlib import resources

    icon = QIcon()
    folder = resources.files("desktop.resources").joinpath("icons")
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(folder.joinpath(f"kuaida-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def open_services(paths: Paths, settings: Settings) -> Services:
    """Runs on the DB worker thread. Imported here, not at the top: the store and the engine are loaded
    on that worker after the first paint, not before it."""
    from desktop.services.context import open_services as open_store_services

    return open_store_services(paths=paths, settings=settings)


class FirstPaint(QObject):
    """Emits `painted` once, just after the watched widget's first paint has been handled."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)  # after the paint event itself has been processed
        return False


def place_window(window: OverlayWindow, settings: SettingsBridge) -> None:
    """Where the agent left it; the first time at the right edge of the screen, beside the chat client."""
    if not window.restore_geometry_state(settings.get("window_geometry")):
        screen = window.screen()
        if screen is not None:
            area = screen.availableGeometry()
            window.resize(default_size(area))
            window.move(area.right() - window.width() - SCREEN_MARGIN, area.top() + SCREEN_MARGIN)
    if settings.get("dock_edge"):
        window.dock(settings.get("dock_edge"))


@dataclass
class TeamSync:
    controller: SyncController
    actions: SyncActions
    status: SyncStatusButton


@dataclass
class Running:
    """Everything the app starts once the window has painted; `Application.running` is None before that."""

    gc_guard: GuiThreadCollector
    failures: FailureReporter
    runner: RestartableRunner
    library: LibraryService
    store_guard: StoreGuard
    tray: TrayIcon
    platform: PlatformServices
    controller: OverlayController
    sync: TeamSync
    reminders: RemindersFeature
    feedback: FeedbackFeature
    rounds: RoundsFeature
    phrase_files: PhraseFiles
    diagnostics: DiagnosticsExport
    e2e_probe: E2EProbe | None = None
    library_editor: LibraryEditor | None = None  # opened from the tray on demand
    feedback_review: FeedbackReview | None = None  # likewise
    daily_report: ReportWindow | None = None  # likewise
    rounds_window: RoundsWindow | None = None  # likewise
    guard: GuardHooks | None = None  # the service guard around suggestions and pastes


class Application(QObject):
    """Owns what run_app builds, so the pieces live exactly as long as the event loop."""

    def __init__(self, qt_app: QApplication, paths: Paths,
                 after_first_paint: Callable[[], object] | None = None) -> None:
        """`after_first_paint` runs first thing once the window has painted (run_app sets up logging there)."""
        super().__init__()
        self.qt_app = qt_app
        self.paths = paths
        self._after_first_paint = after_first_paint
        self.settings = SettingsBridge(open_settings(paths), self)
        self.appearance = Appearance(qt_app, self.settings, parent=self)
        self.appearance.apply()
        self.icon = QIcon()  # loaded just after the first paint: reading and decoding it is not free
        self.window = OverlayWindow(deferred=True)
        place_window(self.window, self.settings)
        self._closed = False
        self.running: Running | None = None
        self.first_paint = FirstPaint(self.window)
        self.first_paint.painted.connect(self._on_first_paint_painted)
        self.window.hide_requested.connect(self._on_window_hide_requested)
        # Remember the window's place soon after the agent moves it, not only on a clean quit (log-off, kill).
        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.setInterval(GEOMETRY_SAVE_MS)
        self._geometry_timer.timeout.connect(self._save_geometry)
        self.window.geometry_changed.connect(self._geometry_timer.start)
        qt_app.aboutToQuit.connect(self._on_app_about_to_quit)

    def show(self) -> None:
        self.window.show()

    def bring_to_front(self) -> None:
        """Another start on this data folder: show the window (even hidden to the tray) above the others. It
        is raised, not activated: the overlay never takes the focus from the chat client."""
        self.window.show()
        self.window.raise_()

    def _on_first_paint_painted(self) -> None:
        if os.environ.get(FIRST_PAINT_ENV):
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self.qt_app.quit)
            return
        if self._after_first_paint is not None:
            self._after_first_paint()
        self._start_services()

    def _start_services(self) -> None:
        from desktop.platform.factory import create_platform
        from desktop.ui.runtime.gc_guard import GuiThreadCollector
        from desktop.ui.runtime.library_service import LibraryService
        from desktop.ui.runtime.tasks import FailureReporter, TaskRunner
        from desktop.ui.shell.store_guard import RestartableRunner, StoreGuard
        from desktop.ui.shell.tray import TrayIcon
        from desktop.ui.suggestions.overlay_controller import OverlayController

        self.window.build()
        self.appearance.add_delegate(self.window.suggestions.delegate)  # builds the 建议 panel
        # Before the workers start: from now on only the GUI thread runs the cyclic garbage collector.
        gc_guard = GuiThreadCollector(self)
        settings = self.settings.settings
        paths = self.paths
        # Restartable: after a backup is restored over a damaged store, a fresh DB worker opens it.
        # A job that fails without its own handler still tells the agent (status line and a notification).
        failures = FailureReporter(self)
        runner = RestartableRunner(lambda: TaskRunner(db_factory=lambda: open_services(paths, settings),
                                                      report_failure=failures.report))
        # Whatever changes the phrases (sync, imports, restore, publishing, edits) reloads the library here.
        library = LibraryService(runner, self.settings, parent=self)
        store_guard = StoreGuard(runner, paths, self.window, parent=self)
        store_guard.restored.connect(self._on_store_guard_restored)
        store_guard.store_failed.connect(self._on_store_guard_store_failed)
        self.icon = app_icon()
        self.qt_app.setWindowIcon(self.icon)
        self.window.setWindowIcon(self.icon)
        tray = TrayIcon(self.icon, self)
        platform = create_platform(settings, tray=tray.icon, parent=self)
        e2e_probe = None
        if probe_path := os.environ.get(E2E_PROBE_ENV):
            from desktop.testing.e2e_probe import E2EProbe

            e2e_probe = E2EProbe(probe_path, platform, parent=self)
        failures.failed.connect(self._on_failures_failed)
        controller = OverlayController(
            self.window, self.settings, runner, platform.clipboard, platform.paster,
            platform.hotkeys, focus=platform.focus, library=library,
            hotkey_errors=platform.hotkey_errors, parent=self,
        )
        controller.settings_requested.connect(self.show_settings)
        library.reload_when(store_guard.restored)
        library.reload()
        tray.toggle_requested.connect(controller.toggle_window)
        tray.pause_toggled.connect(controller.set_paused)
        tray.settings_requested.connect(self.show_settings)
        tray.quit_requested.connect(self.qt_app.quit)
        platform.clipboard.paused_changed.connect(tray.set_paused)
        tray.set_paused(platform.clipboard.is_paused())
        self.window.visibility_changed.connect(tray.set_window_visible)
        self.settings.changed.connect(self._on_settings_changed)
        sync = self._start_team_sync(runner, tray, controller, library)
        reminders = self._start_reminders(runner, platform, tray, controller, library)
        guard = self._start_guard(runner, platform, controller, reminders)
        feedback = self._start_feedback(runner, platform, tray, reminders)
        rounds = self._start_rounds(runner, platform, reminders, sync)
        phrase_files = self._start_phrase_files(runner, tray, controller, library)
        diagnostics = self._start_diagnostics(runner, platform, tray)
        self.running = Running(gc_guard, failures, runner, library, store_guard, tray, platform, controller, sync,
                               reminders, feedback, rounds, phrase_files, diagnostics, e2e_probe, guard=guard)
        store_guard.start()  # after the others queued their first DB jobs: they fail the same way
        tray.show()

    def _on_failures_failed(self, message: str) -> None:
        self.window.show_hint(message)
        if self.running is not None:
            self.running.platform.notifier.notify(TASK_FAILED_KEY, self.tr("快答：操作没有完成"), message)

    def _start_team_sync(self, runner: RestartableRunner, tray: TrayIcon, controller: OverlayController,
                         library: LibraryService) -> TeamSync:
        """Follow the team library on the share: status in the overlay and tray, 立即同步 in the tray."""
        from desktop.sync.share import team_folder_path
        from desktop.ui.team.sync_controller import SyncActions, SyncController, SyncStatusButton

        settings, paths = self.settings.settings, self.paths
        sync = SyncController(runner, self.settings, lambda: team_folder_path(settings, paths), parent=self)
        sync_actions = SyncActions(sync, self)
        tray.add_actions(sync_actions.actions, sync_actions.retranslate)
        sync_status = SyncStatusButton(sync, self.window)
        self.window.add_status_widget(sync_status)
        library.reload_when(sync.library_updated)  # a new team library was applied
        controller.proposal_requested.connect(sync.propose)  # 推荐给团队 on a personal phrase
        controller.reply_chosen.connect(sync.note_pick)  # a burst of picks uploads the usage figures
        sync.proposal_finished.connect(self._on_sync_proposal_finished)
        self.editor_action = QAction(self)
        self.editor_action.triggered.connect(self.show_library_editor)
        self._retranslate_editor_action()
        tray.add_action(self.editor_action, self._retranslate_editor_action)
        sync.start()
        return TeamSync(sync, sync_actions, sync_status)

    def _retranslate_editor_action(self) -> None:
        self.editor_action.setText(self.tr("团队短语库…"))

    def show_library_editor(self) -> None:
        """Everyone may read the team library there; holding team.key unlocks 发布 (lead mode)."""
        from desktop.sync.share import team_folder_path
        from desktop.ui.team.editor.window import LibraryEditor

        running = self.running
        if running is None:
            return
        if running.library_editor is None:
            settings, paths = self.settings.settings, self.paths
            running.library_editor = LibraryEditor(running.runner, self.settings,
                                                   lambda: team_folder_path(settings, paths))
            # The editor has written the lead's own copy: suggest from it now; the sync then reports the version.
            running.library.reload_when(running.library_editor.published)
            running.library_editor.published.connect(lambda _version: running.sync.controller.sync_now())
            running.library_editor.load()
        running.library_editor.show()
        running.library_editor.raise_()

    def _start_feedback(self, runner: RestartableRunner, platform: PlatformServices, tray: TrayIcon,
                        reminders: RemindersFeature) -> FeedbackFeature:
        """反馈 on the status line for the copied message; 意见反馈汇总… in the tray for the lead."""
        from desktop.sync.share import team_folder_path
        from desktop.ui.feedback.feature import FeedbackFeature

        settings, paths = self.settings.settings, self.paths
        feedback = FeedbackFeature(runner, self.settings, lambda: team_folder_path(settings, paths),
                                   parent=self.window)
        self.window.add_status_widget(feedback.button)
        platform.clipboard.message_copied.connect(feedback.on_message_copied)
        feedback.status.connect(self.window.set_status)
        feedback.keyboard_requested.connect(reminders.borrow_keyboard)
        self.review_action = QAction(self)
        self.review_action.triggered.connect(self.show_feedback_review)
        self.rounds_action = QAction(self)
        self.rounds_action.triggered.connect(self.show_rounds_window)
        self.report_action = QAction(self)
        self.report_action.triggered.connect(self.show_daily_report)
        self._retranslate_feedback_actions()
        tray.add_actions([self.review_action, self.rounds_action, self.report_action],
                         self._retranslate_feedback_actions)
        return feedback

    def _retranslate_feedback_actions(self) -> None:
        self.review_action.setText(self.tr("意见反馈汇总…"))
        self.rounds_action.setText(self.tr("话术优化…"))
        self.report_action.setText(self.tr("日报…"))

    def show_feedback_review(self) -> None:
        from desktop.sync.share import team_folder_path
        from desktop.ui.feedback.review import FeedbackReview

        running = self.running
        if running is None:
            return
        if running.feedback_review is None:
            settings, paths = self.settings.settings, self.paths
            running.feedback_review = FeedbackReview(running.runner, lambda: team_folder_path(settings, paths))
        running.feedback_review.load()
        running.feedback_review.show()
        running.feedback_review.raise_()

    def _start_rounds(self, runner: RestartableRunner, platform: PlatformServices, reminders: RemindersFeature,
                      sync: TeamSync) -> RoundsFeature:
        """话术优化: rounds the lead signed are looked for after each sync that reached the share."""
        from desktop.sync.share import team_folder_path
        from desktop.sync.status import SyncState, SyncStatus
        from desktop.ui.rounds.feature import RoundsFeature

        settings, paths = self.settings.settings, self.paths
        rounds = RoundsFeature(runner, lambda: team_folder_path(settings, paths), platform.notifier,
                               parent=self.window)
        self.window.add_status_widget(rounds.button)
        rounds.status.connect(self.window.set_status)
        rounds.keyboard_requested.connect(reminders.borrow_keyboard)

        def check_after_sync(status: SyncStatus) -> None:
            if status.state in (SyncState.UPDATED, SyncState.UNCHANGED):
                rounds.check()

        sync.controller.status_changed.connect(check_after_sync)
        return rounds

    def show_rounds_window(self) -> None:
        from desktop.sync.share import team_folder_path
        from desktop.ui.rounds.lead_window import RoundsWindow

        running = self.running
        if running is None:
            return
        if running.rounds_window is None:
            settings, paths = self.settings.settings, self.paths
            running.rounds_window = RoundsWindow(running.runner, lambda: team_folder_path(settings, paths))
            running.rounds_window.adopt_requested.connect(self._on_round_answer_adopted)
        running.rounds_window.load()
        running.rounds_window.show()
        running.rounds_window.raise_()

    def _on_round_answer_adopted(self, text: str, _question: str) -> None:
        self.show_library_editor()
        if self.running is not None and self.running.library_editor is not None:
            self.running.library_editor.add_adopted_answer(text)

    def show_daily_report(self) -> None:
        from desktop.sync.share import team_folder_path
        from desktop.ui.report.window import ReportWindow

        running = self.running
        if running is None:
            return
        if running.daily_report is None:
            settings, paths = self.settings.settings, self.paths
            running.daily_report = ReportWindow(running.runner, self.settings,
                                                lambda: team_folder_path(settings, paths))
        running.daily_report.load()
        running.daily_report.show()
        running.daily_report.raise_()

    def _start_reminders(self, runner: RestartableRunner, platform: PlatformServices, tray: TrayIcon,
                         controller: OverlayController, library: LibraryService) -> RemindersFeature:
        """催付 and 客户 tabs, the customer card on copy, 日清 in the tray, the previous shift's handover note."""
        from desktop.sync.share import configured_share
        from desktop.ui.reminders.feature import RemindersFeature

        reminders = RemindersFeature(
            self.window, runner, self.settings, platform.clipboard, platform.paster,
            platform.notifier, focus=controller.focus, tray=tray,
            paste_text=controller.paste_text,
            shared_folder=lambda: configured_share(self.settings.settings), parent=self,
        )
        # The 催付 phrases and the team's campaign come with the library: a sync or an edit reloads the tab.
        library.changed.connect(reminders.reminders.refresh)
        reminders.start()
        return reminders

    def _start_guard(self, runner: RestartableRunner, platform: PlatformServices, controller: OverlayController,
                     reminders: RemindersFeature) -> GuardHooks:
        """The service guard: duplicate sends, 质检 timers, high-risk guard rails (services/service_guard.py)."""
        from desktop.ui.suggestions.guard_hooks import GuardHooks

        guard = GuardHooks(controller, self.settings, runner, platform.notifier, parent=self)
        guard.watch_card(reminders.card)
        controller.guard = guard
        return guard

    def _start_phrase_files(self, runner: RestartableRunner, tray: TrayIcon, controller: OverlayController,
                            library: LibraryService) -> PhraseFiles:
        """导入短语… / 导出短语… in the tray: personal phrases to and from Qianniu/Excel files."""
        from desktop.ui.suggestions.phrase_files import PhraseFiles

        phrase_files = PhraseFiles(runner, controller.focus, parent=self, settings=self.settings, library=library)
        tray.add_actions(phrase_files.actions, phrase_files.retranslate)
        return phrase_files

    def _start_diagnostics(self, runner: RestartableRunner, platform: PlatformServices,
                           tray: TrayIcon) -> DiagnosticsExport:
        """导出诊断信息 in the tray: a zip of logs and configuration on the desktop, for IT."""
        from desktop.ui.shell.diagnostics_export import DiagnosticsExport

        diagnostics = DiagnosticsExport(self.paths, self.settings.settings, runner, platform.notifier, parent=self)
        tray.add_action(diagnostics.action, diagnostics.retranslate)
        return diagnostics

    def _on_store_guard_store_failed(self, _error: object) -> None:
        # The sync cannot reach the local mirror either; its "离线" would point at the wrong problem.
        if self.running is not None:
            self.running.sync.status.hide()

    def _on_store_guard_restored(self) -> None:
        """A backup is in place and the DB worker has reopened the store: load everything again (the library
        reloads itself)."""
        if self.running is None:
            return
        self.running.sync.status.show()
        self.running.reminders.start()
        self.running.sync.controller.sync_now()

    def _on_sync_proposal_finished(self, _sent: bool, message: str) -> None:
        if self.running is not None:
            self.running.controller.show_hint(message)

    def show_settings(self) -> None:
        from desktop.ui.shell.settings_dialog import SettingsDialog
        from desktop.ui.widgets.language import translated

        running = self.running
        platform = running.platform if running is not None else None

        def problem() -> str:  # said again in the other language when the agent switches it in the dialog
            if platform is None:
                return ""
            reason = platform.hotkeys.unavailable_reason()
            return translated(reason) if reason else "；".join(
                sorted({translated(error) for error in platform.hotkey_errors.values()}))

        actions = running.phrase_files.actions if running is not None else []
        controller = running.controller if running is not None else None
        library = running.library if running is not None else None
        hidden = (lambda: library.library.hidden if library.library else []) if library else None
        team_page = self._team_page()
        dialog = SettingsDialog(self.settings, problem if problem() else None, phrase_actions=actions,
                                hidden_phrases=hidden, team_page=team_page)
        if team_page is not None:  # the editor is a window of its own: close the modal dialog first
            team_page.editor_requested.connect(lambda: dialog.done(OPEN_EDITOR))
        if controller is not None and library is not None:
            dialog.restore_hidden_requested.connect(controller.phrases.unhide)
            library.changed.connect(dialog.refresh_hidden)
        focus = controller.focus if controller is not None else None
        if focus is not None:
            focus.remember()
        result = dialog.exec()
        dialog.deleteLater()
        if focus is not None:
            focus.restore()
        if result == OPEN_EDITOR:
            self.show_library_editor()

    def _team_page(self) -> TeamPage | None:
        """设置 → 团队, when the team sync runs (the tray's team entries, for desktops without a tray)."""
        running = self.running
        if running is None:
            return None
        from desktop.sync.share import team_folder_path
        from desktop.ui.team.team_page import TeamPage

        settings, paths = self.settings.settings, self.paths
        return TeamPage(running.sync.controller, running.runner, self.settings,
                        current_folder=lambda: str(team_folder_path(settings, paths)))

    def _on_settings_changed(self, key: str, _value: object) -> None:
        if key == "dock_edge":
            self.window.dock(self.settings.get("dock_edge"))

    def _on_window_hide_requested(self) -> None:
        # Hidden, the window comes back from the tray; where there is no tray, closing it quits instead.
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.running is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self.window.hide()
        else:
            self.qt_app.quit()

    def _on_app_about_to_quit(self) -> None:
        self.close()

    def _save_geometry(self) -> None:
        if self.window.isVisible() and not os.environ.get(FIRST_PAINT_ENV):
            self.settings.set("window_geometry", self.window.geometry_state())

    def close(self) -> None:
        """Stop what runs (hotkeys, tray, DB worker) and delete the window before the models it shows."""
        if self._closed:
            return
        self._closed = True
        self._geometry_timer.stop()
        self._save_geometry()
        running = self.running
        if running is not None:
            running.platform.close()
            running.tray.close()
            running.sync.controller.upload_usage_before_quit()  # bounded: a hung share does not hold up 退出
            running.sync.controller.stop()
            running.store_guard.stop()
            if running.guard is not None:
                running.guard.stop()
            if running.library_editor is not None:
                shiboken6.delete(running.library_editor)
            for window in (running.feedback_review, running.daily_report, running.rounds_window):
                if window is not None:
                    shiboken6.delete(window)
            running.runner.shutdown()
            running.gc_guard.stop()
        shiboken6.delete(self.window)
        self.appearance.translations.remove()  # the next Application in this process starts from the source texts


def _setup_logging(paths: Paths) -> None:
    # After the first paint: importing logging.handlers and opening the file cost ~13 ms of start-up.
    # Nothing before it logs except a malformed settings file, which stderr still reports.
    from desktop.logs import setup_logging

    setup_logging(paths)


def run_app(data_dir: str | os.PathLike[str] | None = None) -> int:
    from desktop.store.instance_lock import InstanceLock, LockHeld

    try:
        paths = Paths.resolve(data_dir).ensure()
    except OSError as error:  # a read-only or full data folder: say so in a box, not a traceback nobody sees
        return _tell_data_folder_unusable(error)
    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    try:
        lock: InstanceLock | contextlib.nullcontext[None] = InstanceLock.acquire(paths.home)  # until the end
    except LockHeld as held:
        return _second_start(paths, held)
    except OSError as error:  # a folder we cannot write: the store's own message says so once the window is up
        print(f"cannot lock the data folder {paths.home}: {error}", file=sys.stderr, flush=True)
        lock = contextlib.nullcontext()
    with lock:
        qt_app.setApplicationName("Kuaida")
        qt_app.setApplicationDisplayName("快答 Kuaida")
        qt_app.setQuitOnLastWindowClosed(False)  # closing the window hides it; the tray's 退出 quits
        app = Application(qt_app, paths, after_first_paint=lambda: _after_first_paint(app, paths))
        app.show()
        code = qt_app.exec()
        app.close()
        return code


def _after_first_paint(app: Application, paths: Paths) -> None:
    from desktop.ui.shell.single_instance import ActivationServer

    _setup_logging(paths)
    server = ActivationServer(paths.home, app)  # QtNetwork only now: it is not needed for the first paint
    server.show_requested.connect(app.bring_to_front)
    server.start()


def _second_start(paths: Paths, held: Exception) -> int:
    """Another Kuaida holds this data folder: bring it to the front instead of a second tray icon and clipboard
    watcher writing the same settings file."""
    from desktop.ui.shell.single_instance import ask_first_instance_to_show

    if ask_first_instance_to_show(paths.home):
        print(f"快答已在运行，已切换到它的窗口（{paths.home}）。", flush=True)
        return 0
    print(f"{held}。请先退出它（托盘 → 退出），或用 --data-dir 指定其他文件夹。", file=sys.stderr, flush=True)
    return 1


def _tell_data_folder_unusable(error: OSError) -> int:
    from PySide6.QtWidgets import QMessageBox

    from desktop.failures import failure_message
    from desktop.ui.widgets.plain_text import message_box

    message = failure_message(error)
    print(message, file=sys.stderr)
    if QApplication.instance() is None:
        QApplication(sys.argv)
    message_box(QMessageBox.Icon.Critical, "快答 Kuaida", message).exec()  # an OS error may quote a path
    return 1
