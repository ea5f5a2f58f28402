"""Start to first paint of `kuaida` against a bare always-on-top PySide6 window, idle CPU and resident memory.

Both are started the same way (a fresh Python process from this venv, fresh data folder) and print the
wall-clock time of their first paint (`KUAIDA_BENCH_FIRST_PAINT`, see desktop/app.py); the ratio of the
medians is the figure. `--idle` then runs each for 60 s after start-up has settled and reads its CPU time
and VmRSS from /proc (Linux). Needs an X server in $DISPLAY (Xvfb + openbox) or falls back to offscreen.

    DISPLAY=:87 .venv/bin/python bench/startup.py --runs 10 --idle 60
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
KUAIDA = ROOT / ".venv" / "bin" / "kuaida"

# The bare window: same flags and size as the overlay, nothing in it.
BARE = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                 | Qt.WindowType.WindowDoesNotAcceptFocus)
window.setWindowTitle("bare")
window.resize(360, 560)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            def done():
                print(f"first-paint {time.time():.6f}", flush=True)
                if os.environ.get("KUAIDA_BENCH_FIRST_PAINT"):
                    app.quit()
            QTimer.singleShot(0, done)
        return False
first = FirstPaint()
window.installEventFilter(first)
window.show()
app.exec()
"""


def command(which: str) -> list[str]:
    return [str(KUAIDA)] if which == "kuaida" else [str(PYTHON), "-c", BARE]


def environment(home: str, first_paint_only: bool) -> dict[str, str]:
    env = dict(os.environ, KUAIDA_HOME=home)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    if first_paint_only:
        env["KUAIDA_BENCH_FIRST_PAINT"] = "1"
    else:
        env.pop("KUAIDA_BENCH_FIRST_PAINT", None)
    return env


def time_to_first_paint(which: str) -> float:
    with tempfile.TemporaryDirectory() as home:
        start = time.time()
        result = subprocess.run(command(which), env=environment(home, True), capture_output=True, text=True,
                                timeout=60, check=True)
        line = next(line for line in result.stdout.splitlines() if line.startswith("first-paint "))
        return float(line.split()[1]) - start


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def resident_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def idle(which: str, seconds: float, settle: float) -> tuple[float, float]:
    """(CPU % over `seconds` once `settle` seconds have passed since start, resident MiB at the end)."""
    with tempfile.TemporaryDirectory() as home:
        process = subprocess.Popen(command(which), env=environment(home, False), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            time.sleep(settle)  # start-up, store creation and index build are over by then
            before = cpu_seconds(process.pid)
            time.sleep(seconds)
            used = cpu_seconds(process.pid) - before
            return used / seconds * 100, resident_mib(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--idle", type=float, default=0, metavar="SECONDS", help="also measure idle CPU and memory")
    parser.add_argument("--settle", type=float, default=10)
    args = parser.parse_args()
    print(f"display: {os.environ.get('DISPLAY') or 'offscreen'}", file=sys.stderr)
    times: dict[str, list[float]] = {"bare": [], "kuaida": []}
    for _ in range(args.runs):  # alternate, so a busy moment of the machine hits both alike
        for which in times:
            times[which].append(time_to_first_paint(which))
    medians = {which: statistics.median(values) for which, values in times.items()}
    for which, values in times.items():
        print(f"first paint {which:6}: median {medians[which] * 1000:6.0f} ms   "
              f"min {min(values) * 1000:6.0f} ms   max {max(values) * 1000:6.0f} ms   n={len(values)}")
    print(f"ratio kuaida / bare: {medians['kuaida'] / medians['bare']:.2f}")
    if args.idle:
        for which in times:
            cpu, rss = idle(which, args.idle, args.settle)
            print(f"idle {which:6}: CPU {cpu:.3f} % over {args.idle:.0f} s   resident {rss:.0f} MiB")


if __name__ == "__main__":
    main()
