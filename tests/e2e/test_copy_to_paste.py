"""From a copied buyer message to a reply pasted into a real editor, by click and by global hotkey, under Xvfb.

Another app (xclip) owns the clipboard; Kuaida must show suggestions, paste the chosen one into mousepad
with Ctrl+V, and mousepad must keep the focus throughout.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.core.default_library import load_default_library
from desktop.core.templates import render

pytestmark = pytest.mark.e2e

# Written for these tests (not from any data set): questions every shop gets.
SHIPPING_QUESTION = "亲，今天下单什么时候发货呀？"
RETURN_QUESTION = "收到的衣服尺码不合适，可以退换吗"


def library_replies() -> set[str]:
    """What any default-library reply looks like once rendered with the default (empty) settings."""
    return {render(phrase.text, {}).strip() for phrase in load_default_library()}


def keeping_focus(desktop, editor, condition):
    """`condition`, checked only while the editor still has the focus: fails the moment it loses it."""

    def checked():
        assert desktop.active_window() == editor.window, "the editor lost the focus"
        return condition()

    return checked


def copy_and_wait_for_suggestions(desktop, editor, kuaida, message: str) -> dict:
    before = kuaida.state()
    desktop.set_clipboard(message)
    return desktop.wait_for(
        keeping_focus(desktop, editor, lambda: (state := kuaida.state()).get("copied", 0) > before.get("copied", 0)
                      and state.get("suggestions", 0) > 0 and state.get("rows") and state),
        "Kuaida to show suggestions for the copied message",
    )


def assert_reply_pasted(desktop, editor, kuaida, copied: dict, message: str) -> None:
    state = desktop.wait_for(
        keeping_focus(desktop, editor, lambda: (s := kuaida.state()).get("pasted", 0) > copied["pasted"] and s),
        "Kuaida to paste",
    )
    assert state["outcome"] == "pasted"
    reply = desktop.clipboard()
    assert reply and reply.strip() != message  # Kuaida's reply replaced the buyer's message on the clipboard
    text = editor.wait_for_saved_text(lambda saved: saved.strip() == reply.strip(),
                                      f"the reply {reply!r} in the editor")
    assert text.strip() in library_replies()
    assert kuaida.state()["copied"] == copied["copied"]  # its own write was not taken for a buyer message


def test_clicking_a_suggestion_pastes_it_into_the_focused_editor(desktop, editor, kuaida):
    editor.clear()
    focused_before = kuaida.state()["focused"]
    state = copy_and_wait_for_suggestions(desktop, editor, kuaida, SHIPPING_QUESTION)
    x, y = state["rows"][0]
    desktop.run("xdotool", "mousemove", "--window", str(kuaida.window()), str(x), str(y), "click", "1")
    assert_reply_pasted(desktop, editor, kuaida, state, SHIPPING_QUESTION)
    assert desktop.active_window() == editor.window
    assert kuaida.state()["focused"] == focused_before  # Kuaida never took the focus, not even for a moment


def test_global_hotkey_pastes_the_first_suggestion(desktop, editor, kuaida):
    editor.clear()
    focused_before = kuaida.state()["focused"]
    state = copy_and_wait_for_suggestions(desktop, editor, kuaida, RETURN_QUESTION)
    editor.type_keys_to_focus("alt+1")  # the default pick:1 hotkey, pressed while the editor has the focus
    desktop.wait_for(lambda: kuaida.state().get("hotkeys", 0) > state["hotkeys"], "Kuaida to see the hotkey")
    assert_reply_pasted(desktop, editor, kuaida, state, RETURN_QUESTION)
    assert desktop.active_window() == editor.window
    assert kuaida.state()["focused"] == focused_before


def test_search_takes_the_focus_only_while_typing_and_hands_it_back(desktop, editor, kuaida):
    editor.clear()
    before = kuaida.state()
    editor.type_keys_to_focus("alt+s")  # the search hotkey: now the window needs the keyboard
    window = kuaida.window()
    desktop.wait_for(lambda: desktop.active_window() == window, "the Kuaida window to take the focus for search")
    desktop.run("xdotool", "type", "--delay", "20", "fh")  # pinyin initials of 发货
    desktop.wait_for(lambda: kuaida.state().get("suggestions", 0) > 0, "search results")
    desktop.run("xdotool", "key", "Return")
    state = desktop.wait_for(lambda: (s := kuaida.state()).get("pasted", 0) > before["pasted"] and s, "the paste")
    assert state["outcome"] == "pasted"
    desktop.wait_for(lambda: desktop.active_window() == editor.window, "the focus back in the editor")
    reply = desktop.clipboard()
    text = editor.wait_for_saved_text(lambda saved: bool(reply) and saved.strip() == reply.strip(), "the reply")
    assert text.strip() in library_replies()


def test_a_password_managers_secret_copy_is_ignored(desktop, kuaida, tmp_path):
    before = kuaida.state()["copied"]
    owner_log = tmp_path / "owner.log"
    owner = desktop.start(sys.executable, str(Path(__file__).with_name("clipboard_owner.py")), "hunter2-不是买家消息",
                          env={**desktop.env, "QT_QPA_PLATFORM": "xcb"}, log=owner_log)
    try:
        # Once Kuaida has fetched the mark, it has made its decision about this copy.
        desktop.wait_for(lambda: "served x-kde-passwordManagerHint" in owner_log.read_text(),
                         "Kuaida to look at the secret mark", details=lambda: owner_log.read_text())
        desktop.set_clipboard(SHIPPING_QUESTION)  # an ordinary copy after it
        desktop.wait_for(lambda: kuaida.state()["copied"] > before, "Kuaida to report the ordinary copy")
        assert kuaida.state()["copied"] == before + 1  # the ordinary one only
        assert "served text/plain" not in owner_log.read_text()  # the secret text itself was never even read
    finally:
        owner.terminate()
        owner.wait(timeout=10)


def test_clicking_the_search_box_then_enter_pastes_and_hands_the_focus_back(desktop, editor, kuaida):
    editor.clear()
    before = kuaida.state()
    window = kuaida.window()
    x, y = desktop.wait_for(lambda: kuaida.state().get("search"), "the search box's place in the probe")
    desktop.run("xdotool", "mousemove", "--window", str(window), str(x), str(y), "click", "1")
    desktop.wait_for(lambda: desktop.active_window() == window, "the Kuaida window to take the focus for search")
    desktop.run("xdotool", "type", "--delay", "20", "xsnfh")  # pinyin initials of 小时内发货
    desktop.wait_for(lambda: kuaida.state().get("suggestions", 0) > 0, "search results")
    desktop.run("xdotool", "key", "Return")
    state = desktop.wait_for(lambda: (s := kuaida.state()).get("pasted", 0) > before["pasted"] and s, "the paste")
    assert state["outcome"] == "pasted"
    desktop.wait_for(lambda: desktop.active_window() == editor.window, "the focus back in mousepad")
    reply = desktop.clipboard()
    text = editor.wait_for_saved_text(lambda saved: bool(reply) and saved.strip() == reply.strip(), "the reply")
    assert text.strip() in library_replies()
    assert desktop.active_window() == editor.window
