"""`kuaida reminders list [--json]` (open 催付, soonest auto-close first, with the ladder step, the phrase for it
and the fatigue caps) and `kuaida reminders stats [--by day|step|phrase] [--csv FILE]`."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from desktop.core.orders import format_amount
from desktop.core.reminder_ladder import Advice
from desktop.core.reminders import STATE_LABELS, Reminder, ReminderPolicy, policy_from, zone_from
from desktop.services.context import open_services
from desktop.services.reminders import (
    conversion_table,
    export_conversion,
    load_reminders,
    reminder_advice,
    step_conversion_table,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("reminders", help="催付列表与催付转化")
    commands = parser.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="待催付订单，最先自动关闭的在前")
    listing.add_argument("--json", action="store_true", help="输出 JSON 数组")
    listing.set_defaults(handler=run_list)
    stats = commands.add_parser("stats", help="催付转化：每天（默认）、每个催付步骤或每条短语")
    stats.add_argument("--by", choices=("day", "step", "phrase"), default="day",
                       help="按天（默认）、按催付步骤或按短语（付款记在之前最后一次催付上）")
    stats.add_argument("--csv", metavar="FILE", help="写入 CSV 文件（UTF-8 带 BOM，Excel 可直接打开）")
    stats.set_defaults(handler=run_stats)


def as_json(reminder: Reminder, policy: ReminderPolicy, advice: Advice) -> dict[str, object]:
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
        "step": int(advice.step) if advice.step is not None else None,
        "step_label": advice.label or None,
        "phrase_id": advice.phrase.id if advice.phrase else None,
        "held_back": advice.caps.describe() or None,
    }


def run_list(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        zone = zone_from(services.settings.get)
        policy = policy_from(services.settings.get)
        now = dt.datetime.now(zone)
        snapshot = load_reminders(services, policy, zone, now)  # expires what passed its deadline first
        reminders = policy.by_deadline(snapshot.reminders)
        advice = {r.order_id: reminder_advice(r, snapshot, policy, now, services.settings) for r in reminders}
        if args.json:
            print(json.dumps([as_json(r, policy, advice[r.order_id]) for r in reminders], ensure_ascii=False,
                             indent=1))
            return 0
        if not reminders:
            print("没有待催付的订单")
        for r in reminders:
            nudge, held = policy.next_nudge(r), advice[r.order_id].caps.describe()
            when = "现在" if nudge and nudge <= now else (f"{nudge:%m-%d %H:%M}" if nudge else "—")
            step = f"（{advice[r.order_id].label}）" if advice[r.order_id].label else ""
            held_text = f"  暂不催付：{held}" if held else ""
            print(f"{r.order_id}  {r.buyer}  ¥{format_amount(r.amount) or '?'}  {STATE_LABELS[r.state]}"
                  f"  关闭 {policy.deadline(r):%m-%d %H:%M}  下次催付 {when}{step}{held_text}")
        return 0
    finally:
        services.close()


def run_stats(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        zone = zone_from(services.settings.get)
        if args.csv:
            rows = export_conversion(services, zone, Path(args.csv), args.by)
            print(f"已写入 {args.csv}（{rows} {'天' if args.by == 'day' else '行'}）")
            return 0
        table = conversion_table(services, zone) if args.by == "day" else step_conversion_table(services, zone, args.by)
        csv.writer(sys.stdout).writerows(table)
        return 0
    finally:
        services.close()
