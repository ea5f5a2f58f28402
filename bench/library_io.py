"""Timing library import/export and store start-up on synthetic libraries (run by hand, not a test).

    .venv/bin/python bench/library_io.py [N ...]      # default: 10000 50000

Each figure is the best of `ROUNDS` runs (the machine is shared, so the minimum is the stable figure).
Prints, per library size: reading a GBK Qianniu CSV and an xlsx, importing into a fresh store (one
transaction), re-importing the same file (nothing changes), exporting CSV and xlsx, and opening the store
(integrity check, migrations) plus the first daily backup. Also how long reading the xlsx holds the
interpreter lock at a stretch: the longest gap between ticks of a thread that wakes every millisecond, as
the window's event loop would (worst of the rounds).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.library_io import export_library, read_library
from desktop.core.phrases import Phrase
from desktop.store.database import daily_backup, open_store
from desktop.store.phrases import PhraseRepository

ROUNDS = 3
GROUPS = ("欢迎语", "发货时间", "快递物流", "售后", "催付", "议价", "尺码", "告别")


def synthetic(n: int) -> list[Phrase]:
    return [
        Phrase(
            id=f"p-{i:06d}", code=f"c{i}", group=GROUPS[i % len(GROUPS)],
            text=f"亲，这是第 {i} 条快捷短语，我们会在48小时内为您发货的呢，有问题随时联系客服哦\n祝您购物愉快～",
        )
        for i in range(n)
    ]


def timed(times: dict[str, float], label: str, action: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    times[label] = min(elapsed, times.get(label, elapsed))
    return result


def longest_gap(action: Callable[[], object]) -> float:
    """The longest pause, in seconds, of a thread sleeping 1 ms at a time while `action` runs."""
    gaps: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        action()
    finally:
        done.set()
        ticker.join()
    return max(gaps, default=0.0)


def one_round(n: int, phrases: list[Phrase], folder: Path, times: dict[str, float]) -> None:
    csv_path, xlsx_path = folder / "qianniu.csv", folder / "library.xlsx"
    timed(times, "export Qianniu CSV (GBK)",
          lambda: export_library(csv_path, phrases, layout="qianniu", encoding="gbk"))
    timed(times, "export full xlsx", lambda: export_library(xlsx_path, phrases))
    library = timed(times, "read GBK Qianniu CSV", lambda: read_library(csv_path))
    timed(times, "read xlsx", lambda: read_library(xlsx_path))
    gap = longest_gap(lambda: read_library(xlsx_path))
    times["read xlsx: longest UI-thread gap"] = max(gap, times.get("read xlsx: longest UI-thread gap", 0.0))
    database = folder / "store.sqlite3"
    store = open_store(database)
    repo = PhraseRepository(store.db)
    timed(times, "import into an empty store (one transaction)", lambda: repo.import_library(library, "personal"))
    timed(times, "re-import the same file (no changes)", lambda: repo.import_library(library, "personal"))
    store.close()
    store = timed(times, "open store (integrity check + migrations)", lambda: open_store(database))
    timed(times, "daily backup", lambda: daily_backup(store.db, folder / "backups", today=dt.date(2024, 5, 1)))
    store.close()


def bench(n: int) -> None:
    phrases = synthetic(n)
    times: dict[str, float] = {}
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as folder:
            one_round(n, phrases, Path(folder), times)
    print(f"{n} phrases (best of {ROUNDS})")
    for label, seconds in times.items():
        print(f"  {label:<44} {seconds:8.3f} s")


def main() -> None:
    for n in [int(a) for a in sys.argv[1:]] or [10_000, 50_000]:
        bench(n)


if __name__ == "__main__":
    main()
