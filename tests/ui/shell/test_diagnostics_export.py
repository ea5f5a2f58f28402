"""导出诊断信息 from the tray: the zip is written off the UI thread and a notification says where it went."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.paths import Paths
from desktop.settings import Settings
from desktop.testing.fakes import FakeNotifier
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.runtime.tasks import TaskRunner
from desktop.ui.shell.diagnostics_export import DiagnosticsExport


class DeferredRunner(ImmediateTaskRunner):
    """Holds I/O jobs until `finish()`, to look at the UI while the export runs."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list = []

    def io(self, fn, on_done=None, on_error=None, owner=None) -> None:
        self.pending.append((fn, on_done, on_error))

    def finish(self) -> None:
        for fn, on_done, on_error in self.pending:
            self._run(fn, on_done, on_error)
        self.pending.clear()


def _export(kuaida_home: Path, tmp_path: Path, runner) -> tuple[DiagnosticsExport, FakeNotifier]:
    paths = Paths(kuaida_home).ensure()
    notifier = FakeNotifier()
    export = DiagnosticsExport(paths, Settings(paths.settings_file), runner, notifier, folder=lambda: tmp_path)
    return export, notifier


def test_export_runs_on_the_io_pool_and_notifies_the_zip(qtbot, kuaida_home: Path, tmp_path: Path) -> None:
    runner = TaskRunner()
    try:
        export, notifier = _export(kuaida_home, tmp_path, runner)
        with qtbot.waitSignal(export.exported) as signal:
            export.action.trigger()
    finally:
        runner.shutdown()
    path = Path(signal.args[0])
    assert path.parent == tmp_path and path.suffix == ".zip"
    assert "report.json" in zipfile.ZipFile(path).namelist()
    assert [(n.key, n.title, n.body) for n in notifier.notifications] == [("diagnostics", "诊断信息已导出", str(path))]


def test_action_is_disabled_while_an_export_runs(kuaida_home: Path, tmp_path: Path) -> None:
    runner = DeferredRunner()
    export, _ = _export(kuaida_home, tmp_path, runner)
    export.action.trigger()
    export.action.trigger()  # a second click while the first runs does nothing
    assert not export.action.isEnabled() and len(runner.pending) == 1
    runner.finish()
    assert export.action.isEnabled()


def test_a_failed_export_says_why_and_can_be_retried(qtbot, kuaida_home: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    paths = Paths(kuaida_home).ensure()
    notifier = FakeNotifier()
    export = DiagnosticsExport(paths, Settings(paths.settings_file), ImmediateTaskRunner(), notifier,
                               folder=lambda: blocked)
    with qtbot.waitSignal(export.failed) as signal:
        export.export()
    assert signal.args[0].startswith("导出诊断信息失败：")
    assert notifier.notifications[0].title == "导出诊断信息失败"
    assert export.action.isEnabled()
