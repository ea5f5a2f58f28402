"""The clipboard watcher against Qt's real clipboard (offscreen platform: in-process, but the same API)."""

from __future__ import annotations

import struct
import threading

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


def settle(qtbot, watcher: QtClipboardWatcher) -> None:
    """Let the burst window close, as a person's next copy always does (they are seconds apart)."""
    qtbot.waitUntil(lambda: not watcher.busy)


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


def test_oversized_text_is_ignored(qtbot, clipboard, watcher, copied):
    clipboard.setText("长" * 201)
    assert copied == []
    watcher.set_max_chars(300)
    settle(qtbot, watcher)
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


def test_one_burst_is_one_message_but_copying_again_later_is_new(qtbot, clipboard, watcher, clock, copied):
    clipboard.setText(MESSAGE)
    put_formats(clipboard, MESSAGE, {"text/html": MESSAGE.encode()})  # the same copy, one more format
    settle(qtbot, watcher)
    assert copied == [MESSAGE]
    clock.now += BURST_SECONDS + 0.1
    clipboard.setText(MESSAGE)
    assert copied == [MESSAGE, MESSAGE]


def test_different_text_inside_a_burst_is_reported(qtbot, clipboard, watcher, copied):
    clipboard.setText("在吗")
    settle(qtbot, watcher)
    clipboard.setText(MESSAGE)
    assert copied == ["在吗", MESSAGE]


def test_rapid_changes_are_read_once_at_the_end_and_the_latest_wins(qtbot, clipboard, watcher, copied,
                                                                     monkeypatch):
    """Issue 11 #10: 1,000 changes as fast as possible were 1,000 reads and 1,000 suggestion lists (a 9 s
    freeze that ended on an old message). Now: the first at once, then one read of the latest."""
    reads = 0
    real_read = watcher._read

    def counting_read() -> None:
        nonlocal reads
        reads += 1
        real_read()

    monkeypatch.setattr(watcher, "_read", counting_read)
    for n in range(1000):
        clipboard.setText(f"第{n}条消息")
    assert copied == ["第0条消息"]
    qtbot.waitUntil(lambda: copied == ["第0条消息", "第999条消息"])
    settle(qtbot, watcher)
    assert reads == 2


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
    settle(qtbot, watcher)
    counter[0] += 1  # a change whose event did arrive: reported once, not again by the timer
    clipboard.setText("在吗")
    watcher._on_sequence_timer_timeout()  # what the timer does next: nothing new to report
    assert copied == [MESSAGE, "在吗"]
    watcher.deleteLater()


class HeldProbe:
    """An owner probe the test answers by hand, on a thread of its own as the real one does."""

    def __init__(self) -> None:
        self.asked: list[tuple[threading.Event, list[bool]]] = []
        self.threads: list[threading.Thread] = []

    def start(self, done) -> None:
        release, answer = threading.Event(), [True]
        self.asked.append((release, answer))

        def run() -> None:
            release.wait()
            done(answer[0])

        thread = threading.Thread(target=run, name="test-probe", daemon=True)
        self.threads.append(thread)
        thread.start()

    def answer(self, index: int, answered: bool) -> None:
        release, answer = self.asked[index]
        answer[0] = answered
        release.set()

    def release_all(self) -> None:
        for release, _answer in self.asked:
            release.set()
        for thread in self.threads:
            thread.join()


@pytest.fixture
def probe():
    held = HeldProbe()
    yield held
    held.release_all()


def test_an_owner_that_does_not_answer_is_skipped_not_waited_for(qtbot, clipboard, clock, probe, caplog):
    """Issue 11 #10: a clipboard owner that never answers froze the window 5 s at every copy (Qt's X11 read
    waits on the GUI thread). The probe asks first, off the GUI thread; no answer means no read."""
    watcher = QtClipboardWatcher(clipboard, clock=clock, windows=False, owner_probe=probe)
    copied: list[str] = []
    watcher.message_copied.connect(copied.append)
    read = []
    watcher._read = lambda: read.append(1)  # type: ignore[method-assign]
    clipboard.setText(MESSAGE)
    assert copied == [] and len(probe.asked) == 1  # nothing read on the GUI thread while we ask
    probe.answer(0, answered=False)
    qtbot.waitUntil(lambda: not watcher.busy)
    assert read == [] and "did not answer" in caplog.text
    watcher.deleteLater()


def test_changes_during_a_probe_are_read_once_and_only_the_latest(qtbot, clipboard, clock, probe):
    watcher = QtClipboardWatcher(clipboard, clock=clock, windows=False, owner_probe=probe)
    copied: list[str] = []
    watcher.message_copied.connect(copied.append)
    clipboard.setText("旧消息")
    for n in range(100):  # the agent (or a program) keeps copying while the first owner is asked
        clipboard.setText(f"第{n}条")
    probe.answer(0, answered=True)  # the answer is about a change that is no longer on the clipboard
    qtbot.waitUntil(lambda: len(probe.asked) == 2)
    probe.answer(1, answered=True)
    qtbot.waitUntil(lambda: copied == ["第99条"])
    qtbot.waitUntil(lambda: not watcher.busy)
    assert len(probe.asked) == 2
    watcher.deleteLater()


class FakeUser32:
    """GetClipboardOwner and SendMessageTimeoutW as user32 answers them for a given owner."""

    def __init__(self, owner: int, answers: bool) -> None:
        self.owner, self.answers, self.sent = owner, answers, []

    def GetClipboardOwner(self) -> int:
        return self.owner

    def SendMessageTimeoutW(self, hwnd, message, wparam, lparam, flags, timeout, result) -> int:
        self.sent.append((hwnd, message, flags, timeout))
        return 1 if self.answers else 0


@pytest.mark.parametrize(
    ("owner", "answers", "error", "expected"),
    [
        (0, False, 0, True),  # nobody owns the clipboard: nothing to wait on
        (0x1234, True, 0, True),
        (0x1234, False, 1460, False),  # ERROR_TIMEOUT: the owner's window did not answer in time
        (0x1234, False, 0, False),  # SMTO_ABORTIFHUNG refused at once: Windows already calls it hung
        (0x1234, False, 5, True),  # access denied (an elevated owner): inconclusive, Qt reads as before
    ],
)
def test_the_windows_owner_probe_asks_the_owner_window(owner, answers, error, expected) -> None:
    from desktop.platform.clipboard_windows import SMTO_ABORTIFHUNG, WM_NULL, WindowsOwnerProbe

    user32 = FakeUser32(owner, answers)
    probe = WindowsOwnerProbe(250, user32=user32, last_error=lambda: error)
    assert probe.owner_answers() is expected
    assert user32.sent == ([] if not owner else [(owner, WM_NULL, SMTO_ABORTIFHUNG, 250)])
