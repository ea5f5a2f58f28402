"""The composition root: window first, then services on the DB worker, then real suggestions for a copy."""

from __future__ import annotations

import sys
from pathlib import Path

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.app import Application, app_icon
from desktop.paths import Paths
from desktop.settings import Settings
from desktop.ui.suggestions.empty_state import EmptyKind


def test_app_icon_has_every_size(qapp) -> None:
    assert len(app_icon().availableSizes()) == 4


def test_start_paints_first_then_loads_the_library_and_suggests(qtbot, kuaida_home: Path) -> None:
    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        assert app.running is None  # nothing but the window before the first paint
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        assert app.running is not None
        panel = app.window.suggestions
        assert panel.empty_state.kind in (EmptyKind.LOADING, EmptyKind.WAITING)
        qtbot.waitUntil(lambda: app.running.controller.library is not None)
        assert panel.empty_state.kind is EmptyKind.WAITING
        QGuiApplication.clipboard().setText("请问什么时候发货？")
        qtbot.waitUntil(panel.showing_list)
        assert panel.list_view.model().rowCount() >= 1
        qt_modules = {name for name in sys.modules if name.startswith("PySide6.Qt")}
        allowed = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtTest"}  # QtTest: pytest-qt's
        assert qt_modules <= allowed
    finally:
        app.close()
        shiboken6.delete(app)
    saved = Settings(Paths(kuaida_home).settings_file)
    assert saved.get("window_geometry")  # the window's place is remembered for the next start


def test_the_app_wires_proposals_and_phrase_files_into_the_window_and_tray(qtbot, kuaida_home: Path) -> None:
    from desktop.core.phrases import Phrase

    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        qtbot.waitUntil(lambda: app.running.controller.library is not None)
        texts = [action.text() for action in app.running.tray.menu.actions()]
        assert "导入短语…" in texts and "导出短语…" in texts
        app.running.controller.phrases.ask_proposal_note = lambda _parent: "常用"
        mine = Phrase("p-offer", "亲，这款有运费险哦", "我的", source="personal")
        with qtbot.waitSignal(app.running.sync.controller.proposal_finished, timeout=20000) as finished:
            app.window.suggestions.propose_phrase_requested.emit(mine)
        assert finished.args[0] is True
        assert app.window.hint_label.text() == finished.args[1]
        assert list((kuaida_home / "team-share" / "inbox").glob("*.json"))
    finally:
        app.close()
        shiboken6.delete(app)


def test_the_leads_window_suggests_what_the_lead_just_published(qtbot, kuaida_home: Path) -> None:
    """Issue 12: the editor writes the lead's own copy itself, so the next sync finds nothing new; the window
    used to keep the old library until a restart. Publishing now reloads it at once."""
    from desktop.core.sync.keys import SigningKey

    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        qtbot.waitUntil(lambda: app.running.controller.library is not None)
        app.show_library_editor()
        editor = app.running.library_editor
        qtbot.waitUntil(lambda: len(editor.draft.phrases) > 0)
        editor.confirm = lambda _title, _text, _accept: True
        editor.set_signing_key(SigningKey.generate())
        editor.phrases.add_phrase()
        editor.phrases.form.text_edit.setPlainText("亲，周年庆全场包邮哦")
        with qtbot.waitSignal(editor.published, timeout=20000):
            assert editor.publishing.publish() is True
        qtbot.waitUntil(lambda: "亲，周年庆全场包邮哦" in [p.text for p in app.running.controller.library.phrases])
    finally:
        app.close()
        shiboken6.delete(app)


def test_the_reminders_tab_reloads_with_the_library(qtbot, kuaida_home: Path) -> None:
    """The 催付 phrases and the team's campaign come with the library: a reload (sync, import, edit) reaches
    the 催付 tab without a restart."""
    from desktop.core.phrases import Phrase

    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        reminders = app.running.reminders.reminders
        qtbot.waitUntil(lambda: app.running.controller.library is not None and reminders.snapshot is not None)
        chase = Phrase("p-chase-new", "亲，{商品}还没付款哦～", "催付", source="personal")
        running = app.running
        running.runner.db(lambda services: services.phrases.save_all([chase]),
                          lambda _none: running.controller.load_library())
        qtbot.waitUntil(lambda: chase.id in {p.id for p in reminders.snapshot.phrases})
    finally:
        app.close()
        shiboken6.delete(app)


def test_a_background_job_without_a_handler_tells_the_agent(qtbot, kuaida_home: Path) -> None:
    """Issue 11 #17: one default failure path in the app: a job that fails with no on_error of its own
    (a save on a full disk) shows its sentence in the window instead of leaving only a log line."""
    import errno

    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        qtbot.waitUntil(lambda: app.running.controller.library is not None)

        def save(_services: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        with qtbot.waitSignal(app.running.failures.failed) as failed:
            app.running.runner.db(save, on_done=lambda _: None)
        assert failed.args[0].startswith("磁盘空间不足")
        assert app.window.hint_label.text() == failed.args[0]
    finally:
        app.close()
        shiboken6.delete(app)


def test_a_data_folder_that_cannot_be_made_is_a_message_at_start(qapp, tmp_path: Path, monkeypatch,
                                                                 capsys) -> None:
    """Issue 11 #17 (a read-only data folder): the window's start used to end in a traceback."""
    import errno

    from desktop import app as app_module

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    shown: list[str] = []
    monkeypatch.setattr(Path, "mkdir", refuse)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", lambda box: shown.append(box.text()) or 0)
    assert app_module.run_app(tmp_path / "readonly") == 1
    assert shown and shown[0].startswith("没有权限写入")
    assert "没有权限写入" in capsys.readouterr().err


def test_settings_reach_the_team_without_a_tray_and_the_window_opens_screen_high(qtbot, kuaida_home: Path) -> None:
    """设置 → 团队 → 团队短语库… closes the settings and opens the lead's editor; the first window is as tall as
    the work area allows (issue 13 items 6 and 3)."""
    from PySide6.QtCore import QTimer

    from desktop.ui.shell.overlay_window import default_size
    from desktop.ui.shell.settings_dialog import SettingsDialog

    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        area = app.window.screen().availableGeometry()
        assert app.window.size() == default_size(area)
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        qtbot.waitUntil(lambda: app.running is not None and app.running.library.library is not None)
        seen: list[list[str]] = []

        def open_editor_from_the_team_page() -> None:
            dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible())
            seen.append([dialog.pages.tabText(i) for i in range(dialog.pages.count())])
            dialog.team_page.editor_button.click()

        QTimer.singleShot(0, open_editor_from_the_team_page)
        app.show_settings()
        assert seen and seen[0][-1] == "团队"
        editor = app.running.library_editor
        assert editor is not None and editor.isVisible()
    finally:
        app.close()
        shiboken6.delete(app)
