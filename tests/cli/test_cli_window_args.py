"""`kuaida` with no sub-command opens the window without importing the sub-command modules (start-up time)."""

from __future__ import annotations

import subprocess
import sys

from desktop.cli import _window_only


def test_only_a_data_dir_means_the_window() -> None:
    assert _window_only([]).data_dir is None
    assert _window_only(["--data-dir", "D"]).data_dir == "D"
    assert _window_only(["--data-dir=D"]).data_dir == "D"


def test_anything_else_goes_to_the_full_parser() -> None:
    for argv in (["suggest", "x"], ["--self-test"], ["--version"], ["-h"], ["--data-dir", "D", "store", "check"]):
        assert _window_only(argv) is None


def test_the_window_path_imports_no_sub_command_module() -> None:
    script = (
        "import sys, desktop.cli as cli\n"
        "cli._window_only([])\n"
        "print(','.join(sorted(m for m in sys.modules\n"
        "                      if m.startswith('desktop.cli.') or m.split('.')[:2] == ['desktop', 'services'])))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
