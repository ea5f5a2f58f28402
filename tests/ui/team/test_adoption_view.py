"""The lead's adoption view: the chart paints, the per-agent table and summary, and the CSV export."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.team.adoption_view import AdoptionView

ROWS = [("2026-12-03", "aaaaaaaaaaaaaaaa", "message", 10), ("2026-12-03", "aaaaaaaaaaaaaaaa", "shown", 8),
        ("2026-12-03", "aaaaaaaaaaaaaaaa", "top1", 4), ("2026-12-03", "aaaaaaaaaaaaaaaa", "no_pick", 4),
        ("2026-12-04", "bbbbbbbbbbbbbbbb", "message", 5), ("2026-12-04", "bbbbbbbbbbbbbbbb", "shown", 5),
        ("2026-12-04", "bbbbbbbbbbbbbbbb", "edited", 5)]


def test_the_view_shows_agents_the_team_and_paints_a_bar_per_day(qtbot, tmp_path: Path) -> None:
    view = AdoptionView(lambda write: write())
    qtbot.addWidget(view)
    view.resize(800, 300)
    assert not view.chart.grab().isNull()  # paints the empty state
    view.set_rows(ROWS)
    assert [view.table.item(r, 0).text() for r in range(2)] == ["aaaaaaaa", "bbbbbbbb"]
    assert [view.table.item(r, 3).text() for r in range(2)] == ["50%", "100%"]
    assert "生成率 87%" in view.summary.text() and "采纳率 69%" in view.summary.text()
    assert [f.key for f in view.chart.days] == ["2026-12-03", "2026-12-04"]
    assert not view.chart.grab().isNull()
    target = tmp_path / "采纳率.csv"
    view.pick_file = lambda: str(target)
    view.export_csv()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("日期,客服,买家消息,有推荐,生成率")
    assert lines[1].startswith("2026-12-03,aaaaaaaaaaaaaaaa,10,8,80.0%,4,4")
    assert lines[-1].startswith("合计,bbbbbbbbbbbbbbbb,5,5,100.0%")
