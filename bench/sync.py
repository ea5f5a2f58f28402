"""Team-library sync figures: the unchanged-manifest check, pull + apply of 10,000 and 50,000 phrases, and
the UI event loop's longest stall while the sync controller pulls and applies a pack in the background.

Run by hand: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sync.py`.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import TeamLibrary
from desktop.store.database import open_store
from desktop.store.team import TeamRepository
from desktop.sync.publish import publish
from desktop.sync.pull import apply_outcome, pull, sync_once

KEY = SigningKey.generate()
GROUPS = ("欢迎", "发货时间", "物流查询", "尺码推荐", "议价", "催付", "退换货", "售后安抚", "结束告别")


def library(count: int, tag: str = "") -> TeamLibrary:
    phrases = tuple(
        Phrase(id=f"t-{i:06d}", text=f"亲，{GROUPS[i % len(GROUPS)]}相关的第 {i} 条回复{tag}，有问题随时找我们哦～😊",
               group=GROUPS[i % len(GROUPS)], code=f"k{i}", intents=("ship_time",), keywords=("发货", "快递"),
               source="team")
        for i in range(count)
    )
    return TeamLibrary(phrases)


def bench_unchanged(root: Path) -> None:
    share = root / "share-small"
    publish(share, library(300), KEY, "主管")
    store = open_store(root / "agent-small" / "kuaida.sqlite3")
    team = TeamRepository(store.db)
    sync_once(share, team, trust=KEY.public.fingerprint)
    mirror = team.mirror_state()
    times = []
    for _ in range(500):
        start = time.perf_counter()
        outcome = pull(share, mirror)
        times.append(time.perf_counter() - start)
        assert outcome.state.value == "unchanged"
    times.sort()
    print(f"unchanged manifest check: p50 {statistics.median(times) * 1e3:.3f} ms, "
          f"p95 {times[int(len(times) * 0.95)] * 1e3:.3f} ms (500 calls, local disk)")
    store.close()


def bench_pull_apply(root: Path, count: int) -> None:
    share = root / f"share-{count}"
    start = time.perf_counter()
    result = publish(share, library(count), KEY, "主管")
    published = time.perf_counter() - start
    store = open_store(root / f"agent-{count}" / "kuaida.sqlite3")
    team = TeamRepository(store.db)
    start = time.perf_counter()
    outcome = pull(share, team.mirror_state(), trust=KEY.public.fingerprint)
    pulled = time.perf_counter() - start
    start = time.perf_counter()
    status = apply_outcome(team, outcome, dt.datetime.now(dt.UTC))
    applied = time.perf_counter() - start
    assert status.local_version == 1 and team.phrases.count("team") == count
    publish(share, library(count, tag="（改）"), KEY, "主管")
    start = time.perf_counter()
    sync_once(share, team)
    update = time.perf_counter() - start
    print(f"{count:>6} phrases: pack {result.manifest.pack_size / 1e6:.1f} MB, publish {published:.2f} s, "
          f"pull+verify {pulled:.2f} s, apply {applied:.2f} s (first), full update of every phrase {update:.2f} s")
    store.close()


_QT_APP: list[object] = []


def keep_qt_app() -> None:
    """One QApplication for the whole run, referenced here so it outlives each measurement."""
    from PySide6.QtWidgets import QApplication

    if not _QT_APP:
        _QT_APP.append(QApplication.instance() or QApplication(sys.argv))


def heartbeat_gaps(seconds: float | None = None, until: list | None = None) -> list[float]:
    """Gaps between ticks of a 1 ms QTimer while Qt's own event loop runs (as in the app, where only slots
    need the interpreter lock), for `seconds` or until `until` is non-empty."""
    from PySide6.QtCore import QEventLoop, QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]
    loop = QEventLoop()
    end = time.perf_counter() + (seconds or 1e9)

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if now >= end or (until is not None and until):
            loop.quit()

    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    loop.exec()
    heartbeat.stop()
    return sorted(gaps)


def bench_idle_baseline() -> None:
    keep_qt_app()
    gaps = heartbeat_gaps(seconds=3.0)
    print(f"idle UI event loop (3 s, no sync): longest gap {gaps[-1] * 1e3:.1f} ms, "
          f"p99 {gaps[int(len(gaps) * 0.99)] * 1e3:.1f} ms")


def bench_ui_stall(root: Path, count: int) -> None:
    from desktop.ui.runtime.tasks import TaskRunner
    from desktop.ui.team.sync_controller import SyncController

    keep_qt_app()
    share = root / f"share-ui-{count}"
    publish(share, library(count), KEY, "主管")
    database = root / f"agent-ui-{count}" / "kuaida.sqlite3"
    runner = TaskRunner(db_factory=lambda: open_store(database))

    class Settings:
        def get(self, key: str) -> object:
            return {"team_key": KEY.public.text, "sync_interval_seconds": 60}[key]

    controller = SyncController(runner, Settings(), lambda: share, timeout_ms=120_000)
    done: list[object] = []
    controller.status_changed.connect(lambda status: done.append(status) if status.state.value != "never" else None)
    # Let the DB worker open the store first: the figure is about the sync, not about start-up.
    runner.db(lambda _store: None, lambda _none: done.append("ready"))
    heartbeat_gaps(until=done)
    done.clear()
    for label in ("first pull", "update of every phrase"):
        if label != "first pull":
            publish(share, library(count, tag="（改）"), KEY, "主管")
        done.clear()
        started = time.perf_counter()
        controller.sync_now()
        gaps = heartbeat_gaps(until=done)
        total = time.perf_counter() - started
        print(f"{count:>6} phrases, {label}: UI event loop during sync ({total:.2f} s): longest gap "
              f"{gaps[-1] * 1e3:.1f} ms, p99 {gaps[int(len(gaps) * 0.99)] * 1e3:.1f} ms, {len(gaps)} ticks of a "
              f"1 ms timer; status {done[-1].text()}")  # type: ignore[attr-defined]
    controller.stop()
    runner.shutdown()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        bench_unchanged(root)
        for count in (10_000, 50_000):
            bench_pull_apply(root, count)
        bench_idle_baseline()
        for count in (10_000, 50_000):
            bench_ui_stall(root, count)


if __name__ == "__main__":
    main()
