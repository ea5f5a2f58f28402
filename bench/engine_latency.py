#!/usr/bin/env python3
"""Engine latency: p50/p95 of one `suggest` with the default library and synthetic 10,000 / 50,000 phrase
libraries, plus the time to load 50,000 phrases from the store and index them, and the process RSS after
loading the intent model. Run by hand:

    .venv/bin/python bench/engine_latency.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from desktop.core.default_library import load_default_library
from desktop.core.engine import SuggestionEngine
from desktop.core.phrases import Phrase
from desktop.store.database import open_store
from desktop.store.phrases import PhraseRepository

# Messages written for the benchmark: typical questions, typos, Traditional, two questions, noise.
MESSAGES = [
    "在吗", "亲 什么时候发货", "发或了吗", "這個幾時發貨？", "包邮吗 发什么快递", "几天能到上海", "我的快递到哪了",
    "物流三天没更新了 怎么回事", "身高165体重110斤穿什么码", "这是什么材质的 会掉色吗", "是正品吗", "这个怎么安装",
    "这两款有什么区别 哪个好", "有赠品吗", "可以开发票吗 抬头写公司", "能用花呗分期吗", "地址写错了帮我改一下",
    "不想要了 帮我取消订单", "我再考虑一下", "不合适可以退货吗 运费谁出", "退款什么时候到账", "收到的杯子碎了",
    "发错颜色了 少发了一件", "你们什么服务态度 我要投诉", "保修多久", "好的谢谢", "好的", "123456",
    "浙江省杭州市西湖区文三路100号", "哈哈哈哈", "订单号 240512345678901 怎么还没发货😭",
    "https://item.jd.com/100012345678.html 有货吗", "能便宜点吗 老顾客了", "现在有什么活动 优惠券怎么领",
    "昨天刚买今天就降价了 能退差价吗", "你们这个保休多久", "ＸＬ碼還有貨嗎", "黑色的什么时候补货",
    "fh了吗", "tk到哪了 能开fp吗", "什么时候发货？能开发票吗",
    "上周买的东西到现在还没收到，打了好几次电话都没人接，客服也不回消息，" * 8 + "到底什么时候能到",
]
NOISE = ["新款", "加厚", "夏季", "礼盒装", "升级版", "大容量", "儿童", "家用", "便携", "经典", "限量", "旗舰",
         "保温杯", "T恤", "连衣裙", "蓝牙耳机", "充电宝", "茶叶", "坚果", "面膜", "运动鞋", "背包", "台灯"]


def synthetic_library(size: int, seed: int = 7) -> list[Phrase]:
    """`size` phrases made by varying the default ones: product words and numbers in text and keywords."""
    rng = random.Random(seed)
    base = load_default_library()
    phrases = []
    for n in range(size):
        source = base[n % len(base)]
        words = rng.sample(NOISE, 2)
        phrases.append(
            source.with_changes(
                id=f"s-{n}",
                code=f"{source.code}{n}" if source.code else "",
                text=f"{source.text}（{words[0]}{rng.randint(1, 99)}款）",
                keywords=(*source.keywords, words[1]),
            )
        )
    return phrases


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(engine: SuggestionEngine, rounds: int) -> dict[str, float]:
    """Wall-clock and CPU milliseconds per message. On a shared machine the CPU time is the steadier figure:
    wall time also counts the moments other processes held the core."""
    for message in MESSAGES:  # warm per-character caches
        engine.suggest(message)
    wall, cpu = [], []
    for _ in range(rounds):
        for message in MESSAGES:
            start, start_cpu = time.perf_counter(), time.thread_time()
            engine.suggest(message, top=3)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
    return {
        "wall p50": statistics.median(wall), "wall p95": percentile(wall, 0.95),
        "cpu p50": statistics.median(cpu), "cpu p95": percentile(cpu, 0.95),
    }


SEARCHES = ["fh", "kd", "包邮", "顺丰", "退货", "xsnfh", "th1", "售后", "亲"]


def measure_search(engine: SuggestionEngine, rounds: int) -> dict[str, float]:
    """CPU milliseconds per typed query (codes, text, initials; 亲 matches nearly every phrase)."""
    cpu = []
    for _ in range(rounds):
        for query in SEARCHES:
            start = time.thread_time()
            engine.search(query, limit=20)
            cpu.append((time.thread_time() - start) * 1000)
    return {"search cpu p50": statistics.median(cpu), "search cpu p95": percentile(cpu, 0.95)}


def load_and_index(phrases: list[Phrase]) -> tuple[float, float]:
    """Seconds to read `phrases` back from a store, and to build the engine over them."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.sqlite3")
        repo = PhraseRepository(store.db)
        repo.replace_source("team", phrases)
        start = time.process_time()
        loaded = repo.all(include_hidden=False)
        learned = repo.learned_picks()
        read = time.process_time() - start
        start = time.process_time()
        SuggestionEngine(loaded, learned)
        index = time.process_time() - start
        store.close()
    return read, index


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    options = parser.parse_args()
    from desktop.core.intent_model import bundled_model

    before = max_rss_mb()
    start = time.perf_counter()
    bundled_model()
    print(f"intent model: loaded in {(time.perf_counter() - start) * 1000:.0f} ms; process max RSS "
          f"{before:.0f} MB before, {max_rss_mb():.0f} MB after")
    SuggestionEngine(load_default_library()).suggest("什么时候发货")
    print(f"default-library engine built and used once: max RSS {max_rss_mb():.0f} MB")
    libraries = {"default": load_default_library(), "10,000": synthetic_library(10_000),
                 "50,000": synthetic_library(50_000)}
    print(f"{len(MESSAGES)} messages x {options.rounds} rounds per library; load average {os.getloadavg()[0]:.1f}")
    for name, phrases in libraries.items():
        start, start_cpu = time.perf_counter(), time.process_time()
        engine = SuggestionEngine(phrases)
        build, build_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        measured = {**measure(engine, options.rounds), **measure_search(engine, max(1, options.rounds // 5))}
        figures = ", ".join(f"{k} {v:.3f} ms" for k, v in measured.items())
        print(f"{name:>7} phrases: build {build:.2f} s wall / {build_cpu:.2f} s cpu; {figures}")
    read, index = load_and_index(libraries["50,000"])
    print(f"50,000 phrases (cpu): read from the store {read:.2f} s, index {index:.2f} s, total {read + index:.2f} s")


if __name__ == "__main__":
    main()
