"""What Kuaida knows about its own installation, for `kuaida doctor` and the tray's "导出诊断信息" zip.

Collected here once: versions, paths, each setting with its source and lock, the shared folder's
reachability, the store's health and the last sync. The zip adds the log files. Never the phrase library,
customers, orders or anything a buyer wrote: the zip is meant to be mailed to IT.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import sqlite3
import sys
import threading
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.logs import log_file, log_files
from desktop.paths import Paths
from desktop.settings import SETTINGS, Settings

SHARE_TIMEOUT_SECONDS = 5.0
NEVER_SYNCED = "从未同步"
SOURCE_LABELS = {"policy": "组策略", "installer": "安装程序", "user": "用户设置", "default": "默认值"}


@dataclass(frozen=True)
class FolderProbe:
    path: str
    reachable: bool
    detail: str  # a short Chinese sentence for people


def versions() -> dict[str, str]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return {
        "kuaida": __version__,
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "os": platform.platform(),
        "frozen": "yes" if getattr(sys, "frozen", False) else "no",
        "executable": sys.executable,
    }


def locations(paths: Paths) -> dict[str, str]:
    return {
        "data": str(paths.home), "database": str(paths.database), "backups": str(paths.backups),
        "settings": str(paths.settings_file), "logs": str(paths.logs), "log_file": str(log_file(paths)),
    }


def configuration(settings: Settings) -> list[dict[str, Any]]:
    """Every setting: its effective value, where the value came from, and whether IT locked it."""
    return [
        {"key": s.key, "value": settings.get(s.key), "source": settings.source(s.key),
         "locked": settings.locked(s.key), "description": s.description}
        for s in SETTINGS
    ]


def shared_folder(settings: Settings, paths: Paths) -> tuple[str, bool]:
    """The folder the team library comes from, and whether it is the local stand-in."""
    configured = settings.get("shared_folder").strip()
    return (configured, False) if configured else (str(paths.local_share), True)


def _list_folder(path: str) -> None:
    folder = Path(path)
    if not folder.is_dir():
        raise FileNotFoundError(f"不是可访问的文件夹：{path}")
    next(folder.iterdir(), None)


def probe_folder(path: str, timeout: float = SHARE_TIMEOUT_SECONDS,
                 check: Callable[[str], None] = _list_folder) -> FolderProbe:
    """Lists `path` on a daemon thread: an unreachable SMB share can hang for a minute, a daemon thread
    left hanging does not keep the process alive, and the caller gets its answer after `timeout`."""
    outcome: dict[str, BaseException | None] = {}

    def attempt() -> None:
        try:
            check(path)
            outcome["error"] = None
        except BaseException as error:  # reported, not raised: the answer is "unreachable"
            outcome["error"] = error

    worker = threading.Thread(target=attempt, name="kuaida-probe", daemon=True)
    worker.start()
    worker.join(timeout)
    if "error" not in outcome:
        return FolderProbe(path, False, f"{timeout:g} 秒内没有响应")
    error = outcome["error"]
    if error is None:
        return FolderProbe(path, True, "可以访问")
    return FolderProbe(path, False, f"无法访问（{type(error).__name__}: {error}）")


def store_health(paths: Paths) -> dict[str, Any]:
    """Quick-checks the local database without migrating or backing it up; then reads the last sync."""
    health: dict[str, Any] = {"exists": paths.database.exists(), "problems": [], "last_sync": NEVER_SYNCED,
                              "last_sync_at": None}
    if not health["exists"]:
        return health
    from desktop.store.database import connect, integrity_problems

    try:
        db = connect(paths.database)
    except sqlite3.Error as error:
        health["problems"] = [f"无法打开：{error}"]
        return health
    try:
        health["problems"] = integrity_problems(db)
        health.update(_last_sync(db))
    except sqlite3.Error as error:
        health["problems"] = [f"无法读取：{error}"]
    finally:
        db.close()
    return health


def _last_sync(db: Any) -> dict[str, Any]:
    try:
        from desktop.store.team import TeamRepository
        from desktop.sync.status import SyncState, SyncStatus
    except ImportError:  # a build without the team sync feature
        return {}
    if not db.table("team_state").exists():
        return {}
    team = TeamRepository(db)
    # What this PC's stats file on the share says (the lead's editor, tab 使用统计, lists them by this id).
    identity = {name: value for name, value in (("agent_id", team.existing_agent_id()),
                                                 ("library_version", team.mirror_state().applied_version))
                if value is not None}
    status = SyncStatus.from_json(team.last_status())
    if status.state is SyncState.NEVER:
        return identity
    return {
        "last_sync": status.text(),
        "last_sync_at": status.last_success_at.isoformat() if status.last_success_at else None,
        **identity,
    }


def collect_report(paths: Paths, settings: Settings, timeout: float = SHARE_TIMEOUT_SECONDS,
                   check: Callable[[str], None] = _list_folder) -> dict[str, Any]:
    """Everything doctor prints; blocking (the share probe waits up to `timeout`): the UI runs it on I/O."""
    folder, stand_in = shared_folder(settings, paths)
    share = {**asdict(probe_folder(folder, timeout, check)), "local_stand_in": stand_in}
    if stand_in and not share["reachable"] and not Path(folder).exists():
        share["detail"] = "尚未创建（快答窗口第一次启动时创建）"
    return {
        "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "versions": versions(),
        "paths": locations(paths),
        "settings": configuration(settings),
        "installer_locks_values": settings.lock_installer_values,
        "shared_folder": share,
        "store": store_health(paths),
    }


def problems(report: dict[str, Any]) -> list[str]:
    """What IT should look at, in Chinese, from a report."""
    found = []
    share = report["shared_folder"]
    if not share["reachable"] and not share["local_stand_in"]:
        found.append(f"共享文件夹 {share['path']}：{share['detail']}")
    for problem in report["store"]["problems"][:3]:
        found.append(f"本地数据库：{problem}")
    return found


def diagnostics_file_name(now: dt.datetime | None = None) -> str:
    return f"kuaida-diagnostics-{(now or dt.datetime.now()):%Y%m%d-%H%M%S}.zip"


def export_diagnostics(paths: Paths, settings: Settings, folder: Path, *, now: dt.datetime | None = None,
                       timeout: float = SHARE_TIMEOUT_SECONDS) -> Path:
    """Write the zip into `folder` (atomically: a half-written zip is never left under the final name)."""
    report = collect_report(paths, settings, timeout)
    target = folder / diagnostics_file_name(now)
    partial = target.with_name(target.name + ".partial")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("report.json", json.dumps(report, ensure_ascii=False, indent=1, default=str))
            archive.writestr("README.txt", _readme(report))
            for log in log_files(paths):
                archive.write(log, f"logs/{log.name}")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _readme(report: dict[str, Any]) -> str:
    lines = [f"快答 Kuaida {report['versions']['kuaida']} 诊断信息（{report['created_at']}）",
             "report.json：版本、路径、每项设置的值与来源、共享文件夹、本地数据库检查、上次同步。",
             "logs/：运行日志。不含短语库、客户、订单或买家消息。"]
    lines += [f"问题：{problem}" for problem in problems(report)] or ["未发现问题。"]
    return "\n".join(lines) + "\n"
