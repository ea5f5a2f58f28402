"""`kuaida lost add BUYER REASON [--note N]`, `kuaida lost report [--days N] [--json]`, `kuaida lost reasons`:
why buyers did not buy (未成交原因)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from desktop.core.lost_sales import LostSaleError
from desktop.services.context import open_services
from desktop.services.lost_sales import lost_sale_report, reasons, record_lost_sale


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("lost", help="未成交原因（买家为什么没买）")
    commands = parser.add_subparsers(dest="lost_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="记录一位买家今天没买的原因")
    add.add_argument("buyer", help="买家昵称")
    add.add_argument("reason", help="原因（见 kuaida lost reasons）")
    add.add_argument("--note", default="", help="备注（只保存在本机）")
    add.set_defaults(handler=run_add)
    report = commands.add_parser("report", help="各原因的人数")
    report.add_argument("--days", type=int, default=7, help="统计最近几天（默认 7）")
    report.add_argument("--json", action="store_true", help="输出 JSON")
    report.set_defaults(handler=run_report)
    listing = commands.add_parser("reasons", help="可选的原因")
    listing.set_defaults(handler=run_reasons)


def run_add(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        sale = record_lost_sale(services, args.buyer, args.reason, args.note, dt.datetime.now(dt.UTC))
    except LostSaleError as error:
        print(f"kuaida: {error}", file=sys.stderr)
        return 2
    finally:
        services.close()
    print(f"已记录：{sale.buyer} {sale.day.isoformat()} {sale.reason}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    if not 1 <= args.days <= 90:
        print("kuaida: --days 取 1–90", file=sys.stderr)
        return 2
    services = open_services(args.data_dir)
    try:
        report = lost_sale_report(services, dt.datetime.now(dt.UTC), args.days)
    finally:
        services.close()
    if args.json:
        print(json.dumps({
            "days": report.days, "today": report.today.isoformat(), "buyers": report.buyers,
            "reasons": dict(report.by_reason),
            "by_day": {day.isoformat(): dict(counts) for day, counts in sorted(report.by_day.items())},
        }, ensure_ascii=False, indent=1))
        return 0
    print(f"最近 {report.days} 天未成交 {report.buyers} 人")
    for reason, count in report.by_reason:
        print(f"  {reason}  {count}")
    return 0


def run_reasons(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        print("\n".join(reasons(services)))
    finally:
        services.close()
    return 0
