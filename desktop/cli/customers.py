"""`kuaida customers list [--starred] [--search Q] [--json]`: the customers the agent flagged or chased."""

from __future__ import annotations

import argparse
import json

from desktop.core.customers import STAR_LABELS, Customer
from desktop.core.reminders import zone_from
from desktop.services.context import open_services
from desktop.services.customers import list_customers


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("customers", help="客户（亮星、标签、备注）")
    commands = parser.add_subparsers(dest="customers_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="列出客户")
    listing.add_argument("--starred", action="store_true", help="只列出亮星的客户")
    listing.add_argument("--search", default="", metavar="Q", help="按昵称、标签、备注筛选")
    listing.add_argument("--json", action="store_true", help="输出 JSON 数组")
    listing.set_defaults(handler=run_list)


def as_json(customer: Customer, open_promises: int) -> dict[str, object]:
    return {
        "nickname": customer.nickname,
        "star": customer.star.value if customer.star else None,
        "tags": list(customer.tags),
        "note": customer.note,
        "open_promises": open_promises,
        "updated_at": customer.updated_at.isoformat() if customer.updated_at else None,
    }


def run_list(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        listing = list_customers(services, zone_from(services.settings.get), starred_only=args.starred,
                                 search=args.search)
        if args.json:
            print(json.dumps([as_json(row.customer, row.open_promises) for row in listing], ensure_ascii=False,
                             indent=1))
            return 0
        if not listing:
            print("没有客户记录")
        for row in listing:
            c = row.customer
            star = STAR_LABELS[c.star] if c.star else "—"
            extra = f"  待办承诺 {row.open_promises}" if row.open_promises else ""
            print(f"{c.nickname}  {star}  {' '.join(c.tags)}  {c.note}{extra}".rstrip())
        return 0
    finally:
        services.close()
