"""`kuaida check TEXT`: exit 1 with the words found, 0 when clean; the team's synced words count too."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import main
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import SensitiveWord, TeamLibrary
from desktop.paths import Paths
from desktop.store.database import open_store
from desktop.store.team import TeamRepository


def _sync_team_words(home: Path, *words: SensitiveWord) -> None:
    paths = Paths.resolve(home).ensure()
    store = open_store(paths.database, backup_dir=paths.backups)
    try:
        TeamRepository(store.db).apply(TeamLibrary(sensitive_words=words), 1, "0" * 64, SigningKey.generate().public)
    finally:
        store.close()


def test_check_exits_1_and_lists_each_word_with_category_and_place(capsys):
    assert main(["check", "亲，加我", "微 信", "领好评返现"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "敏感词：微信（引流站外）位置 5–8：「微 信」"
    assert [line.split("：")[1].split("（")[0] for line in out[:-1]] == ["微信", "好评返", "返现"]
    assert out[-1] == "修正后：亲，加我 微 信 领期待您的真实评价"  # 微信 alone has no replacement


def test_check_exits_0_on_clean_text(capsys):
    assert main(["check", "亲，第一次购买可以领新人券哦～"]) == 0
    assert capsys.readouterr().out.strip() == "没有发现敏感词"


def test_check_does_not_create_a_store(kuaida_home):
    assert main(["check", "好的"]) == 0
    assert not Paths.resolve(kuaida_home).database.exists()


def test_check_includes_the_teams_synced_words(capsys, kuaida_home):
    _sync_team_words(kuaida_home, SensitiveWord("秒回", "团队词表"))
    assert main(["check", "亲，秒回哦"]) == 1
    assert "敏感词：秒回（团队词表）" in capsys.readouterr().out
    assert main(["check", "亲，微信"]) == 1  # the bundled list still applies
    _sync_team_words(kuaida_home, SensitiveWord("秒回", "团队词表", "尽快回复"))
    capsys.readouterr()
    assert main(["check", "亲，秒回哦"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "修正后：亲，尽快回复哦"


def test_check_honours_data_dir(capsys, tmp_path):
    other = tmp_path / "other-home"
    _sync_team_words(other, SensitiveWord("包过", ""))
    assert main(["check", "包过"]) == 0
    assert main(["--data-dir", str(other), "check", "包过"]) == 1
    assert "敏感词：包过（自定义）" in capsys.readouterr().out


def test_a_damaged_store_falls_back_to_the_bundled_list(capsys, kuaida_home):
    database = Paths.resolve(kuaida_home).ensure().database
    database.write_bytes(b"this is not a database")
    assert main(["check", "加微信"]) == 1
    captured = capsys.readouterr()
    assert "微信" in captured.out
    assert "仅用默认词表" in captured.err
