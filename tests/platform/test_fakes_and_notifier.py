"""The fakes other tests rely on, and the tray notifier."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.platform.interfaces import HotkeyAction, PasteOutcome, PasteRequest
from desktop.platform.notifier import NullNotifier, TrayNotifier
from desktop.testing.fakes import FakeClipboardWatcher, FakeHotkeys, FakeNotifier, FakePaster, Notification


def test_fake_clipboard_emits_unless_paused_and_records_writes(qtbot):
    watcher = FakeClipboardWatcher()
    with qtbot.waitSignal(watcher.message_copied) as blocker:
        watcher.copy("在吗")
    assert blocker.args == ["在吗"]
    with qtbot.waitSignal(watcher.paused_changed):
        watcher.set_paused(True)
    with qtbot.assertNotEmitted(watcher.message_copied):
        watcher.copy("亲")
    watcher.write("回复")
    snapshot = watcher.snapshot()
    watcher.write("另一条")
    watcher.restore(snapshot)
    assert watcher.writes == ["回复", "另一条"]
    assert watcher.content == "回复"
    watcher.deleteLater()


def test_fake_hotkeys_press_and_bind(qtbot):
    hotkeys = FakeHotkeys(errors={"show": "已被其他程序占用"})
    errors = hotkeys.bind({"show": "Alt+Q", "pick:1": "Alt+1"})
    assert {action: str(error) for action, error in errors.items()} == {"show": "已被其他程序占用"}
    assert hotkeys.bindings == {"pick:1": "Alt+1"}
    with qtbot.waitSignal(hotkeys.hotkey_pressed) as blocker:
        hotkeys.press("pick:2")
    assert blocker.args == [HotkeyAction.PICK, 2]
    hotkeys.close()
    assert hotkeys.closed
    hotkeys.deleteLater()


def test_fake_paster_records_and_reports(qtbot):
    paster = FakePaster(outcome=PasteOutcome.COPIED)
    with qtbot.waitSignal(paster.pasted) as blocker:
        paster.paste(PasteRequest("好的", restore_clipboard=True))
    assert blocker.args == [PasteOutcome.COPIED]
    assert paster.texts == ["好的"]
    assert paster.requests[0].restore_clipboard
    paster.deleteLater()


def test_fake_notifier_records_and_clicks(qtbot):
    notifier = FakeNotifier()
    notifier.notify("remind:1", "催付", "3 位买家待催付")
    assert notifier.notifications == [Notification("remind:1", "催付", "3 位买家待催付")]
    with qtbot.waitSignal(notifier.activated) as blocker:
        notifier.click("remind:1")
    assert blocker.args == ["remind:1"]
    notifier.deleteLater()


@pytest.fixture
def tray(qapp):
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    tray = QSystemTrayIcon(QIcon(pixmap))
    yield tray
    tray.deleteLater()


def test_tray_notifier_without_a_visible_tray_drops_quietly(qtbot, tray):
    notifier = TrayNotifier()
    notifier.notify("k", "标题", "正文")  # no tray yet
    notifier.set_tray(tray)
    assert not notifier.available()  # offscreen: no system tray
    notifier.notify("k", "标题", "正文")
    notifier.set_tray(None)
    notifier.deleteLater()


def test_tray_notifier_reports_clicks_on_the_last_message(qtbot, tray, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(TrayNotifier, "available", lambda self: True)
    monkeypatch.setattr(tray, "showMessage", lambda title, body, *args: shown.append((title, body)))
    notifier = TrayNotifier(tray)
    notifier.notify("order:A1", "催付提醒", "有订单即将关闭")
    assert shown == [("催付提醒", "有订单即将关闭")]
    with qtbot.waitSignal(notifier.activated) as blocker:
        tray.messageClicked.emit()
    assert blocker.args == ["order:A1"]
    notifier.deleteLater()


def test_null_notifier_accepts_and_ignores(qapp):
    notifier = NullNotifier()
    notifier.notify("k", "标题", "正文")
    notifier.deleteLater()
