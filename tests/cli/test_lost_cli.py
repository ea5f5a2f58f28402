"""`kuaida lost add/report/reasons` end to end, with the shop's own reasons from the settings."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main


def test_add_report_and_a_clear_refusal(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    home = ["--data-dir", str(tmp_path)]
    assert main([*home, "lost", "add", "小猪佩奇", "价格太贵", "--note", "嫌贵"]) == 0
    assert main([*home, "lost", "add", "小狗", "价格太贵"]) == 0
    assert main([*home, "lost", "add", "小猫", "不包邮"]) == 0
    assert main([*home, "lost", "add", "小猫", "太贵了"]) == 2
    assert "未知的原因：太贵了" in capsys.readouterr().err

    assert main([*home, "lost", "report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["buyers"] == 3 and report["reasons"] == {"价格太贵": 2, "不包邮": 1}
    assert "小猪佩奇" not in json.dumps(report, ensure_ascii=False)  # counts and reasons only

    assert main([*home, "lost", "report"]) == 0
    assert "价格太贵  2" in capsys.readouterr().out
    assert main([*home, "lost", "report", "--days", "0"]) == 2


def test_the_shops_reasons_are_offered_and_accepted(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = {"version": 1, "values": {"lost_sale_reasons": "尺码不全"}}
    (tmp_path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    home = ["--data-dir", str(tmp_path)]
    assert main([*home, "lost", "reasons"]) == 0
    assert capsys.readouterr().out.split()[-2:] == ["尺码不全", "其他"]
    assert main([*home, "lost", "add", "小猪", "尺码不全"]) == 0
