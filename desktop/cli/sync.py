"""`kuaida sync [--folder DIR] [--team-key FILE | --trust FINGERPRINT] [--timeout S]` pulls once; `kuaida sync
status` shows the last outcome. Exit codes: 0 updated/unchanged, 3 offline (also a share that does not answer
within the timeout), 4 rejected, 5 Kuaida too old, 6 key not confirmed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.sync.timed_pull import DEFAULT_TIMEOUT_SECONDS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sync", help="从共享文件夹同步团队短语库；sync status 查看同步状态")
    parser.add_argument("action", nargs="?", choices=["status"], help="status：只显示上次同步的结果")
    parser.add_argument("--folder", metavar="DIR", help="团队共享文件夹（默认：设置中的共享文件夹）")
    trust = parser.add_mutually_exclusive_group()
    trust.add_argument("--team-key", metavar="FILE", help="团队公钥文件 team.pub（信任它）")
    trust.add_argument("--trust", metavar="FINGERPRINT", help="确认并信任指纹为 FINGERPRINT 的团队密钥")
    parser.add_argument("--timeout", metavar="S", type=_positive_seconds, default=DEFAULT_TIMEOUT_SECONDS,
                        help=f"共享文件夹多少秒无响应即视为离线（默认 {DEFAULT_TIMEOUT_SECONDS:g}）")
    parser.set_defaults(handler=run)


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("请给出秒数") from None
    if not 0 < seconds <= 24 * 3600:
        raise argparse.ArgumentTypeError("秒数应在 0 到 86400 之间")
    return seconds


def run(args: argparse.Namespace) -> int:
    from desktop.core.sync.keys import KeyFileError, load_public_key
    from desktop.services.context import open_services
    from desktop.store.team import TeamRepository
    from desktop.sync.pull import apply_outcome
    from desktop.sync.share import team_folder_path
    from desktop.sync.status import SyncState, SyncStatus
    from desktop.sync.timed_pull import pull_within

    services = open_services(args.data_dir)
    try:
        team = TeamRepository(services.store.db)
        folder = Path(args.folder) if args.folder else team_folder_path(services.settings, services.paths)
        if args.action == "status":
            status = SyncStatus.from_json(team.last_status())
            print(status.text())
            print(f"共享文件夹：{folder}")
            pinned = team.pinned_key()
            print(f"信任的团队密钥指纹：{pinned.fingerprint if pinned else '（尚未确认）'}")
            if status.checked_at:
                print(f"上次检查：{status.checked_at.astimezone():%Y-%m-%d %H:%M:%S}")
            return status.exit_code
        configured = services.settings.get("team_key")
        if args.team_key:
            try:
                configured = load_public_key(Path(args.team_key)).text
            except KeyFileError as error:
                print(error)
                return 4
        outcome = pull_within(args.timeout, folder, team.mirror_state(), configured, args.trust or "")
        try:
            status = apply_outcome(team, outcome, dt.datetime.now(dt.UTC))
        finally:
            if outcome.collector_pause is not None:
                outcome.collector_pause.end()
        if args.team_key and status.ok:
            key = team.pinned_key()
            print(f"已信任团队密钥，指纹 {key.fingerprint if key else ''}")
        print(status.text())
        if status.state is SyncState.UNTRUSTED:
            print("请向主管核对上面的指纹，确认无误后运行：kuaida sync --trust \"指纹\"（或用 --team-key team.pub）")
        elif status.reason and not status.ok:
            print(f"原因：{status.reason}")
        return status.exit_code
    finally:
        services.close()
