"""`kuaida doctor`: what IT reads at an agent's PC, in text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.logs import log_file
from desktop.paths import Paths
from desktop.settings import Settings
from desktop.store.database import open_store


def _policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, policy: dict, installer: dict) -> None:
    for name, values in (("KUAIDA_POLICY_FILE", policy), ("KUAIDA_INSTALLER_FILE", installer)):
        file = tmp_path / f"{name}.json"
        file.write_text(json.dumps(values), encoding="utf-8")
        monkeypatch.setenv(name, str(file))


def test_doctor_reports_version_paths_sources_and_locks(tmp_path: Path, kuaida_home: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    share = tmp_path / "share"
    share.mkdir()
    _policy(tmp_path, monkeypatch, {"team_key": "ed25519:abcd"},
            {"shared_folder": str(share), "autostart": 1, "lock_settings": 1})
    Settings(Paths(kuaida_home).settings_file).set("agent_name", "小美")

    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "快答 Kuaida 0.1" in out
    assert str(kuaida_home) in out and str(log_file(Paths(kuaida_home))) in out
    assert "team_key = ed25519:abcd  · 组策略 · 已锁定" in out
    assert f"shared_folder = {share}  · 安装程序 · 已锁定" in out
    assert "autostart = 是  · 安装程序 · 已锁定" in out
    assert "agent_name = 小美  · 用户设置" in out and "agent_name = 小美  · 用户设置 · 已锁定" not in out
    assert f"共享文件夹  {share}：可以访问" in out
    assert "上次同步    从未同步" in out
    assert "未发现问题。" in out


def test_doctor_does_not_create_the_data_folder(kuaida_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor"]) == 0
    assert "使用本地文件夹代替" in capsys.readouterr().out
    assert not kuaida_home.exists()


def test_unreachable_share_is_a_problem_with_exit_code_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-share"
    _policy(tmp_path, monkeypatch, {"shared_folder": str(missing)}, {})
    assert main(["doctor", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["shared_folder"]["reachable"] is False
    assert report["problems"] and str(missing) in report["problems"][0]
    by_key = {item["key"]: item for item in report["settings"]}
    assert by_key["shared_folder"]["source"] == "policy" and by_key["shared_folder"]["locked"] is True


def test_doctor_checks_an_existing_store(kuaida_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = Paths(kuaida_home).ensure()
    open_store(paths.database).close()
    assert main(["doctor", "--json"]) == 0
    store = json.loads(capsys.readouterr().out)["store"]
    assert store == {"exists": True, "problems": [], "last_sync": "从未同步", "last_sync_at": None}
