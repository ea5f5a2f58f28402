"""The end-to-end desktop: Xvfb on a free display, openbox, a real editor (mousepad) and the real `kuaida` window.

Built once per session. Kuaida runs as a subprocess with its own KUAIDA_HOME and KUAIDA_E2E_PROBE, so the
tests can read its state file (counts and row positions, never text). Every wait polls a condition with a
deadline; nothing sleeps for a fixed time to "let things settle".
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

TOOLS = ("Xvfb", "openbox", "mousepad", "xdotool", "xclip", "xprop")
WINDOW_TITLE = "快答 Kuaida"
DEADLINE_SECONDS = 30.0
POLL_SECONDS = 0.05

T = TypeVar("T")


def wait_for(condition: Callable[[], T], what: str, timeout: float = DEADLINE_SECONDS,
             details: Callable[[], str] | None = None) -> T:
    """Poll `condition` until it returns something truthy, or fail saying what never happened (and `details`)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}" + (f"\n{details()}" if details else ""))
        time.sleep(POLL_SECONDS)  # polling interval between checks, not a wait for anything in particular


@dataclass
class Desktop:
    """An X display with a window manager; runs X tools against it."""

    display: str
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def run(self, *args: str) -> str:
        result = subprocess.run(args, env=self.env, capture_output=True, timeout=DEADLINE_SECONDS, check=False)
        if result.returncode != 0:
            raise AssertionError(f"{' '.join(args)} failed: {result.stderr.decode(errors='replace').strip()}")
        return result.stdout.decode(errors="replace")

    def try_run(self, *args: str) -> str | None:
        result = subprocess.run(args, env=self.env, capture_output=True, timeout=DEADLINE_SECONDS, check=False)
        return result.stdout.decode(errors="replace") if result.returncode == 0 else None

    def start(self, *args: str, env: dict[str, str] | None = None, log: Path | None = None) -> subprocess.Popen[bytes]:
        if log is None:
            process = subprocess.Popen(args, env=env or self.env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        else:
            with log.open("wb") as out:  # the child keeps its own descriptor
                process = subprocess.Popen(args, env=env or self.env, stdout=out, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    wait_for = staticmethod(wait_for)  # for the tests: conftest modules cannot be imported from them

    def active_window(self) -> int | None:
        output = self.try_run("xdotool", "getactivewindow")
        return int(output) if output and output.strip().isdigit() else None

    def visible_windows(self, *criteria: str) -> list[int]:
        output = self.try_run("xdotool", "search", "--onlyvisible", *criteria)
        return [int(line) for line in (output or "").split() if line.isdigit()]

    def set_clipboard(self, text: str) -> None:
        """Own the clipboard as another application would: xclip forks and serves it until someone else owns it."""
        subprocess.run(
            ["xclip", "-selection", "clipboard", "-i"], input=text.encode(), env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=DEADLINE_SECONDS, check=True,
        )

    def clipboard(self) -> str | None:
        return self.try_run("xclip", "-selection", "clipboard", "-o")

    def stop(self) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _in_ci() -> bool:
    """CI services set CI=true; .ci/run sets it too."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _start_xvfb(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb picks a free display itself and writes its number to the pipe once it accepts clients.

    -noreset: by default the server resets when its last client disconnects, and a client connecting during
    the reset is refused; the readiness probe (xprop) is such a last client, and openbox then failed at times.
    """
    read_end, write_end = os.pipe()
    with (tmp / "xvfb.log").open("wb") as log:
        process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,), stdout=log, stderr=subprocess.STDOUT,
        )
    os.close(write_end)
    number = b""
    with os.fdopen(read_end, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                process.kill()
                pytest.fail(f"Xvfb exited without a display: {(tmp / 'xvfb.log').read_text(errors='replace')}")
            number += chunk
    return process, f":{number.decode().strip()}"


@pytest.fixture(scope="session")
def e2e_root() -> Iterator[Path]:
    """A private folder for the session. Not pytest's numbered temp folders: a concurrent pytest run prunes
    those, and the X session's HOME and runtime folder must not vanish under it."""
    root = Path(tempfile.mkdtemp(prefix="kuaida-e2e-"))
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def desktop(e2e_root: Path) -> Iterator[Desktop]:
    if missing := _missing_tools():
        message = f"end-to-end tools missing: {', '.join(missing)} (scripts/setup.sh installs them)"
        if _in_ci():
            pytest.fail(message)  # CI must run them: a skip there would pass a build nobody tested end to end
        pytest.skip(message)
    tmp = e2e_root / "desktop"
    tmp.mkdir()
    xvfb, display = _start_xvfb(tmp)
    env = {
        key: value for key, value in os.environ.items()
        if key not in {"WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS"}
    }
    env.update(DISPLAY=display, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_RUNTIME_DIR=str(tmp / "runtime"), NO_AT_BRIDGE="1", LANG="C.UTF-8")
    (tmp / "runtime").mkdir(mode=0o700)
    desktop = Desktop(display, env, [xvfb])
    try:
        wait_for(lambda: desktop.try_run("xprop", "-root", "-display", display) is not None, "the X display")
        openbox = desktop.start("openbox", log=tmp / "openbox.log")
        wait_for(lambda: "window id" in (desktop.try_run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK") or ""),
                 "openbox to manage the screen", timeout=60,
                 details=lambda: f"display {display}, openbox exit code {openbox.poll()}, its output:\n"
                 + (tmp / "openbox.log").read_text(errors="replace"))
        yield desktop
    finally:
        desktop.stop()


@dataclass
class Editor:
    window: int
    file: Path
    desktop: Desktop

    def focus(self) -> None:
        self.desktop.run("xdotool", "windowactivate", "--sync", str(self.window))
        wait_for(lambda: self.desktop.active_window() == self.window, "the editor to have the focus")

    def type_keys_to_focus(self, *keys: str) -> None:
        """Keys to whatever has the focus, as a person pressing them would (XTest, no target window)."""
        self.desktop.run("xdotool", "key", *keys)

    def saved_text(self) -> str:
        return self.file.read_text(encoding="utf-8") if self.file.exists() else ""

    def clear(self) -> None:
        self.focus()
        self.type_keys_to_focus("ctrl+a", "Delete")
        self.wait_for_saved_text(lambda text: text.strip() == "", "an empty editor")

    def wait_for_saved_text(self, expected: Callable[[str], bool], what: str) -> str:
        """Saves (Ctrl+S) until the file shows what is expected: a paste arrives asynchronously."""

        def saved() -> list[str]:
            self.type_keys_to_focus("ctrl+s")
            text = self.saved_text()
            return [text] if expected(text) else []  # a list, so that an expected empty text counts as found

        return wait_for(saved, what, details=lambda: f"the editor's file holds {self.saved_text()!r}")[0]


@pytest.fixture(scope="session")
def editor(desktop: Desktop, e2e_root: Path) -> Editor:
    folder = e2e_root / "editor"
    folder.mkdir()
    file = folder / "chat-input.txt"
    file.write_text("", encoding="utf-8")
    desktop.start("mousepad", str(file), log=folder / "mousepad.log")
    window = wait_for(lambda: next(iter(desktop.visible_windows("--class", "mousepad")), None), "the mousepad window")
    editor = Editor(window, file, desktop)
    editor.focus()
    return editor


@dataclass
class Kuaida:
    process: subprocess.Popen[bytes]
    probe_file: Path
    log: Path
    desktop: Desktop

    def state(self) -> dict[str, Any]:
        if self.process.poll() is not None:
            output = self.log.read_text(errors="replace")[-4000:]
            pytest.fail(f"kuaida exited with {self.process.returncode}:\n{output}")
        try:
            return json.loads(self.probe_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def window(self) -> int:
        """Found the way a person's tools would: a visible X window with Kuaida's title."""
        return wait_for(lambda: next(iter(self.desktop.visible_windows("--name", WINDOW_TITLE)), None),
                        "a visible window titled 快答 Kuaida")


@pytest.fixture(scope="session")
def kuaida(desktop: Desktop, editor: Editor, e2e_root: Path) -> Iterator[Kuaida]:
    folder = e2e_root / "kuaida"
    folder.mkdir()
    env = {**desktop.env, "KUAIDA_HOME": str(folder / "home"), "KUAIDA_E2E_PROBE": str(folder / "probe.json"),
           "QT_QPA_PLATFORM": "xcb", "PYTHONUNBUFFERED": "1"}
    env.pop("KUAIDA_POLICY_FILE", None)
    env.pop("KUAIDA_INSTALLER_FILE", None)
    # The session pastes the same replies again and again into one chat: the duplicate-send guard would
    # (rightly) hold the repeats. It has tests of its own (tests/ui/suggestions/test_guard_hooks.py).
    (folder / "home").mkdir()
    (folder / "home" / "settings.json").write_text(json.dumps({"version": 1, "values": {"duplicate_guard": False}}),
                                                   encoding="utf-8")
    log = folder / "kuaida.log"
    process = desktop.start(sys.executable, "-m", "desktop", env=env, log=log)
    app = Kuaida(process, folder / "probe.json", log, desktop)
    wait_for(lambda: app.state().get("visible"), "the Kuaida window to be shown", timeout=60)
    app.window()
    try:
        yield app
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
