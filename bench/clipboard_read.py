"""How long a copy in another X11 app takes to reach the watcher's message_copied (run by hand).

Starts its own Xvfb, lets `xclip` own the clipboard as a chat client would, and times
QClipboard.dataChanged → message_copied: the owner probe (on its own thread, as the app has it on X11),
then Qt's read on the GUI thread (TARGETS and the text fetched from the other process), the secret-mark
checks and the size check. `--no-probe` reads as before the probe, for comparison. Also reports xclip
start → message_copied, which adds process start-up and is only context.
Usage: .venv/bin/python bench/clipboard_read.py [--runs 200] [--no-probe]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_end, write_end = os.pipe()
    # -noreset: no server reset (and refused connections) whenever the last client disconnects.
    process = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten",
                                "tcp", "-noreset"], pass_fds=(write_end,), stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        number = pipe.readline().decode().strip()
    return process, f":{number}"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--no-probe", action="store_true", help="read as before the owner probe (comparison)")
    args = parser.parse_args()
    xvfb, display = start_xvfb()
    os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.platform.clipboard import QtClipboardWatcher
    from desktop.platform.clipboard_x11 import X11OwnerProbe

    app = QApplication(sys.argv)
    clipboard = app.clipboard()
    marks: dict[str, float] = {}
    # Connected before the watcher connects its own slot, so it runs first: the start of the watcher's work.
    def on_changed() -> None:
        marks.setdefault("changed", time.perf_counter())

    clipboard.dataChanged.connect(on_changed)
    probe = X11OwnerProbe()  # as the app has it on X11 (desktop/platform/factory.py)
    watcher = QtClipboardWatcher(clipboard, max_chars=2000, owner_probe=None if args.no_probe else probe)
    loop = QEventLoop()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.setInterval(5000)
    deadline.timeout.connect(loop.quit)

    def on_copied(_text: str) -> None:
        marks["copied"] = time.perf_counter()
        loop.quit()

    watcher.message_copied.connect(on_copied)
    read_ms: list[float] = []
    total_ms: list[float] = []
    try:
        for run in range(args.runs + 5):  # the first few warm Qt's clipboard code up; not counted
            while watcher.busy:  # a person's copies are seconds apart: let the previous burst window close
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
            marks.clear()
            text = f"亲，订单{run:05d}今天能发货吗？顺丰可以吗"  # made up for the benchmark
            started = time.perf_counter()
            subprocess.run(["xclip", "-selection", "clipboard", "-i"], input=text.encode(), check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ)
            if "copied" not in marks:  # not already delivered while xclip ran
                deadline.start()
                loop.exec()
                deadline.stop()
            if "copied" not in marks or "changed" not in marks:
                print(f"run {run}: no message_copied within 5 s", file=sys.stderr)
                continue
            if run >= 5:
                read_ms.append((marks["copied"] - marks["changed"]) * 1000)
                total_ms.append((marks["copied"] - started) * 1000)
    finally:
        del watcher
        probe.close()
        app.shutdown()  # before the display goes away, or Qt's exit talks to a dead X server
        xvfb.terminate()
        xvfb.wait()
    print(f"runs: {len(read_ms)}")
    print("dataChanged → message_copied (owner probe off the GUI thread, then Qt's read): "
          f"p50 {statistics.median(read_ms):.2f} ms, "
          f"p95 {percentile(read_ms, 0.95):.2f} ms, max {max(read_ms):.2f} ms")
    print(f"xclip started → message_copied (context): p50 {statistics.median(total_ms):.2f} ms, "
          f"p95 {percentile(total_ms, 0.95):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
