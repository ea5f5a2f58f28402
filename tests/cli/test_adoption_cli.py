"""`kuaida adoption`: the local figures by day, phrase and in all, and as CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.adoption import Count, Outcome
from desktop.services.context import open_services
from desktop.store.adoption import AdoptionRepository


def seed() -> str:
    today = dt.date.today().isoformat()
    services = open_services()
    AdoptionRepository(services.store.db).add(
        [Count(today, "", Outcome.MESSAGE)] * 4 + [Count(today, "", Outcome.SHOWN)] * 4
        + [Count(today, "t-1", Outcome.TOP1), Count(today, "t-2", Outcome.EDITED), Count(today, "", Outcome.NO_PICK)])
    services.close()
    return today


def test_report_by_day_and_by_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    today = seed()
    capsys.readouterr()
    assert main(["adoption"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("范围,买家消息,有推荐,生成率")
    assert lines[1] == f"{today},4,4,100.0%,1,1,0,0,1,1,50.0%"
    assert main(["adoption", "--by", "phrase"]) == 0
    assert [line.split(",")[0] for line in capsys.readouterr().out.splitlines()[1:]] == ["t-1", "t-2"]


def test_csv_export_and_an_empty_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adoption"]) == 0
    assert "还没有采纳数据" in capsys.readouterr().out
    seed()
    target = tmp_path / "adoption.csv"
    assert main(["adoption", "--by", "all", "--csv", str(target)]) == 0
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].startswith("全部,4,4,")


def test_team_figures_per_agent_and_per_team_phrase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.sync.usage import write_usage

    today = dt.date.today().isoformat()
    rows = [(today, "", "message", 3), (today, "", "shown", 2), (today, "t-1", "top1", 2)]
    write_usage(tmp_path, "aaaaaaaaaaaaaaaa", [], [], {"t-1"}, adoption=rows)
    write_usage(tmp_path, "bbbbbbbbbbbbbbbb", [], [], {"t-1"}, adoption=rows[:2])
    assert main(["adoption", "--by", "agent", "--folder", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]
    assert lines[1].endswith(",100.0%") and lines[2].endswith(",0.0%")
    assert main(["adoption", "--by", "team-phrase", "--folder", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("t-1,0,0,0.0%,2,2")
