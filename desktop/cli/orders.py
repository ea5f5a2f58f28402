"""`kuaida orders import FILE` (the back-office export) and `kuaida orders add ORDER_ID --buyer …` (by hand)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from desktop.core.clipboard_ids import platform_of
from desktop.core.orders import (
    CellError,
    Order,
    OrderImportError,
    OrderStatus,
    amount_from_cell,
    order_id_from_cell,
    read_order_file,
    time_from_cell,
)
from desktop.core.reminders import zone_from
from desktop.services.context import open_services
from desktop.services.reminders import add_order, store_orders

MAX_PROBLEMS_SHOWN = 50


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("orders", help="导入订单（催付用）")
    commands = parser.add_subparsers(dest="orders_command", metavar="ACTION", required=True)
    importing = commands.add_parser("import", help="导入卖家后台导出的订单表（CSV 或 xlsx）")
    importing.add_argument("file", metavar="FILE")
    importing.set_defaults(handler=run_import)
    adding = commands.add_parser("add", help="手动添加一笔待付款订单")
    adding.add_argument("order_id", metavar="ORDER_ID")
    adding.add_argument("--buyer", required=True, help="买家会员名")
    adding.add_argument("--amount", help="金额")
    adding.add_argument("--title", default="", help="宝贝标题")
    adding.add_argument("--time", help="下单时间（默认：现在），如 2024-11-23 10:15")
    adding.add_argument("--platform", default="", help="平台：taobao / jd / pdd …（默认按订单号判断）")
    adding.set_defaults(handler=run_add)


def run_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    services = open_services(args.data_dir)
    try:
        zone = zone_from(services.settings.get)
        try:
            result = read_order_file(Path(args.file), zone)
        except OrderImportError as error:
            print(f"无法导入：{error}", file=sys.stderr)
            return 1
        summary = store_orders(services, zone, result, dt.datetime.now(zone)).summary
        print(f"读取 {result.rows} 行：{summary.describe()}")
        if result.duplicates:
            print(f"文件中有 {result.duplicates} 行订单编号重复，以最后一行为准")
        for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
            print(f"第 {problem.row} 行已跳过：{problem.message}", file=sys.stderr)
        if len(result.problems) > MAX_PROBLEMS_SHOWN:
            print(f"……另有 {len(result.problems) - MAX_PROBLEMS_SHOWN} 行有问题", file=sys.stderr)
        return 0
    finally:
        services.close()


def run_add(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        zone = zone_from(services.settings.get)
        now = dt.datetime.now(zone).replace(microsecond=0)
        try:
            order_id = order_id_from_cell(args.order_id)
            created = time_from_cell(args.time, zone) if args.time else now
            amount = amount_from_cell(args.amount)
        except CellError as error:
            print(f"无法添加：{error}", file=sys.stderr)
            return 1
        buyer = args.buyer.strip()
        if not buyer:
            print("无法添加：买家会员名为空", file=sys.stderr)
            return 1
        order = Order(order_id, buyer, OrderStatus.AWAITING_PAYMENT, created, amount, args.title.strip(),
                      args.platform.strip().lower() or platform_of(order_id))
        summary = add_order(services, zone, order, now).summary
        print(f"已加入催付：{order_id}（{buyer}）" if summary.added else f"已更新订单 {order_id}")
        return 0
    finally:
        services.close()
