"""Handing the keyboard back to the chat client: the platform factory picks the adapter (a no-op without a desktop)."""

from __future__ import annotations

from desktop.platform.factory import create_platform
from desktop.platform.focus import FocusReturn, create_focus_return
from desktop.settings import Settings


def test_without_a_desktop_focus_hand_back_is_a_harmless_no_op(qapp) -> None:
    focus = create_focus_return()
    assert type(focus) is FocusReturn  # offscreen: neither Windows nor X11
    focus.remember()
    focus.restore()


def test_the_platform_services_carry_the_focus_hand_back(qapp, tmp_path) -> None:
    platform = create_platform(Settings(tmp_path / "settings.json"))
    try:
        assert type(platform.focus) is FocusReturn
    finally:
        platform.close()
