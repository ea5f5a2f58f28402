"""The clipboard watcher against Qt's real clipboard (offscreen platform: in-process, but the same API)."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from desktop.platform.clipboard import BURST_SECONDS, ClipboardSnapshot, QtClipboardWatcher
from desktop.platform.clipboard_marks import OWN_MARKER, WINDOWS_MIME

MESSAGE = "亲，这件衣服什么时候能发货呀？"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clipboard(qapp) -> QClipboard:
    board = QGuiApplication.clipboard()
    board.clear()
    return board


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def watcher(clipboard, clock):
    watcher = QtClipboardWatcher(clipboard, max_chars=200, clock=clock, windows=False)
    yield watcher
    watcher.deleteLater()


@pytest.fixture
def copied(watcher) -> list[str]:
    messages: list[str] = []
    watcher.message_copied.connect(messages.append)
    return messages


def put_formats(clipboard: QClipboard, text: str | None, formats: dict[str, bytes]) -> None:
    """Another application puts content on the clipboard."""
    mime = QMimeData()
    if text is not None:
        mime.setText(text)
    for name, data in formats.items():
        mime.setData(name, QByteArray(data))
    clipboard.setMimeData(mime)


def test_copied_text_is_reported(clipboard, copied):
    clipboard.setText(MESSAGE)
    assert copied == [MESSAGE]


def test_own_writes_are_ignored_and_marked(clipboard, watcher, copied):
    watcher.write("亲，今天下单明天就发货哦～")
    assert copied == []
    assert clipboard.text() == "亲，今天下单明天就发货哦～"
    assert OWN_MARKER in clipboard.mimeData().formats()


def test_windows_own_writes_are_kept_out_of_history(clipboard, clock):
    watcher = QtClipboardWatcher(clipboard, clock=clock, windows=True)
    watcher.write("好的呢")
    formats = clipboard.mimeData().formats()
    assert WINDOWS_MIME.format("ExcludeClipboardContentFromMonitorProcessing") in formats
    assert bytes(clipboard.mimeData().data(WINDOWS_MIME.format("CanIncludeInClipboardHistory")).data()) == (
        struct.pack("<I", 0)
    )
    watcher.deleteLater()


@pytest.mark.parametrize(
    "marks",
    [
        {"x-kde-passwordManagerHint": b"secret"},
        {WINDOWS_MIME.format("ExcludeClipboardContentFromMonitorProcessing"): b"\0\0\0\0"},
        {WINDOWS_MIME.format("Clipboard Viewer Ignore"): b"\0\0\0\0"},
        {WINDOWS_MIME.format("CanIncludeInClipboardHistory"): struct.pack("<I", 0)},
        {"application/x-qt-mime-type-name;value=\"org.nspasteboard.ConcealedType\"": b""},
    ],
)
def test_secret_marked_content_is_ignored(clipboard, copied, marks):
    put_formats(clipboard, "hunter2-password", marks)
    assert copied == []


def test_binary_only_content_is_ignored(clipboard, copied):
    put_formats(clipboard, None, {"image/png": b"\x89PNG\r\n\x1a\n"})
    assert copied == []


def test_blank_text_is_ignored(clipboard, copied):
    clipboard.setText("  \n ")
    assert copied == []


def test_oversized_text_is_ignored(clipboard, watcher, copied):
    clipboard.setText("长" * 201)
    assert copied == []
    watcher.set_max_chars(300)
    clipboard.setText("长" * 201 + "。")
    assert len(copied) == 1


def test_pause_stops_reports_and_is_announced(clipboard, watcher, copied):
    announced: list[bool] = []
    watcher.paused_changed.connect(announced.append)
    watcher.set_paused(True)
    watcher.set_paused(True)
    clipboard.setText(MESSAGE)
    assert copied == []
    assert watcher.is_paused()
    watcher.set_paused(False)
    clipboard.setText("在吗")
    assert copied == ["在吗"]
    assert announced == [True, False]


def test_one_burst_is_one_message_but_copying_again_later_is_new(clipboard, clock, copied):
    clipboard.setText(MESSAGE)
    put_formats(clipboard, MESSAGE, {"text/html": MESSAGE.encode()})  # the same copy, one more format
    assert copied == [MESSAGE]
    clock.now += BURST_SECONDS + 0.1
    clipboard.setText(MESSAGE)
    assert copied == [MESSAGE, MESSAGE]


def test_different_text_inside_a_burst_is_reported(clipboard, copied):
    clipboard.setText("在吗")
    clipboard.setText(MESSAGE)
    assert copied == ["在吗", MESSAGE]


def test_snapshot_and_restore_bring_back_the_text_without_reporting_it(clipboard, watcher, copied):
    put_formats(clipboard, MESSAGE, {"text/html": b"<b>hi</b>"})
    snapshot = watcher.snapshot()
    assert isinstance(snapshot, ClipboardSnapshot)
    watcher.write("亲，已经为您备注好啦")
    watcher.restore(snapshot)
    assert clipboard.text() == MESSAGE
    assert bytes(clipboard.mimeData().data("text/html").data()) == b"<b>hi</b>"
    assert copied == [MESSAGE]


@pytest.mark.parametrize(
    "marks",
    [
        {"x-kde-passwordManagerHint": b"secret"},
        {WINDOWS_MIME.format("ExcludeClipboardContentFromMonitorProcessing"): b"\0\0\0\0"},
        {WINDOWS_MIME.format("CanIncludeInClipboardHistory"): struct.pack("<I", 0)},
        {"application/x-qt-mime-type-name;value=\"org.nspasteboard.ConcealedType\"": b""},
    ],
)
def test_secret_marked_content_is_never_snapshotted_nor_restored(clipboard, watcher, marks):
    put_formats(clipboard, "hunter2-password", marks)
    snapshot = watcher.snapshot()
    assert snapshot == ClipboardSnapshot()  # nothing of the secret was read or kept
    watcher.write("亲，已经为您备注好啦")
    watcher.restore(snapshot)
    assert clipboard.text() == "亲，已经为您备注好啦"


def test_restoring_an_empty_snapshot_keeps_the_reply(clipboard, watcher):
    watcher.write("好的")
    watcher.restore(ClipboardSnapshot())
    watcher.restore("not a snapshot")
    assert clipboard.text() == "好的"


def test_sequence_number_check_catches_a_lost_change_event(qtbot, clipboard, clock):
    counter = [7]
    watcher = QtClipboardWatcher(clipboard, windows=False, sequence_number=lambda: counter[0],
                                 sequence_check_ms=10, clock=clock)
    copied: list[str] = []
    watcher.message_copied.connect(copied.append)
    clipboard.blockSignals(True)  # the change happens, its event is lost
    clipboard.setText(MESSAGE)
    clipboard.blockSignals(False)
    counter[0] += 1
    qtbot.waitUntil(lambda: copied == [MESSAGE])
    clock.now += BURST_SECONDS + 1
    counter[0] += 1  # a change whose event did arrive: reported once, not again by the timer
    clipboard.setText("在吗")
    watcher._on_sequence_timer_timeout()  # what the timer does next: nothing new to report
    assert copied == [MESSAGE, "在吗"]
    watcher.deleteLater()
