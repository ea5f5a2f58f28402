"""The back-office order export: encodings, xlsx, exact order numbers, bad rows, duplicates, 10,000 rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zoneinfo
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.core.orders import (
    CellError,
    OrderImportError,
    OrderStatus,
    amount_from_cell,
    order_id_from_cell,
    orders_from_rows,
    read_order_file,
    status_from_label,
)

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
HEADER = ["订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家实际支付金额", "订单状态", "订单创建时间",
          "订单付款时间", "宝贝标题", "宝贝种类", "收货人姓名"]


def export_rows(count: int = 3) -> list[list[str]]:
    """Rows the way Taobao's export writes them: ="…" around order numbers, 0 paid for unpaid orders.
    (The step of 1010 never yields a number ending in 0000, which the importer takes for an Excel-rounded one.)"""
    statuses = ["等待买家付款", "买家已付款，等待卖家发货", "交易关闭", "卖家已发货，等待买家确认", "交易成功"]
    rows = [HEADER]
    for i in range(count):
        status = statuses[i % len(statuses)]
        paid = "" if status in ("等待买家付款", "交易关闭") else f"2024-11-23 09:{i % 60:02d}:00"
        rows.append([
            f'="{3561234567890123456 + i * 1010}"', f"买家{i:05d}", "***", "128.00",
            "0.00" if not paid else "128.00", status, f"2024-11-23 08:{i % 60:02d}:{i % 60:02d}", paid,
            f"秋冬加厚羊毛围巾女 款{i}", "1", "张*",
        ])
    return rows


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_reads_csv_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_bytes(csv_bytes(export_rows(5), encoding))
    result = read_order_file(path, SHANGHAI)
    assert result.problems == []
    first = result.orders[0]
    assert first.order_id == "3561234567890123456"
    assert first.buyer == "买家00000"
    assert first.status is OrderStatus.AWAITING_PAYMENT
    assert first.amount == Decimal("128.00")  # 实际支付 is 0 while unpaid: the amount owed is used
    assert first.created_at == dt.datetime(2024, 11, 23, 8, 0, 0, tzinfo=SHANGHAI)
    assert first.title.startswith("秋冬加厚")
    assert first.platform == "taobao"
    assert [o.status for o in result.orders] == [OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID,
                                                 OrderStatus.CLOSED, OrderStatus.PAID, OrderStatus.PAID]
    assert result.orders[1].paid_at == dt.datetime(2024, 11, 23, 9, 1, tzinfo=SHANGHAI)


def test_reads_xlsx_with_numbers_text_and_dates(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["订单编号", "买家会员名", "总金额", "订单状态", "订单创建时间", "宝贝标题", "备注"])
    sheet.append(["3561234567890123456", "tb_one", 99.9, "等待买家付款", dt.datetime(2024, 11, 23, 10, 0), "杯子", "x"])
    sheet.append([285123456789, "jd_buyer", "59", "交易成功", "2024/11/23 11:00", "", ""])
    sheet.append([3.56123456789012e18, "lost_digits", 10, "等待买家付款", "2024-11-23 12:00:00", "", ""])
    path = tmp_path / "orders.xlsx"
    book.save(path)
    result = read_order_file(path, SHANGHAI)
    assert [o.order_id for o in result.orders] == ["3561234567890123456", "285123456789"]
    assert result.orders[0].amount == Decimal("99.90")
    assert result.orders[1].platform == "jd"
    assert len(result.problems) == 1 and result.problems[0].row == 4
    assert "Excel" in result.problems[0].message


@pytest.mark.parametrize(
    ("cell", "expected"),
    [('="3561234567890123456"', "3561234567890123456"), ("'3561234567890123456", "3561234567890123456"),
     ("\t3561234567890123456", "3561234567890123456"), (285123456789, "285123456789"),
     (285123456789.0, "285123456789"), ("231123-123456789012345", "231123-123456789012345")],
)
def test_order_numbers_stay_exact(cell: object, expected: str) -> None:
    assert order_id_from_cell(cell) == expected


@pytest.mark.parametrize("cell", ["3.56123E+18", "3.56123456789012e+18", 3.561234567890123e18, "", None, "订单?"])
def test_mangled_order_numbers_are_rejected(cell: object) -> None:
    with pytest.raises(CellError):
        order_id_from_cell(cell)


def test_scientific_notation_row_is_reported_not_guessed() -> None:
    rows = [HEADER, *export_rows(2)[1:]]
    rows[2][0] = "3.56123E+18"
    result = orders_from_rows(rows, SHANGHAI)
    assert len(result.orders) == 1
    assert result.problems[0].row == 3 and "科学计数法" in result.problems[0].message


def test_bad_dates_amounts_and_statuses_skip_their_rows_by_number() -> None:
    rows = export_rows(4)
    rows[1][6] = "昨天下午"
    rows[2][3] = "一百"
    rows[2][4] = "一百"
    rows[3][5] = "神秘状态"
    result = orders_from_rows(rows, SHANGHAI)
    assert [p.row for p in result.problems] == [2, 3, 4]
    assert "时间" in result.problems[0].message
    assert "金额" in result.problems[1].message
    assert "订单状态" in result.problems[2].message
    assert len(result.orders) == 1


def test_missing_required_columns_are_named() -> None:
    with pytest.raises(OrderImportError, match="买家会员名、订单创建时间"):
        orders_from_rows([["订单编号", "订单状态", "宝贝标题"], ["1", "交易成功", "x"]], SHANGHAI)


def test_missing_optional_columns_and_extra_ones_are_fine() -> None:
    rows = [["备注", "订单编号", "买家会员名", "订单状态", "订单创建时间"],
            ["", "3561234567890123456", "tb", "等待买家付款", "2024-11-23 08:00"]]
    (order,) = orders_from_rows(rows, SHANGHAI).orders
    assert order.amount is None and order.title == ""


def test_duplicates_keep_the_last_row() -> None:
    rows = export_rows(2)
    rows.append(list(rows[1]))
    rows[-1][5] = "交易成功"
    result = orders_from_rows(rows, SHANGHAI)
    assert result.duplicates == 1
    assert len(result.orders) == 2
    assert result.orders[0].status is OrderStatus.PAID


def test_undecodable_and_empty_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(OrderImportError, match="空"):
        read_order_file(empty, SHANGHAI)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(OrderImportError, match="xlsx"):
        read_order_file(old, SHANGHAI)


def test_ten_thousand_rows_in_gbk(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes(export_rows(10_000), "gbk"))
    result = read_order_file(path, SHANGHAI)
    assert result.rows == 10_000 and len(result.orders) == 10_000 and result.problems == []
    assert len({o.order_id for o in result.orders}) == 10_000


def test_status_labels() -> None:
    assert status_from_label("买家已付款，等待卖家发货") is OrderStatus.PAID
    assert status_from_label("待付款") is OrderStatus.AWAITING_PAYMENT
    assert status_from_label("交易关闭") is OrderStatus.CLOSED
    assert status_from_label("退款中") is None


def test_wall_time_skipped_by_dst_moves_forward() -> None:
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    rows = [["订单编号", "买家会员名", "订单状态", "订单创建时间"],
            ["1234567890", "b", "等待买家付款", "2024-03-31 02:30"]]
    (order,) = orders_from_rows(rows, berlin).orders
    assert order.created_at.utcoffset() == dt.timedelta(hours=2)
    assert order.created_at.hour == 3


def test_absurd_amounts_and_far_dates_skip_their_rows_not_the_import(tmp_path: Path) -> None:
    """Issue 11 #15: an amount of 1e30 raised InvalidOperation out of the whole import; a row dated 9999-12-31
    was accepted and later broke the 催付 list. Both are skipped by row number, in CSV and in xlsx cells."""
    rows = export_rows(5)
    rows[1][3] = rows[1][4] = "1e30"
    rows[2][6] = "9999-12-31 23:59:59"
    rows[3][6] = "1900-01-01 00:00:00"
    result = orders_from_rows(rows, SHANGHAI)
    assert [p.row for p in result.problems] == [2, 3, 4]
    assert "金额" in result.problems[0].message and "过大" in result.problems[0].message
    assert all("2000–2099" in p.message for p in result.problems[1:])
    assert len(result.orders) == 2

    book = openpyxl.Workbook()
    sheet = book.active
    ordered = dt.datetime(2024, 11, 23, 8)
    sheet.append(HEADER)
    sheet.append(["3561234567890123456", "甲", "***", 1e30, 1e30, "等待买家付款", ordered, "", "t"])
    sheet.append(["3561234567890124466", "乙", "***", 5, 5, "等待买家付款", dt.datetime(9999, 12, 31), "", "t"])
    sheet.append(["3561234567890125476", "丙", "***", 5, 5, "等待买家付款", ordered, "", "t"])
    book.save(tmp_path / "orders.xlsx")
    from_xlsx = read_order_file(tmp_path / "orders.xlsx", SHANGHAI)
    assert [p.row for p in from_xlsx.problems] == [2, 3]
    assert [o.buyer for o in from_xlsx.orders] == ["丙"]


@pytest.mark.parametrize("text", ["1e30", "99999999999", "NaN", "-1"])
def test_amount_cells_out_of_range_are_cell_errors(text: str) -> None:
    with pytest.raises(CellError):
        amount_from_cell(text)
