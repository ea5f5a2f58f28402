"""`kuaida store check|restore`: what IT or an agent runs when the local database reports damage.

`check` opens the store as the app would and lists the backups; `restore` puts the newest good backup (or
the one named) in place of the store, keeping the damaged file beside it. It refuses while a Kuaida window
holds the data folder: the window would go on writing to the file renamed away.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from desktop.paths import Paths
from desktop.store.database import NewerStoreError, StoreError, backups, newest_backup, open_store, restore_backup
from desktop.store.instance_lock import InstanceLock, LockHeld


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("store", help="检查本地数据库，或从备份恢复")
    commands = parser.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    checking = commands.add_parser("check", help="检查本地数据库是否完好，并列出备份")
    checking.set_defaults(handler=run_check)
    restoring = commands.add_parser("restore", help="用备份替换本地数据库（请先退出快答）")
    restoring.add_argument("backup", nargs="?", metavar="BACKUP", help="备份文件（默认：最近一个完好的备份）")
    restoring.add_argument("--force", action="store_true", help="数据库完好时也替换（会丢失备份之后的改动）")
    restoring.set_defaults(handler=run_restore)


def run_check(args: argparse.Namespace) -> int:
    paths = Paths.resolve(args.data_dir).ensure()
    print(f"数据库：{paths.database}")
    code = 0
    try:
        open_store(paths.database, backup_dir=paths.backups).close()
        print("检查结果：完好")
    except StoreError as error:
        print(f"检查结果：{error}")
        code = 2
    found = backups(paths.backups)
    print(f"备份（{paths.backups}，最多保留 7 个）：" + ("" if found else "无"))
    for backup in found:
        print(f"  {backup.name}")
    return code


def run_restore(args: argparse.Namespace) -> int:
    paths = Paths.resolve(args.data_dir).ensure()
    backup = Path(args.backup) if args.backup else newest_backup(paths.backups)
    if backup is None or not backup.is_file():
        print(f"没有可用的备份：{args.backup or paths.backups}", file=sys.stderr)
        return 1
    try:
        lock: InstanceLock | contextlib.nullcontext[None] = InstanceLock.acquire(paths.home)
    except LockHeld as held:
        print(f"{held}。请先退出快答（托盘 → 退出）再恢复，否则它会继续写入被换下的文件。没有恢复。", file=sys.stderr)
        return 1
    except OSError as error:  # no lock to be had here (a network drive without locks): as before, trust the user
        print(f"无法锁定数据文件夹（{error}）。请确认快答已经退出。", file=sys.stderr)
        lock = contextlib.nullcontext()
    with lock:  # held while the files are swapped: a window started meanwhile is told the folder is busy
        return _restore(args, paths, backup)


def _restore(args: argparse.Namespace, paths: Paths, backup: Path) -> int:
    if paths.database.exists() and not args.force:
        try:
            open_store(paths.database, backup_dir=None).close()
        except NewerStoreError as error:
            print(f"{error}（如确需恢复旧备份，请加 --force）", file=sys.stderr)
            return 1
        except StoreError:
            pass  # damaged: this is what restoring is for
        else:
            print("数据库完好，没有恢复。若确实要回到备份（会丢失备份之后的改动），请加 --force。", file=sys.stderr)
            return 1
    kept = restore_backup(backup, paths.database)
    print(f"已用备份 {backup} 恢复数据库 {paths.database}。")
    if kept is not None:
        print(f"原来的文件保留为 {kept}。")
    return 0
