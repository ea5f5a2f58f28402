"""One Kuaida per data folder: a second start brings the first to the front and quits (real processes; each
says on stdout what it did, never a sleep). QtNetwork stays out of this test process: the app must not load it
before its first paint, and tests/ui/test_app.py checks which Qt modules are loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.paths import Paths

HOLDER = Path(__file__).parents[1] / "instance_holder.py"


def env_for(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KUAIDA_HOME=str(home))
    env.pop("KUAIDA_BENCH_FIRST_PAINT", None)
    return env


@pytest.fixture
def first_kuaida(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    home = tmp_path / "home"
    process = subprocess.Popen([sys.executable, str(HOLDER), str(home)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env_for(home))
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield process
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=60)


def test_a_second_start_on_the_same_folder_brings_the_first_forward_and_quits(
        tmp_path: Path, first_kuaida: subprocess.Popen[str]) -> None:
    home = tmp_path / "home"
    second = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(home)], env=env_for(home),
                            capture_output=True, text=True, encoding="utf-8", timeout=90, check=False)
    assert second.returncode == 0, second.stderr
    assert "已在运行" in second.stdout
    assert first_kuaida.stdout is not None and first_kuaida.stdout.readline().strip() == "shown"
    assert not (home / "settings.json").exists()  # the second start wrote nothing of its own


def test_bring_to_front_shows_a_window_hidden_to_the_tray(qtbot, kuaida_home: Path) -> None:
    app = Application(QApplication.instance(), Paths(kuaida_home).ensure())
    try:
        with qtbot.waitSignal(app.first_paint.painted):
            app.show()
        app.window.hide()
        app.bring_to_front()
        assert app.window.isVisible()
    finally:
        app.close()
        shiboken6.delete(app)
