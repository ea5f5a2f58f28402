"""Import 10,000 orders from a GBK CSV and from an xlsx export into a fresh on-disk store, then re-import.

Run by hand: `.venv/bin/python bench/orders_import.py [ROWS]`. Target: 10,000 orders ≤ 2 s (read + store).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import tempfile
import time
import zoneinfo
from pathlib import Path

import openpyxl

from desktop.core.orders import read_order_file
from desktop.core.tabular import read_table
from desktop.store.database import open_store
from desktop.store.orders import OrderRepository

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
HEADER = ["订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家实际支付金额", "订单状态", "订单创建时间",
          "订单付款时间", "宝贝标题", "宝贝种类", "收货人姓名", "收货地址", "联系手机", "订单备注"]
STATUSES = ["等待买家付款", "买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易成功", "交易关闭"]


def rows(count: int) -> list[list[str]]:
    out = []
    start = dt.datetime(2024, 11, 20, 0, 0)
    for i in range(count):
        status = STATUSES[i % len(STATUSES)]
        created = start + dt.timedelta(minutes=i)
        paid_at = created + dt.timedelta(minutes=5)
        paid = "" if status in ("等待买家付款", "交易关闭") else f"{paid_at:%Y-%m-%d %H:%M:%S}"
        out.append([f'="{3561234567890123456 + i * 1010}"', f"买家昵称{i:06d}", "***", "128.00",
                    "0.00" if not paid else "128.00", status, f"{created:%Y-%m-%d %H:%M:%S}", paid,
                    f"秋冬加厚羊毛围巾女 韩版百搭 款{i % 40}", "1", "张*", "浙江省杭州市***", "138****5678", ""])
    return out


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label:<46} {time.perf_counter() - started:6.3f} s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = rows(count)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        csv_path = base / "orders.csv"
        buffer = io.StringIO()
        csv.writer(buffer).writerows([HEADER, *data])
        csv_path.write_bytes(buffer.getvalue().encode("gbk"))
        xlsx_path = base / "orders.xlsx"
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(HEADER)
        for row in data:
            sheet.append([row[0][2:-1], *row[1:]])
        book.save(xlsx_path)
        # The same with order numbers as numeric cells (openpyxl writes them as 16-digit floats, 3.5…e+18):
        # more than Excel's 15 digits, so the reader reads this file again with openpyxl, the slow path.
        numbers_path = base / "orders-numeric-ids.xlsx"
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(HEADER)
        for row in data:
            sheet.append([int(row[0][2:-1]), *row[1:]])
        book.save(numbers_path)

        for path in (csv_path, xlsx_path, numbers_path):
            measure(path, base / f"{path.suffix[1:]}.sqlite3", count)


def measure(path: Path, database: Path, count: int) -> None:
    store = open_store(database)
    repo = OrderRepository(store.db, ZONE)
    now = dt.datetime.now(ZONE)
    timed(f"table reader alone ({path.name})", lambda: read_table(path, header_contains=("订单编号",)))
    started = time.perf_counter()
    parsed = timed(f"read + map {count} rows ({path.name})", lambda: read_order_file(path, ZONE))
    summary = timed("store (fresh)", lambda: repo.apply_import(parsed.orders, now))
    print(f"{'total first import':<46} {time.perf_counter() - started:6.3f} s   ({summary.describe()})")
    timed("re-import (read + store)", lambda: repo.apply_import(read_order_file(path, ZONE).orders, now))
    store.close()


if __name__ == "__main__":
    main()
