"""`kuaida --self-test`: one line, exit 0 when the installation works, 1 naming the step that failed."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import selftest
from desktop.cli import main


def test_self_test_passes_in_process(qapp, kuaida_home: Path) -> None:
    out = io.StringIO()
    assert selftest.run_self_test(out) == 0
    line = out.getvalue()
    assert line.count("\n") == 1
    assert line.startswith("kuaida ") and "self-test passed" in line
    for step in ("resources ok", "store ok", "suggest ok", "text ok", "files ok", "qt ok"):
        assert step in line
    assert not kuaida_home.exists(), "the self-test must leave the agent's data folder alone"


def test_cli_flag_runs_the_self_test(qapp, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out


def test_a_failing_step_gives_exit_code_1_and_names_the_step(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_store(self: selftest.SelfTest, folder: Path) -> str:
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(selftest.SelfTest, "_check_store", broken_store)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    assert out.getvalue().strip().endswith("self-test FAILED at store: RuntimeError: 磁盘已满")


def test_self_test_in_a_fresh_process_without_a_display(tmp_path: Path) -> None:
    # A new interpreter, as IT runs it: no QApplication exists yet and no DISPLAY is needed.
    env = {"KUAIDA_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, "-m", "desktop", "--self-test"], capture_output=True, text=True,
                            encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "offscreen" in result.stdout
    assert not (tmp_path / "home").exists()
