"""A command whose reader goes away (`kuaida library list | head`) stops quietly, without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("argv", [["library", "list"], ["suggest", "什么时候发货", "--json"]])
def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path, argv: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written: every write fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", *argv, "--data-dir", str(tmp_path)],
            stdout=write_end, stderr=subprocess.PIPE, encoding="utf-8", errors="replace", timeout=60, check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr
    assert done.returncode == (141 if os.name == "posix" else 1)
