"""`kuaida suggest` applies the window's high-risk guard rails (`--no-guard` shows the engine's own order);
`library list --json` shows phrase flags."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.cli import main


def suggest(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path, *argv: str) -> dict:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--data-dir", str(home), "suggest", "--json", "--top", "3", *argv]) == 0
    return json.loads(capsys.readouterr().out.splitlines()[0])


def test_a_bad_review_threat_leads_with_calming_and_escalation(tmp_path: Path, capsys, monkeypatch) -> None:
    message = "快递怎么还不到，不行就差评"
    guarded = suggest(capsys, monkeypatch, tmp_path, message)["suggestions"]
    plain = suggest(capsys, monkeypatch, tmp_path, message, "--no-guard")["suggestions"]
    assert [s["id"] for s in guarded[:2]] == ["d-calm-1", "d-escalate-1"]  # no intents: fit any risky chat
    assert plain[0]["intents"][0] == "logistics" and guarded[2]["id"] == plain[0]["id"]


def test_sales_phrases_are_held_back_only_in_high_risk_chats(tmp_path: Path, capsys, monkeypatch) -> None:
    promotion = suggest(capsys, monkeypatch, tmp_path, "有什么优惠活动吗")["suggestions"]
    assert "promotion" in promotion[0]["intents"]
    refund = suggest(capsys, monkeypatch, tmp_path, "退款什么时候到账，有优惠券补偿吗")["suggestions"]
    assert all("promotion" not in s["intents"] and s["group"] != "主推" for s in refund)


def test_library_list_shows_flags(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "library", "list", "--json"]) == 0
    listed = {item["id"]: item for item in map(json.loads, capsys.readouterr().out.splitlines())}
    assert listed["d-wait-1"]["flags"] == ["wait"] and listed["d-ship_time-1"]["flags"] == []
