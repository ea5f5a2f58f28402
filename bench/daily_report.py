"""日报 for a simulated team: 10 agents' stats files over 30 days, read and summed as the lead's window does,
then the page rendered; and one agent's report from a store holding 30 days of a busy agent's data.

Run: .venv/bin/python bench/daily_report.py   (figures in bench/README.md)
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

from desktop.core.daily_report import FIGURES, DayFigures, report_html
from desktop.core.feedback import DEFAULT_DEPARTMENTS
from desktop.core.lost_sales import DEFAULT_REASONS, LostSale
from desktop.core.orders import Order, OrderStatus
from desktop.services.context import open_services
from desktop.services.daily_report import agent_report, team_report
from desktop.store.lost_sales import LostSaleRepository
from desktop.store.orders import OrderRepository
from desktop.sync.usage import read_team_usage, write_usage

AGENTS, DAYS, RUNS = 10, 30, 7
TODAY = dt.date.today()


def team_files(share: Path) -> None:
    rng = random.Random(7)
    for agent in range(AGENTS):
        daily = {}
        for back in range(DAYS):
            figures = DayFigures(Counter({figure: rng.randint(0, 200) for figure in FIGURES}),
                                 Counter({reason: rng.randint(0, 5) for reason in DEFAULT_REASONS}),
                                 Counter({dept: rng.randint(0, 3) for dept in DEFAULT_DEPARTMENTS}))
            daily[TODAY - dt.timedelta(days=back)] = figures
        uses = [(f"t-{i}", (TODAY - dt.timedelta(days=back)).isoformat(), rng.randint(1, 20))
                for i in range(200) for back in range(0, DAYS, 3)]
        write_usage(share, f"{agent:016x}", uses, [], {f"t-{i}" for i in range(200)}, today=TODAY, daily=daily)


def timed(fn) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        share = Path(tmp) / "share"
        share.mkdir()
        team_files(share)

        def lead() -> None:
            usage = read_team_usage(share, since=TODAY - dt.timedelta(days=DAYS), today=TODAY)
            report_html(team_report(usage.daily, usage.agents, TODAY))

        show("team of 10 agents × 30 days: read stats + sum + page", timed(lead))

        services = open_services(Path(tmp) / "agent")
        try:
            rng = random.Random(3)
            now = dt.datetime.now(dt.UTC)
            orders = OrderRepository(services.store.db, dt.UTC)
            ids = [p.id for p in services.phrases.all()]
            lost = LostSaleRepository(services.store.db)
            for back in range(DAYS):
                day = now - dt.timedelta(days=back)
                for _ in range(40):
                    services.phrases.record_use(rng.choice(ids), day=day.date())
                batch = [Order(f"35612{back:03d}{n:011d}", f"买家{back}-{n}", OrderStatus.AWAITING_PAYMENT,
                               day - dt.timedelta(hours=1), Decimal("59"), "杯") for n in range(20)]
                orders.apply_import(batch, day)
                for order in batch[:15]:
                    orders.mark_reminded(order.order_id, day)
                for n in range(8):
                    lost.record(LostSale(f"买家{back}-{n}", day.date(), rng.choice(DEFAULT_REASONS)), day)
            show("one agent, 30 busy days: report from the store + page",
                 timed(lambda: report_html(agent_report(services, dt.UTC, now))))
        finally:
            services.close()


def show(what: str, times: list[float]) -> None:
    print(f"{what}: median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
          f"({len(times)} runs)")


if __name__ == "__main__":
    main()
