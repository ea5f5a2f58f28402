"""日报 window: mine from the store, the team's from the share, charts filled, the page exported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core.lost_sales import LostSale
from desktop.services.context import Services
from desktop.services.daily_report import agent_days
from desktop.store.lost_sales import LostSaleRepository
from desktop.sync.usage import write_usage
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.report.window import ReportWindow
from desktop.ui.runtime.qsettings_bridge import SettingsBridge


def test_mine_then_the_team_then_the_page(qtbot, tmp_path: Path, services: Services, settings: SettingsBridge) -> None:
    now = dt.datetime.now(dt.UTC)
    yesterday = now - dt.timedelta(days=1)
    settings.set("shop_timezone", "UTC")
    services.phrases.record_use(services.phrases.all()[0].id, day=yesterday.date())
    LostSaleRepository(services.store.db).record(LostSale("小狗", yesterday.date(), "不包邮"), yesterday)
    share = tmp_path / "share"
    share.mkdir()
    write_usage(share, "aaaaaaaaaaaaaaaa", [], [], set(), today=now.date(), daily=agent_days(services, dt.UTC, now))
    page = tmp_path / "日报"
    window = ReportWindow(ImmediateTaskRunner(services), settings, lambda: share, clock=lambda: now,
                          ask_save_path=lambda _parent, _title: str(page))
    qtbot.addWidget(window)

    window.load()
    assert window.figure_labels["replies"][0].text() == "1"
    assert window.lost_chart.values == [("不包邮", 1.0)] and len(window.trend_chart.values) == 7
    window.show()
    qtbot.waitExposed(window)
    window.grab()  # paints the charts

    window.team_button.click()
    assert "1 位客服" in window.heading.text() and window.figure_labels["replies"][0].text() == "1"

    window.export_button.click()
    assert "团队日报" in page.with_name("日报.html").read_text(encoding="utf-8")
