"""`kuaida feedback`: the agent files and shares (redacted), the lead groups, marks and exports."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from desktop.cli import main


def test_file_share_and_summarise(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    agent, lead, share = ["--data-dir", str(tmp_path / "agent")], ["--data-dir", str(tmp_path / "lead")], tmp_path / "s"
    share.mkdir()
    folder = ["--folder", str(share)]
    assert main([*agent, "feedback", "add", "物流", "电话13812345678，送不上门就不买了", "--buyer", "小猪佩奇",
                 "--share", *folder]) == 0
    assert main([*agent, "feedback", "add", "运营", "图片和实物差太多"]) == 0  # kept on this PC only
    assert main([*agent, "feedback", "add", "销售", "x"]) == 2
    capsys.readouterr()
    assert main([*agent, "feedback", "list", "--json"]) == 0
    local = json.loads(capsys.readouterr().out)
    assert [(i["department"], i["buyer"], bool(i["shared_at"])) for i in local] == [
        ("运营", "", False), ("物流", "小猪佩奇", True)]

    shared = list((share / "feedback").iterdir())
    assert len(shared) == 1
    raw = shared[0].read_text(encoding="utf-8")
    assert "13812345678" not in raw and "小猪佩奇" not in raw and "[电话]" in raw

    assert main([*agent, "feedback", "share", str(local[0]["id"]), *folder]) == 0
    assert main([*agent, "feedback", "share", "99", *folder]) == 2
    assert main([*agent, "feedback", "share", "1", "--folder", str(tmp_path / "offline")]) == 3
    capsys.readouterr()

    assert main([*lead, "feedback", "team", *folder]) == 0
    out = capsys.readouterr().out
    assert "【物流】" in out and "【运营】" in out and "待处理" in out
    item_id = next(p.stem for p in (share / "feedback").iterdir() if "物流" in p.read_text(encoding="utf-8"))
    assert main([*lead, "feedback", "mark", item_id, "handed_over"]) == 0
    assert main([*lead, "feedback", "team", *folder, "--export", str(tmp_path / "sum.xlsx")]) == 0
    sheets = load_workbook(tmp_path / "sum.xlsx").worksheets
    assert [s.title for s in sheets] == ["物流", "运营"]
    assert [c.value for c in sheets[0][2]][-1] == "已转交"
    assert main([*lead, "feedback", "team", *folder, "--export", str(tmp_path / "sum.html")]) == 0
    assert "已转交" in (tmp_path / "sum.html").read_text(encoding="utf-8")
