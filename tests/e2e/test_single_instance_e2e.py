"""A second start of Kuaida on the running one's data folder, under Xvfb with the real app: the window hidden to
the tray comes back (without taking the focus from the chat client) and the second process quits."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e


def test_a_second_start_brings_the_hidden_window_back_and_quits(desktop, editor, kuaida):
    editor.type_keys_to_focus("alt+q")  # the show/hide hotkey: the window goes to the tray
    desktop.wait_for(lambda: kuaida.state().get("visible") is False, "the Kuaida window to hide")
    env = {**desktop.env, "KUAIDA_HOME": str(kuaida.probe_file.parent / "home"), "QT_QPA_PLATFORM": "xcb"}
    for name in ("KUAIDA_E2E_PROBE", "KUAIDA_POLICY_FILE", "KUAIDA_INSTALLER_FILE"):
        env.pop(name, None)
    second = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=120, check=False)
    assert second.returncode == 0, second.stderr
    assert "已在运行" in second.stdout
    desktop.wait_for(lambda: kuaida.state().get("visible"), "the first Kuaida's window to come back")
    assert desktop.active_window() == editor.window  # brought forward, never focused
    assert kuaida.process.poll() is None
