"""The X11 clipboard-owner probe against a real X server (issue 11 #10): an owner that never answers is
noticed within the probe's short timeout, off the GUI thread; an owner that answers is reported as such."""

from __future__ import annotations

import pytest
from Xlib import X, display

from desktop.platform.clipboard_x11 import X11OwnerProbe

pytestmark = pytest.mark.e2e


def test_a_silent_owner_is_reported_after_the_short_timeout(desktop) -> None:
    silent = display.Display(desktop.display)  # owns CLIPBOARD and never reads its event queue
    try:
        window = silent.screen().root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
        window.set_selection_owner(silent.intern_atom("CLIPBOARD"), X.CurrentTime)
        silent.sync()
        probe = X11OwnerProbe(desktop.display, timeout_s=0.2)
        assert probe.owner_answers() is False
        probe.close()
    finally:
        silent.close()


def test_an_answering_owner_is_reported_as_answering(desktop) -> None:
    desktop.set_clipboard("亲，在的")  # xclip serves it
    probe = X11OwnerProbe(desktop.display)
    try:
        assert probe.owner_answers() is True
        desktop.set_clipboard("亲，在的呢")
        assert probe.owner_answers() is True  # again, on the connection it kept
    finally:
        probe.close()
