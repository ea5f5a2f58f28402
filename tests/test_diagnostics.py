"""导出诊断信息: a zip of logs and configuration, without the library, customers or buyer messages."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import zipfile
from pathlib import Path

from desktop import diagnostics, logs
from desktop.paths import Paths
from desktop.settings import Settings
from desktop.store.database import open_store

NOW = dt.datetime(2026, 3, 8, 9, 30, 5)


def test_zip_holds_report_and_logs_but_no_store_or_library(tmp_path: Path, kuaida_home: Path) -> None:
    paths = Paths(kuaida_home).ensure()
    open_store(paths.database, backup_dir=paths.backups).close()
    handler = logs.setup_logging(paths, logging.INFO)
    logging.getLogger("test").info("something IT should see")
    logs.remove_logging(handler)
    (paths.logs / "kuaida.log.1").write_text("older\n", encoding="utf-8")
    settings = Settings(paths.settings_file, installer={"shared_folder": str(tmp_path), "lock_settings": 1})
    settings.set("agent_name", "小美")

    target = diagnostics.export_diagnostics(paths, settings, tmp_path / "out", now=NOW, timeout=5)

    assert target.name == "kuaida-diagnostics-20260308-093005.zip"
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        assert names == {"report.json", "README.txt", "logs/kuaida.log", "logs/kuaida.log.1"}
        report = json.loads(archive.read("report.json"))
        assert "something IT should see" in archive.read("logs/kuaida.log").decode("utf-8")
    assert report["versions"]["kuaida"]
    assert report["paths"]["data"] == str(kuaida_home)
    by_key = {item["key"]: item for item in report["settings"]}
    assert by_key["shared_folder"] | {"description": ""} == {
        "key": "shared_folder", "value": str(tmp_path), "source": "installer", "locked": True, "description": ""}
    assert by_key["agent_name"]["source"] == "user" and by_key["agent_name"]["locked"] is False
    assert report["shared_folder"]["reachable"] is True
    assert report["store"]["problems"] == []
    assert not list((tmp_path / "out").glob("*.partial"))


def test_probe_gives_up_on_a_hanging_share_after_the_timeout() -> None:
    release = threading.Event()
    try:
        probe = diagnostics.probe_folder(r"\\server\kefu", timeout=0.05, check=lambda path: release.wait())
    finally:
        release.set()  # let the daemon thread end
    assert probe.reachable is False
    assert "没有响应" in probe.detail


def test_probe_reports_a_missing_folder(tmp_path: Path) -> None:
    probe = diagnostics.probe_folder(str(tmp_path / "gone"))
    assert probe.reachable is False and "无法访问" in probe.detail


def test_last_sync_comes_from_the_team_sync_status(kuaida_home: Path) -> None:
    from desktop.store.team import TeamRepository
    from desktop.sync.status import SyncState, SyncStatus

    paths = Paths(kuaida_home).ensure()
    store = open_store(paths.database)
    when = dt.datetime(2026, 3, 8, 9, 0, tzinfo=dt.UTC)
    status = SyncStatus(SyncState.UPDATED, local_version=7, checked_at=when, last_success_at=when)
    TeamRepository(store.db).record_status(status.to_json())
    store.close()

    health = diagnostics.store_health(paths)
    assert health["last_sync"] == status.text()
    assert health["last_sync_at"] == when.isoformat()
    assert "agent_id" not in health and "library_version" not in health  # never written stats, never applied


def test_doctor_names_this_pc_s_stats_file_and_library_version(kuaida_home: Path) -> None:
    from desktop.store.team import TeamRepository

    paths = Paths(kuaida_home).ensure()
    store = open_store(paths.database)
    agent = TeamRepository(store.db).agent_id()
    store.close()

    health = diagnostics.store_health(paths)
    assert health["agent_id"] == agent


def test_problems_name_an_unreachable_configured_share_only() -> None:
    report = {"shared_folder": {"path": "X:\\kefu", "reachable": False, "detail": "5 秒内没有响应",
                                "local_stand_in": False},
              "store": {"problems": []}}
    assert diagnostics.problems(report) == ["共享文件夹 X:\\kefu：5 秒内没有响应"]
    report["shared_folder"]["local_stand_in"] = True
    assert diagnostics.problems(report) == []
