"""The paster: clipboard first, Ctrl+V only once the hotkey's modifiers are up, optional restore afterwards."""

from __future__ import annotations

import pytest

from desktop.platform.interfaces import PasteOutcome, PasteRequest
from desktop.platform.paste import ClipboardOnlyPaster, KeystrokePaster
from desktop.testing.fakes import FakeClipboardWatcher

REPLY = "亲，今天16点前下单当天发货哦～"


class FakeKeyboard:
    def __init__(self, held_polls: int = 0, refuse: bool = False) -> None:
        self.held_polls = held_polls  # how many more checks see a modifier down
        self.refuse = refuse
        self.events: list[str] = []

    def modifiers_held(self) -> bool:
        if self.held_polls > 0:
            self.held_polls -= 1
            return True
        return False

    def mask_menu_key(self) -> None:
        self.events.append("mask")

    def release_modifiers(self) -> None:
        self.events.append("release")
        self.held_polls = 0

    def send_paste(self) -> None:
        if self.refuse:
            raise OSError("blocked")
        self.events.append("ctrl+v")


@pytest.fixture
def watcher(qapp):
    watcher = FakeClipboardWatcher()
    watcher.copy("亲，什么时候发货")
    yield watcher
    watcher.deleteLater()


@pytest.fixture
def make_paster(watcher):
    pasters: list[KeystrokePaster] = []

    def make(keyboard: FakeKeyboard, **kwargs) -> KeystrokePaster:
        # Parented to the watcher, so the timers go when the fixture deletes it.
        pasters.append(KeystrokePaster(watcher, keyboard, parent=watcher, **kwargs))
        return pasters[-1]

    return make


def test_pastes_at_once_when_no_modifier_is_held(qtbot, watcher, make_paster):
    keyboard = FakeKeyboard()
    paster = make_paster(keyboard)
    with qtbot.waitSignal(paster.pasted) as blocker:
        paster.paste(PasteRequest(REPLY))
    assert blocker.args == [PasteOutcome.PASTED]
    assert watcher.writes == [REPLY]
    assert keyboard.events == ["ctrl+v"]


def test_waits_for_the_modifiers_to_be_released(qtbot, watcher, make_paster):
    keyboard = FakeKeyboard(held_polls=3)
    paster = make_paster(keyboard)
    paster.paste(PasteRequest(REPLY))
    assert paster.is_waiting()
    assert keyboard.events == ["mask"]  # no Ctrl+V while Alt is still down
    assert watcher.writes == [REPLY]  # but the reply is already on the clipboard
    with qtbot.waitSignal(paster.pasted) as blocker:
        pass
    assert blocker.args == [PasteOutcome.PASTED]
    assert keyboard.events == ["mask", "ctrl+v"]


def test_releases_modifiers_held_past_the_cap(qtbot, watcher, make_paster, monkeypatch):
    monkeypatch.setattr("desktop.platform.paste.MODIFIER_WAIT_CAP_MS", 30)
    keyboard = FakeKeyboard(held_polls=10_000)
    paster = make_paster(keyboard)
    with qtbot.waitSignal(paster.pasted):
        paster.paste(PasteRequest(REPLY))
    assert keyboard.events == ["mask", "release", "ctrl+v"]


def test_a_second_pick_while_waiting_sends_one_paste_of_the_newest_reply(qtbot, watcher, make_paster):
    keyboard = FakeKeyboard(held_polls=2)
    paster = make_paster(keyboard)
    outcomes: list[object] = []
    paster.pasted.connect(outcomes.append)
    paster.paste(PasteRequest("第一条"))
    paster.paste(PasteRequest("第二条"))
    qtbot.waitUntil(lambda: outcomes == [PasteOutcome.PASTED])
    assert watcher.content == "第二条"
    assert keyboard.events.count("ctrl+v") == 1


def test_copy_only_mode_never_sends_keys(qtbot, watcher, make_paster):
    keyboard = FakeKeyboard()
    paster = make_paster(keyboard, copy_only=True)
    with qtbot.waitSignal(paster.pasted) as blocker:
        paster.paste(PasteRequest(REPLY, restore_clipboard=True))
    assert blocker.args == [PasteOutcome.COPIED]
    assert keyboard.events == []
    assert watcher.restored == []
    paster.set_copy_only(False)
    with qtbot.waitSignal(paster.pasted) as blocker:
        paster.paste(PasteRequest(REPLY))
    assert blocker.args == [PasteOutcome.PASTED]


def test_refused_keystrokes_leave_the_reply_copied(qtbot, watcher, make_paster):
    paster = make_paster(FakeKeyboard(refuse=True))
    with qtbot.waitSignal(paster.pasted) as blocker:
        paster.paste(PasteRequest(REPLY, restore_clipboard=True))
    assert blocker.args == [PasteOutcome.COPIED]
    assert watcher.content == REPLY


def test_restores_the_previous_clipboard_after_the_paste(qtbot, watcher, make_paster):
    paster = make_paster(FakeKeyboard(), restore_delay_ms=10)
    paster.paste(PasteRequest(REPLY, restore_clipboard=True))
    assert watcher.content == REPLY  # the target app reads it first
    qtbot.waitUntil(lambda: watcher.restored == ["亲，什么时候发货"])
    assert watcher.content == "亲，什么时候发货"


def test_two_quick_picks_restore_the_content_from_before_the_first(qtbot, watcher, make_paster):
    paster = make_paster(FakeKeyboard(), restore_delay_ms=10)
    paster.paste(PasteRequest("第一条", restore_clipboard=True))
    paster.paste(PasteRequest("第二条", restore_clipboard=True))
    qtbot.waitUntil(lambda: watcher.restored != [])
    assert watcher.restored == ["亲，什么时候发货"]


def test_clipboard_only_paster_reports_copied(qtbot, watcher):
    paster = ClipboardOnlyPaster(watcher, parent=watcher)
    with qtbot.waitSignal(paster.pasted) as blocker:
        paster.paste(PasteRequest(REPLY))
    assert blocker.args == [PasteOutcome.COPIED]
    assert watcher.writes == [REPLY]


def test_a_hotkey_that_pastes_nothing_can_mask_the_menu_key(qtbot, watcher, make_paster):
    keyboard = FakeKeyboard()
    make_paster(keyboard).mask_menu_key()
    assert keyboard.events == ["mask"]  # the backend masks only while Alt is down (Windows); X11 does nothing
