"""`kuaida adoption [--by day|phrase|agent|team-phrase|all] [--days N] [--csv FILE]`: 生成率 and 采纳率 with the
market's definitions (`desktop.core.adoption`), from this PC's counts or, with `--by agent` / `--by
team-phrase`, the team's stats files."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

from desktop.core.adoption import REPORT_HEADER, Figures, report_rows, total
from desktop.core.formula_guard import neutralised_rows
from desktop.services.context import open_services
from desktop.store.adoption import AdoptionRepository


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("adoption", help="推荐的生成率与采纳率（按天、短语或客服）")
    parser.add_argument("--by", choices=("day", "phrase", "agent", "team-phrase", "all"), default="day",
                        help="按天（默认）、按短语、合计；按客服或团队短语时读共享文件夹里各客服的统计")
    parser.add_argument("--days", type=int, default=30, metavar="N", help="最近 N 天（默认 30）")
    parser.add_argument("--folder", metavar="DIR", help="团队共享文件夹（--by agent 时；默认：设置中的共享文件夹）")
    parser.add_argument("--csv", metavar="FILE", help="写入 CSV 文件（UTF-8 带 BOM，Excel 可直接打开）")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    since = dt.date.today() - dt.timedelta(days=max(args.days, 1) - 1)
    services = open_services(args.data_dir)
    try:
        if args.by in ("agent", "team-phrase"):
            from desktop.sync.share import team_folder_path
            from desktop.sync.usage import read_team_usage

            folder = Path(args.folder) if args.folder else team_folder_path(services.settings, services.paths)
            usage = read_team_usage(folder, since=since)
            figures = (by_agent(usage.adoption_by_agent) if args.by == "agent"
                       else total(usage.adoption_by_phrase, "phrase"))
            if usage.skipped_files:
                print(f"有 {usage.skipped_files} 个统计文件不可信，未计入", file=sys.stderr)
        else:
            figures = total(AdoptionRepository(services.store.db).counts(since), args.by)
    finally:
        services.close()
    rows = [REPORT_HEADER, *report_rows(figures)]
    if args.csv:
        with Path(args.csv).open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(neutralised_rows(rows))
        print(f"已写入 {args.csv}（{len(figures)} 行）")
        return 0
    if not figures:
        print("还没有采纳数据（复制买家消息并粘贴推荐后才会计数）")
        return 0
    csv.writer(sys.stdout).writerows(neutralised_rows(rows))
    return 0


def by_agent(rows: list[tuple[str, str, str, int]]) -> list[Figures]:
    """The team's (day, agent, outcome, count) rows summed per agent."""
    return total(((agent, "", outcome, count) for _day, agent, outcome, count in rows), "day")
