"""`kuaida reminders list [--json]` (open 催付, soonest auto-close first) and `kuaida reminders stats [--csv FILE]`."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from desktop.core.orders import format_amount
from desktop.core.reminders import STATE_LABELS, Reminder, ReminderPolicy, policy_from, zone_from
from desktop.services.context import open_services
from desktop.services.reminders import conversion_table, export_conversion, open_reminders


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("reminders", help="催付列表与催付转化")
    commands = parser.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="待催付订单，最先自动关闭的在前")
    listing.add_argument("--json", action="store_true", help="输出 JSON 数组")
    listing.set_defaults(handler=run_list)
    stats = commands.add_parser("stats", help="每天的催付次数与付款（催付转化）")
    stats.add_argument("--csv", metavar="FILE", help="写入 CSV 文件（UTF-8 带 BOM，Excel 可直接打开）")
    stats.set_defaults(handler=run_stats)


def as_json(reminder: Reminder, policy: ReminderPolicy) -> dict[str, object]:
    nudge = policy.next_nudge(reminder)
    return {
        "order_id": reminder.order_id,
        "buyer": reminder.buyer,
        "amount": format_amount(reminder.amount) or None,  # a string: money stays exact
        "state": reminder.state.value,
        "deadline": policy.deadline(reminder).isoformat(timespec="seconds"),
        "next_nudge": nudge.isoformat(timespec="seconds") if nudge else None,
        "remind_count": reminder.remind_count,
        "platform": reminder.platform,
        "title": reminder.title,
    }


def run_list(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        zone = zone_from(services.settings.get)
        policy = policy_from(services.settings.get)
        now = dt.datetime.now(zone)
        reminders = open_reminders(services, policy, zone, now)
        if args.json:
            print(json.dumps([as_json(r, policy) for r in reminders], ensure_ascii=False, indent=1))
            return 0
        if not reminders:
            print("没有待催付的订单")
        for r in reminders:
            nudge = policy.next_nudge(r)
            when = "现在" if nudge and nudge <= now else (f"{nudge:%m-%d %H:%M}" if nudge else "—")
            print(f"{r.order_id}  {r.buyer}  ¥{format_amount(r.amount) or '?'}  {STATE_LABELS[r.state]}"
                  f"  关闭 {policy.deadline(r):%m-%d %H:%M}  下次催付 {when}")
        return 0
    finally:
        services.close()


def run_stats(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        zone = zone_from(services.settings.get)
        if args.csv:
            days = export_conversion(services, zone, Path(args.csv))
            print(f"已写入 {args.csv}（{days} 天）")
            return 0
        csv.writer(sys.stdout).writerows(conversion_table(services, zone))
        return 0
    finally:
        services.close()
