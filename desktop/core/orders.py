"""Orders from the seller back-office export: the order model, its column mapping and its status mapping.

`read_order_file(path, zone)` reads a CSV (UTF-8, UTF-8 with BOM or GBK, detected) or .xlsx export through
the shared table reader (desktop.core.tabular) and returns the orders plus, per bad row, its spreadsheet row
number and why it was skipped. Order numbers stay exact strings: a number Excel turned into scientific
notation or rounded to 15 digits cannot be recovered, so such a row is rejected with a message, not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path

from desktop.core.clipboard_ids import platform_of
from desktop.core.tabular import Row, Table, TabularError, read_table


class OrderStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Order:
    order_id: str
    buyer: str
    status: OrderStatus
    created_at: dt.datetime  # timezone-aware
    amount: Decimal | None = None
    title: str = ""
    platform: str = ""
    paid_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int  # as the spreadsheet shows it: the header is row 1
    message: str


@dataclass
class OrderFile:
    orders: list[Order] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    duplicates: int = 0  # rows repeating an order number already seen in the file (the last one wins)
    rows: int = 0


class OrderImportError(ValueError):
    """The file cannot be imported at all (unreadable, or a required column is missing)."""


# Column names as the back-offices export them; the first present one is used.
ORDER_ID_COLUMNS = ("订单编号", "订单号", "主订单编号", "订单ID")
BUYER_COLUMNS = ("买家会员名", "买家昵称", "买家账号", "买家用户名", "用户昵称")
STATUS_COLUMNS = ("订单状态", "交易状态")
CREATED_COLUMNS = ("订单创建时间", "下单时间", "创建时间", "订单提交时间")
# Unpaid orders show 0 in 买家实际支付金额, so the first non-zero of these is the amount the buyer owes.
AMOUNT_COLUMNS = ("买家实际支付金额", "实付金额", "买家应付货款", "总金额", "订单金额", "商品总价", "应付金额")
TITLE_COLUMNS = ("宝贝标题", "商品标题", "商品名称", "宝贝名称")
PAID_COLUMNS = ("订单付款时间", "付款时间", "支付时间")
PLATFORM_COLUMNS = ("平台", "来源平台")
REQUIRED = {"订单编号": ORDER_ID_COLUMNS, "买家会员名": BUYER_COLUMNS, "订单状态": STATUS_COLUMNS,
            "订单创建时间": CREATED_COLUMNS}

# Status labels differ per platform and per back-office version; the prefix decides.
_STATUS_PREFIXES: tuple[tuple[str, OrderStatus], ...] = (
    ("等待买家付款", OrderStatus.AWAITING_PAYMENT),
    ("待付款", OrderStatus.AWAITING_PAYMENT),
    ("未付款", OrderStatus.AWAITING_PAYMENT),
    ("买家已付款", OrderStatus.PAID),
    ("等待卖家发货", OrderStatus.PAID),
    ("卖家已发货", OrderStatus.PAID),
    ("等待买家确认", OrderStatus.PAID),
    ("交易成功", OrderStatus.PAID),
    ("交易完成", OrderStatus.PAID),
    ("已付款", OrderStatus.PAID),
    ("待发货", OrderStatus.PAID),
    ("已发货", OrderStatus.PAID),
    ("待收货", OrderStatus.PAID),
    ("已签收", OrderStatus.PAID),
    ("已完成", OrderStatus.PAID),
    ("交易关闭", OrderStatus.CLOSED),
    ("已关闭", OrderStatus.CLOSED),
    ("已取消", OrderStatus.CLOSED),
    ("交易取消", OrderStatus.CLOSED),
)


def status_from_label(label: str) -> OrderStatus | None:
    label = label.strip()
    for prefix, status in _STATUS_PREFIXES:
        if label.startswith(prefix):
            return status
    return None


# --- exact cell values -----------------------------------------------------------------------------------

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_EXCEL_FORMULA_TEXT = re.compile(r'^="(.*)"$')
_ORDER_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]*$")
# Excel keeps 15 significant digits: a longer number stored as a number has already lost its tail.
_EXCEL_DIGITS = 15


class CellError(ValueError):
    pass


def order_id_from_cell(value: object) -> str:
    """The exact order number in a cell, or CellError when it was mangled (scientific notation, float)."""
    if isinstance(value, bool) or value is None:
        raise CellError("订单编号为空")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 10**_EXCEL_DIGITS:
            return str(int(value))
        raise CellError("订单编号被 Excel 存成了数字，末尾几位已丢失；请把该列设为文本后重新导出")
    text = str(value).strip().replace("\t", "")
    if m := _EXCEL_FORMULA_TEXT.match(text):  # ="123…": the back-office's trick to keep Excel off the digits
        text = m.group(1).strip()
    text = text.lstrip("'`").strip()
    if not text:
        raise CellError("订单编号为空")
    if _SCIENTIFIC.match(text):
        raise CellError(f"订单编号“{text}”是科学计数法（文件经 Excel 另存过），无法还原；请导入后台导出的原始文件")
    if _rounded_by_excel(text):
        raise CellError(f"订单编号“{text}”末尾几位是 0，像是被 Excel 当成数字截断了；请把该列设为文本后重新导出")
    if not _ORDER_ID.match(text):
        raise CellError(f"订单编号“{text[:30]}”格式不对")
    return text


def _rounded_by_excel(text: str) -> bool:
    """Excel keeps 15 significant digits and pads the rest with zeros. A real order number ends in four or
    more zeros about once in 10,000 orders; rejecting that one with a clear message beats storing a wrong one."""
    return text.isdigit() and len(text) >= _EXCEL_DIGITS + 4 and set(text[_EXCEL_DIGITS:]) == {"0"}


# No single order costs a hundred million yuan; a bigger number is a broken cell (1e30), not an amount.
MAX_AMOUNT = Decimal("99999999.99")
# Order times outside these years are broken cells (9999-12-31); inside them, deadline arithmetic never
# leaves the range a datetime can hold.
FIRST_ORDER_YEAR, LAST_ORDER_YEAR = 2000, 2099


def amount_from_cell(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("金额不是数字")
    shown = str(value)[:20]
    if isinstance(value, int | float):
        text = str(value)
    else:
        text = str(value).strip().replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise CellError(f"金额“{shown}”不是数字") from None
    if not amount.is_finite() or amount < 0:
        raise CellError(f"金额“{shown}”不是有效金额")
    if amount > MAX_AMOUNT:
        raise CellError(f"金额“{shown}”过大，不像是一笔订单的金额")
    return amount.quantize(Decimal("0.01"))


_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
                 "%Y-%m-%dT%H:%M:%S", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y-%m-%d", "%Y/%m/%d")


def time_from_cell(value: object, zone: dt.tzinfo) -> dt.datetime:
    """An export's local wall-clock time, in the shop's zone (exports carry no offset)."""
    if isinstance(value, dt.datetime):
        naive = value
    elif isinstance(value, dt.date):
        naive = dt.datetime.combine(value, dt.time())
    else:
        text = str(value or "").strip()
        if not text:
            raise CellError("时间为空")
        for fmt in _TIME_FORMATS:
            try:
                naive = dt.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            raise CellError(f"时间“{text[:25]}”无法识别")
    if not FIRST_ORDER_YEAR <= naive.year <= LAST_ORDER_YEAR:
        raise CellError(f"时间“{str(value)[:25]}”不在 {FIRST_ORDER_YEAR}–{LAST_ORDER_YEAR} 年之间")
    if naive.tzinfo is not None:
        return naive
    return localize(naive, zone)


def localize(naive: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """Attach `zone`; a wall time that a DST jump skipped moves forward, as clocks do."""
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(dt.UTC).astimezone(zone)


# --- reading the file --------------------------------------------------------------------------------------

def read_order_table(path: Path) -> Table:
    """The export as exact strings (shared reader); the header is the row holding 订单编号 when there is one."""
    try:
        return read_table(path, header_contains=("订单编号",))
    except TabularError as first:
        try:  # another back-office's names (订单号 …): take the first row and let the mapping name what is missing
            return read_table(path)
        except TabularError:
            raise OrderImportError(str(first)) from first


# --- mapping rows to orders --------------------------------------------------------------------------------

def _column(header: Sequence[str], names: Iterable[str]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def orders_from_table(table: Table, zone: dt.tzinfo) -> OrderFile:
    """Map an export to orders; a bad row is reported by its row number and skipped."""
    header = table.headers
    missing = [name for name, names in REQUIRED.items() if _column(header, names) is None]
    if missing:
        raise OrderImportError(f"缺少必需的列：{'、'.join(missing)}（第 {table.header_row} 行应为表头）")
    order_col = _column(header, ORDER_ID_COLUMNS)
    buyer_col = _column(header, BUYER_COLUMNS)
    status_col = _column(header, STATUS_COLUMNS)
    created_col = _column(header, CREATED_COLUMNS)
    amount_cols = [header.index(n) for n in AMOUNT_COLUMNS if n in header]
    title_col = _column(header, TITLE_COLUMNS)
    paid_col = _column(header, PAID_COLUMNS)
    platform_col = _column(header, PLATFORM_COLUMNS)

    result = OrderFile()
    by_id: dict[str, Order] = {}
    for row in table.rows:
        result.rows += 1
        try:
            order_id = order_id_from_cell(row.get(order_col))
            buyer = row.get(buyer_col).strip()
            if not buyer:
                raise CellError("买家会员名为空")
            label = row.get(status_col).strip()
            status = status_from_label(label)
            if status is None:
                raise CellError(f"订单状态“{label[:20]}”无法识别")
            created = time_from_cell(row.get(created_col), zone)
            amounts = [amount_from_cell(row.get(c)) for c in amount_cols]
            amount = next((a for a in amounts if a), next((a for a in amounts if a is not None), None))
            paid_text = row.get(paid_col).strip()
            paid_at = time_from_cell(paid_text, zone) if paid_text else None
        except CellError as error:
            result.problems.append(RowProblem(row.number, str(error)))
            continue
        platform = row.get(platform_col).strip().lower() or platform_of(order_id)
        order = Order(order_id, buyer, status, created, amount, row.get(title_col).strip(), platform, paid_at)
        if order_id in by_id:
            result.duplicates += 1
        by_id[order_id] = order
    result.orders = list(by_id.values())
    return result


def orders_from_rows(rows: Sequence[Sequence[str]], zone: dt.tzinfo) -> OrderFile:
    """The same from rows already in memory (header first), numbered as a sheet would number them."""
    if not rows:
        raise OrderImportError("文件是空的")
    table = Table(tuple(rows[0]), tuple(Row(i, tuple(r)) for i, r in enumerate(rows[1:], start=2)), "memory")
    return orders_from_table(table, zone)


def read_order_file(path: Path, zone: dt.tzinfo) -> OrderFile:
    return orders_from_table(read_order_table(path), zone)


def format_amount(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:.2f}"
