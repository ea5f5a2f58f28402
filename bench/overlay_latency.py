"""Clipboard change → suggestions painted: p50/p95 with the default library and with 10,000 phrases.

Runs the real overlay (window, controller, models, delegate, real engine and sensitive-word check) with the
platform fakes, and times from the watcher's `message_copied` signal until the pending events (delayed
item layout, queued updates) are processed and the list is painted. Reading the clipboard itself is
measured separately (bench/clipboard_read.py). The buyer messages are written here for the benchmark;
none comes from the evaluation set.

    .venv/bin/python bench/overlay_latency.py                     # offscreen
    DISPLAY=:87 .venv/bin/python bench/overlay_latency.py --xcb   # a real X server (Xvfb + openbox)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

import shiboken6

MESSAGES = [
    "你好，请问什么时候发货？", "今天下单明天能到吗", "能便宜点吗，买两件", "有没有优惠券啊", "这个是正品吗",
    "发什么快递", "可以发顺丰吗？加钱也行", "我想退货怎么弄", "衣服有点大能换小一码吗", "包邮吗",
    "什么时候有货", "怎么还没发货啊都三天了", "物流一直不动", "收到的东西坏了", "尺码怎么选，165 50公斤",
    "能开发票吗", "在吗", "好的谢谢", "拍了，帮我备注一下送个小礼物", "地址写错了能改吗",
    "可以货到付款吗", "质量怎么样，会起球吗", "还有别的颜色吗", "申请了退款多久到账", "给个好评返现吗",
    "我是老顾客了再便宜点", "东西收到了挺好的", "能加个微信吗", "晚上几点还有人", "预售什么时候发",
]


class PaintCounter:
    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def synthetic_library(size: int) -> list:
    """`size` distinct phrases derived from the default library (new ids, groups, codes and wording)."""
    from desktop.core.default_library import load_default_library

    base = load_default_library()
    extras = ["（限时）", "（新款）", "～", "哦", "呢", "，有问题随时找我", "，感谢支持", "😊", "🎁", "📦"]
    phrases = []
    for n in range(size):
        source = base[n % len(base)]
        suffix = extras[(n // len(base)) % len(extras)] + ("" if n < len(base) * len(extras) else f" #{n}")
        phrases.append(source.with_changes(id=f"bench-{n}", text=source.text + suffix, code=f"b{n}",
                                           group=f"{source.group}{n % 40}"))
    return phrases


def measure(phrases: list | None, rounds: int) -> tuple[list[float], int]:
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
    home = Paths(__import__("pathlib").Path(tempfile.mkdtemp()))
    store = open_memory_store()
    repo = PhraseRepository(store.db)
    if phrases is None:
        ensure_default_library(repo)
    else:
        repo.replace_source("team", phrases)
    settings = SettingsBridge(Settings(home.settings_file))
    services = Services(home, settings.settings, store, repo)
    window = OverlayWindow()
    Appearance(app, settings, [window.suggestions.delegate]).apply()
    clipboard = FakeClipboardWatcher()
    controller = OverlayController(window, settings, ImmediateTaskRunner(services), clipboard, FakePaster(),
                                   FakeHotkeys())
    controller.set_library(load_library(services))
    window.show()
    app.processEvents()
    paints = PaintCounter(window.suggestions.list_view.viewport())
    timings: list[float] = []
    for n in range(rounds + len(MESSAGES)):  # the first pass over the messages warms caches up
        message = MESSAGES[n % len(MESSAGES)] + ("" if n % 2 else "？")
        start = time.perf_counter()
        clipboard.copy(message)
        # The view's delayed item layout, the queued updates and the paint they cause run here, as in the event
        # loop; the paint counter proves the list was painted inside the timed span.
        painted_before = paints.count
        app.processEvents()
        if paints.count == painted_before:
            window.repaint()
        if n >= len(MESSAGES):
            timings.append((time.perf_counter() - start) * 1000)
    count = repo.count()
    window.close()
    # The window before the controller's models it shows (as Application.close does): nothing else keeps
    # the controller alive past this function.
    shiboken6.delete(window)
    shiboken6.delete(controller)
    store.close()
    return timings, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--xcb", action="store_true", help="use the X server in $DISPLAY instead of offscreen")
    args = parser.parse_args()
    if not args.xcb:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for label, phrases in (("default library", None), ("10,000 phrases", synthetic_library(10_000))):
        timings, count = measure(phrases, args.rounds)
        print(f"{label:16} ({count:>6} phrases): p50 {statistics.median(timings):6.2f} ms   "
              f"p95 {percentile(timings, 0.95):6.2f} ms   max {max(timings):6.2f} ms   n={len(timings)}")


if __name__ == "__main__":
    main()
