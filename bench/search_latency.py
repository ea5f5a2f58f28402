"""Typed search in the overlay: time from a changed query to the painted hit list, at growing library sizes.

Runs the real controller, models and delegate with the platform fakes and the synthetic libraries of
bench/overlay_latency.py. The queries cover codes, text, initials and 亲 (in nearly every phrase).

    .venv/bin/python bench/search_latency.py [--sizes 191,50000,200000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import shiboken6

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = ["fh", "发货", "亲", "b123", "退款", "顺丰", "yfx", "zzzz", "包邮"]


def measure(size: int, rounds: int) -> tuple[list[float], float]:
    from overlay_latency import synthetic_library
    from PySide6.QtWidgets import QApplication

    from desktop.paths import Paths
    from desktop.services.context import Services, ensure_default_library
    from desktop.services.library import load_library
    from desktop.settings import Settings
    from desktop.store.database import open_memory_store
    from desktop.store.phrases import PhraseRepository
    from desktop.testing.fakes import FakeClipboardWatcher, FakeHotkeys, FakePaster
    from desktop.ui.runtime.qsettings_bridge import SettingsBridge
    from desktop.ui.runtime.tasks import ImmediateTaskRunner
    from desktop.ui.shell.appearance import Appearance
    from desktop.ui.shell.overlay_window import OverlayWindow
    from desktop.ui.suggestions.overlay_controller import OverlayController

    app = QApplication.instance() or QApplication(sys.argv)
    home = Paths(Path(tempfile.mkdtemp()))
    store = open_memory_store()
    repo = PhraseRepository(store.db)
    if size <= 191:
        ensure_default_library(repo)
    else:
        repo.replace_source("team", synthetic_library(size))
    settings = SettingsBridge(Settings(home.settings_file))
    services = Services(home, settings.settings, store, repo)
    window = OverlayWindow()
    Appearance(app, settings, [window.suggestions.delegate]).apply()
    controller = OverlayController(window, settings, ImmediateTaskRunner(services), FakeClipboardWatcher(),
                                   FakePaster(), FakeHotkeys())
    started = time.perf_counter()
    controller.set_library(load_library(services))
    loaded = time.perf_counter() - started
    window.show()
    controller.begin_search()
    app.processEvents()
    timings: list[float] = []
    for n in range(rounds * len(QUERIES) + len(QUERIES)):  # the first pass warms caches up
        query = QUERIES[n % len(QUERIES)]
        start = time.perf_counter()
        controller.search.query_changed(query)
        app.processEvents()
        window.repaint()
        if n >= len(QUERIES):
            timings.append((time.perf_counter() - start) * 1000)
    controller.end_search(restore_focus=False)
    window.close()
    # The window before the controller's models it shows (as Application.close does): nothing else keeps
    # the controller alive past this function.
    shiboken6.delete(window)
    shiboken6.delete(controller)
    store.close()
    return timings, loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="191,50000,200000")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for size in (int(s) for s in args.sizes.split(",")):
        timings, loaded = measure(size, args.rounds)
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"{size:>9,} phrases: load+index {loaded:6.1f} s   query→painted p50 {statistics.median(timings):7.2f} ms"
              f"   p95 {p95:7.2f} ms   max {max(timings):7.2f} ms   n={len(timings)}", flush=True)


if __name__ == "__main__":
    main()
