"""`kuaida rounds`: the lead publishes a signed round, an agent answers, the lead reads the answers."""

from __future__ import annotations

import pytest

from desktop.cli import main


def test_publish_answer_compare_and_a_forged_round(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    lead, agent = ["--data-dir", str(tmp_path / "lead")], ["--data-dir", str(tmp_path / "agent")]
    share, keys = tmp_path / "share", tmp_path / "keys"
    share.mkdir()
    folder = ["--folder", str(share)]
    assert main([*lead, "keygen", "--out", str(keys)]) == 0
    key = ["--key", str(keys / "team.key")]
    assert main([*agent, "rounds", "list", *folder]) == 4  # no trusted key yet
    assert main([*lead, "publish", *folder, *key]) == 0
    assert main([*agent, "sync", *folder, "--team-key", str(keys / "team.pub")]) == 0
    assert main([*lead, "rounds", "publish", *folder, *key, "--title", "第一轮", "什么时候发货？", "能便宜点吗？"]) == 0
    (share / "rounds" / "r-20991231T000000.json").write_text('{"kind": "kuaida-round", "signature": "AAAA"}')
    capsys.readouterr()

    assert main([*agent, "rounds", "list", *folder]) == 0
    out = capsys.readouterr().out
    round_id = out.split()[0]
    assert "什么时候发货？" in out and "1 个文件不是组长签名的" in out
    assert main([*agent, "rounds", "answer", round_id, "亲，48小时内发货哦", "-", *folder]) == 0
    assert main([*agent, "rounds", "answer", "r-20000101T000000", "x", *folder]) == 2
    capsys.readouterr()
    assert main([*agent, "rounds", "answers", round_id, *folder]) == 0
    out = capsys.readouterr().out
    assert "亲，48小时内发货哦" in out and "（还没有人回答）" in out
