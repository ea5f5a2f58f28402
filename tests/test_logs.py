"""Log files: rotating under Paths.logs, one line per record, and never a buyer's message or a reply."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6

from desktop import logs
from desktop.paths import Paths

# Made up for this test: a buyer's message with a name and a phone number in it.
BUYER_MESSAGE = "我是王小明13912345678，今天下单什么时候发货？"
SECRETS = ("王小明", "13912345678", BUYER_MESSAGE)


@pytest.fixture
def debug_log(kuaida_home: Path) -> Iterator[Path]:
    paths = Paths(kuaida_home).ensure()
    handler = logs.setup_logging(paths, logging.DEBUG)
    logging.getLogger("test").debug("flow starts")  # the file exists even if nothing else logs
    yield logs.log_file(paths)
    logs.remove_logging(handler)
    logging.getLogger().setLevel(logging.WARNING)


def test_records_are_folded_onto_one_short_line(debug_log: Path) -> None:
    logging.getLogger("test").warning("first\nsecond %s", "x" * 2000)
    logging.getLogger().handlers[-1].flush()
    lines = debug_log.read_text(encoding="utf-8").splitlines()
    assert "first second " in lines[-1]
    assert len(lines[-1]) < logs.MAX_MESSAGE_CHARS + 200
    assert lines[-1].endswith(f"…(+{2000 + len('first second ') - logs.MAX_MESSAGE_CHARS})")


def test_setting_up_twice_keeps_one_handler(kuaida_home: Path) -> None:
    paths = Paths(kuaida_home)
    first = logs.setup_logging(paths)
    second = logs.setup_logging(paths)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_kuaida", False)]
    assert ours == [second] and first is not second
    logs.remove_logging(second)


def test_files_rotate_and_are_listed_newest_first(kuaida_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 300)
    paths = Paths(kuaida_home)
    handler = logs.setup_logging(paths, logging.INFO)
    for number in range(40):
        logging.getLogger("test").info("line %d of a rotating log", number)
    logs.remove_logging(handler)
    files = logs.log_files(paths)
    assert files[0] == logs.log_file(paths)
    assert [f.name for f in files[1:]] == [f"kuaida.log.{n}" for n in range(1, logs.BACKUP_COUNT + 1)]


def test_level_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.LEVEL_ENV, "debug")
    assert logs.level_from_environment() == logging.DEBUG
    monkeypatch.setenv(logs.LEVEL_ENV, "nonsense")
    assert logs.level_from_environment() == logging.INFO


def test_copy_suggest_paste_flow_at_debug_level_logs_no_message_or_reply(qtbot, debug_log: Path,
                                                                          kuaida_home: Path) -> None:
    from desktop.services.context import open_services
    from desktop.services.library import load_library
    from desktop.testing.fakes import FakeClipboardWatcher, FakeHotkeys, FakePaster
    from desktop.testing.immediate import ImmediateTaskRunner
    from desktop.ui.runtime.qsettings_bridge import SettingsBridge
    from desktop.ui.shell.overlay_window import OverlayWindow
    from desktop.ui.suggestions.overlay_controller import OverlayController

    services = open_services(kuaida_home)
    try:
        window = OverlayWindow()  # deleted by hand below, before the controller
        clipboard, paster, hotkeys = FakeClipboardWatcher(), FakePaster(), FakeHotkeys()
        controller = OverlayController(window, SettingsBridge(services.settings), ImmediateTaskRunner(services),
                                       clipboard, paster, hotkeys)
        controller.set_library(load_library(services))
        window.show()
        qtbot.waitExposed(window)
        clipboard.copy(BUYER_MESSAGE)
        hotkeys.press("pick:1")
        assert paster.texts, "the flow must have pasted a reply for the check to mean anything"
        replies = list(paster.texts)
        # The window before the controller's models it shows, as Application.close does.
        shiboken6.delete(window)
        shiboken6.delete(controller)
    finally:
        services.close()

    from desktop.cli import main

    assert main(["suggest", BUYER_MESSAGE]) == 0  # the command line path too

    for handler in logging.getLogger().handlers:
        handler.flush()
    text = "\n".join(path.read_text(encoding="utf-8") for path in logs.log_files(Paths(kuaida_home)))
    assert "flow starts" in text
    for secret in (*SECRETS, *replies):
        assert secret not in text
