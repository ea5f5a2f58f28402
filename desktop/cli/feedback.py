"""`kuaida feedback add/list/share/team/mark/departments`: what buyers said that belongs to another department
(意见反馈). Exit codes: 0 done, 2 bad input, 3 the team folder is offline."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from desktop.core.feedback import FeedbackError, FeedbackState
from desktop.core.feedback_report import STATE_LABELS, grouped, summary_html, write_summary_xlsx
from desktop.core.library_io import LibraryFileError, atomic_write
from desktop.services.context import Services, open_services
from desktop.services.feedback import departments, file_feedback, lead_rows, share_now
from desktop.store.feedback import FeedbackRepository
from desktop.sync.feedback import list_shared_feedback
from desktop.sync.folder import ShareOfflineError
from desktop.sync.share import team_folder_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("feedback", help="意见反馈（转给仓储、运营、财务、产品、物流）")
    commands = parser.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="把买家的话记到一个部门名下（保存在本机）")
    add.add_argument("department", help="部门（见 kuaida feedback departments）")
    add.add_argument("text", help="买家的话")
    add.add_argument("--note", default="", help="客服备注")
    add.add_argument("--buyer", default="", help="买家昵称（只保存在本机，从不上传）")
    add.add_argument("--share", action="store_true", help="同时发给组长（去掉电话、地址、姓名后）")
    add.set_defaults(handler=run_add)
    listing = commands.add_parser("list", help="本机记下的反馈")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.set_defaults(handler=run_list)
    share = commands.add_parser("share", help="把一条本机反馈发给组长（去掉电话、地址、姓名后）")
    share.add_argument("id", type=int, help="kuaida feedback list 中的编号")
    share.set_defaults(handler=run_share)
    team = commands.add_parser("team", help="组长：团队的反馈，按部门和周分组")
    team.add_argument("--export", metavar="FILE", help="导出汇总：.xlsx（每个部门一页）或 .html（可打印）")
    team.set_defaults(handler=run_team)
    mark = commands.add_parser("mark", help="组长：标记一条团队反馈已转交或已答复")
    mark.add_argument("id", help="kuaida feedback team 中的编号")
    mark.add_argument("state", choices=[state.value for state in FeedbackState], help="new / handed_over / answered")
    mark.set_defaults(handler=run_mark)
    names = commands.add_parser("departments", help="可选的部门")
    names.set_defaults(handler=run_departments)
    for sub in (add, share, team):
        sub.add_argument("--folder", metavar="DIR", help="团队共享文件夹（默认：设置中的共享文件夹）")


def _folder(args: argparse.Namespace, services: Services) -> Path:
    return Path(args.folder) if args.folder else team_folder_path(services.settings, services.paths)


def run_add(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        now = dt.datetime.now(dt.UTC)
        item = file_feedback(services, args.department, args.text, args.note, args.buyer, now)
        print(f"已记下反馈 #{item.id}（{item.department}）")
        if args.share:
            share_now(services, _folder(args, services), item.id, now)
            print("已发给组长（电话、地址、姓名已去掉）")
        return 0
    except FeedbackError as error:
        print(f"kuaida: {error}", file=sys.stderr)
        return 2
    except ShareOfflineError as error:
        print(f"kuaida: 团队文件夹不可用，反馈只保存在本机：{error}", file=sys.stderr)
        return 3
    finally:
        services.close()


def run_list(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        items = FeedbackRepository(services.store.db).all()
    finally:
        services.close()
    if args.json:
        print(json.dumps([{"id": i.id, "department": i.department, "text": i.text, "note": i.note, "buyer": i.buyer,
                           "created_at": i.created_at.isoformat(),
                           "shared_at": i.shared_at.isoformat() if i.shared_at else None} for i in items],
                         ensure_ascii=False, indent=1))
        return 0
    if not items:
        print("没有记下的反馈")
    for item in items:
        shared = "已发给组长" if item.shared_at else "仅本机"
        print(f"#{item.id}  {item.created_at.astimezone():%m-%d %H:%M}  {item.department}  {shared}  {item.text}")
    return 0


def run_share(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        share_now(services, _folder(args, services), args.id, dt.datetime.now(dt.UTC))
    except KeyError:
        print(f"kuaida: 没有编号为 {args.id} 的反馈", file=sys.stderr)
        return 2
    except ShareOfflineError as error:
        print(f"kuaida: 团队文件夹不可用：{error}", file=sys.stderr)
        return 3
    finally:
        services.close()
    print("已发给组长（电话、地址、姓名已去掉）")
    return 0


def run_team(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        shared, skipped = list_shared_feedback(_folder(args, services))
        groups = grouped(lead_rows(services, shared))
    finally:
        services.close()
    if args.export:
        target = Path(args.export)
        try:
            if target.suffix.lower() == ".xlsx":
                write_summary_xlsx(target, groups)
            else:
                page = summary_html(groups, "意见反馈汇总", dt.date.today()).encode("utf-8")
                atomic_write(target, lambda partial: partial.write_bytes(page))
        except LibraryFileError as error:
            print(f"kuaida: {error}", file=sys.stderr)
            return 2
        print(f"已导出：{target}")
        return 0
    if not groups:
        print("团队文件夹里没有反馈")
    for department, weeks in groups.items():
        print(f"【{department}】")
        for week, rows in weeks.items():
            print(f"  {week:%m-%d} 这一周")
            for row in rows:
                print(f"    {row.id}  {row.day:%m-%d}  {STATE_LABELS[row.state]}  {row.text}  —{row.agent}")
    if skipped:
        print(f"（{skipped} 个文件无法读取，已跳过）")
    return 0


def run_mark(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        FeedbackRepository(services.store.db).set_review_state(args.id, FeedbackState(args.state),
                                                                dt.datetime.now(dt.UTC))
    finally:
        services.close()
    print(f"{args.id}：{STATE_LABELS[FeedbackState(args.state)]}")
    return 0


def run_departments(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        print("\n".join(departments(services)))
    finally:
        services.close()
    return 0
