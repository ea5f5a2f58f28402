"""Reading the spreadsheets shops hand us (.csv in UTF-8, UTF-8 with BOM or GBK, and .xlsx) as plain strings.

One reader for every importer (phrase library, seller back-office order exports): it detects the encoding
and the delimiter itself, keeps every cell an exact string (an order number never becomes 1.23E+18), and
numbers rows as the user sees them in Excel (the first row of the sheet is row 1).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desktop.core.table_limits import TableTooLargeError, check_cell, check_file_size, check_xlsx

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES
# How far down a sheet we look for the header row: some back-office exports put a title above it.
HEADER_SEARCH_ROWS = 20
_DELIMITERS = (",", "\t", ";")
# Excel and many seller back-offices write long numbers as ="123…" so Excel keeps them as text.
_EXCEL_TEXT_LITERAL = re.compile(r'^="(.*)"$', re.DOTALL)


class TabularError(ValueError):
    """The file cannot be read as a table; the message is for the user (Simplified Chinese)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: `number` is the row number Excel shows for it; `cells` line up with the headers."""

    number: int
    cells: tuple[str, ...]

    def get(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]


@dataclass(frozen=True)
class Table:
    """A sheet as strings. `encoding` is what was detected (`utf-8`, `utf-8-sig`, `gb18030`, `utf-16`, `xlsx`)."""

    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str
    header_row: int = 1

    def column(self, name: str) -> int | None:
        """The index of the column called `name`, or None when the sheet has no such column."""
        try:
            return self.headers.index(name)
        except ValueError:
            return None

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """Each row as (row number, {header: cell}); columns without a header are left out."""
        for row in self.rows:
            yield row.number, {h: row.get(i) for i, h in enumerate(self.headers) if h}


def read_table(path: Path | str, *, header_contains: Collection[str] = ()) -> Table:
    """Read `path` (.csv/.txt/.tsv or .xlsx). The header is the first non-empty row, or, when
    `header_contains` names columns, the first row holding all of them (within the first rows).

    Raises `TabularError` with a message for the user when the file is missing, unreadable, cut short
    or lacks the named columns.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise TabularError(f"不支持旧版 Excel 格式（.xls）：{path.name}。请在 Excel 中另存为 .xlsx 或 .csv 后再导入。")
    if suffix not in SUFFIXES:
        raise TabularError(f"不支持的文件类型：{path.name}。请使用 .csv 或 .xlsx 文件。")
    try:
        check_file_size(path.stat().st_size, path.name)
        if suffix in XLSX_SUFFIXES:
            raw_rows, encoding = _read_xlsx(path), "xlsx"
        else:
            raw_rows, encoding = _read_csv(path.read_bytes(), path.name)
        return _to_table(raw_rows, encoding, path.name, header_contains)
    except TableTooLargeError as error:
        raise TabularError(str(error)) from error
    except FileNotFoundError as error:
        raise TabularError(f"找不到文件：{path}") from error
    except IsADirectoryError as error:
        raise TabularError(f"这是一个文件夹，不是表格文件：{path}") from error
    except PermissionError as error:
        if path.is_dir():  # what Windows raises for a folder
            raise TabularError(f"这是一个文件夹，不是表格文件：{path}") from error
        raise TabularError(f"没有权限读取文件：{path}（文件是否正在被 Excel 打开？）") from error
    except OSError as error:
        raise TabularError(f"无法读取文件：{path}（{error.strerror or error}）") from error


def clean_header(text: str) -> str:
    """Headers typed in Excel often carry stray spaces (also full-width ones) or a BOM."""
    return text.replace("\ufeff", "").strip().strip("\u3000").strip()


def _to_table(
    raw_rows: list[list[str]], encoding: str, name: str, header_contains: Collection[str]
) -> Table:
    header_index = _find_header(raw_rows, header_contains)
    if header_index is None:
        if not any(any(cell.strip() for cell in row) for row in raw_rows):
            raise TabularError(f"文件是空的：{name}")
        wanted = "、".join(header_contains)
        raise TabularError(f"在 {name} 的前 {HEADER_SEARCH_ROWS} 行中找不到表头（需要的列：{wanted}）。")
    headers = tuple(clean_header(cell) for cell in raw_rows[header_index])
    rows = []
    for index in range(header_index + 1, len(raw_rows)):
        cells = raw_rows[index]
        if not any(cell.strip() for cell in cells):
            continue  # blank rows still count for the numbering, as in Excel
        for cell in cells:
            check_cell(cell, index + 1, name)
        cells = cells + [""] * (len(headers) - len(cells))
        rows.append(Row(index + 1, tuple(cells)))
    return Table(headers, tuple(rows), encoding, header_row=header_index + 1)


def _find_header(raw_rows: list[list[str]], header_contains: Collection[str]) -> int | None:
    wanted = set(header_contains)
    for index, row in enumerate(raw_rows[:HEADER_SEARCH_ROWS]):
        cells = {clean_header(cell) for cell in row}
        if wanted and wanted <= cells:
            return index
        if not wanted and any(cells - {""}):
            return index
    return None


# CSV ------------------------------------------------------------------------------------------------
def decode_text(data: bytes, name: str = "文件") -> tuple[str, str]:
    """Decode bytes from a Chinese Windows PC: a BOM decides; else strict UTF-8; else GB18030 (a superset of
    GBK and GB2312, what "ANSI" means on Chinese Windows). Returns (text, encoding)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise _decode_error(error, name) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # Cut inside a character after other valid UTF-8 Chinese text: a half-written UTF-8 file, not GBK.
        if _truncated(utf8_error, data) and not data[: utf8_error.start].isascii():
            raise _decode_error(utf8_error, name) from utf8_error
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        raise _decode_error(error, name) from error


def _truncated(error: UnicodeDecodeError, data: bytes) -> bool:
    """A multi-byte character cut off by the end of the data: the file was not completely written."""
    return error.end >= len(data) and error.reason in _TRUNCATION_REASONS


_TRUNCATION_REASONS = ("unexpected end of data", "incomplete multibyte sequence")


def _decode_error(error: UnicodeDecodeError, name: str) -> TabularError:
    if error.reason in _TRUNCATION_REASONS:
        return TabularError(f"{name} 似乎不完整（在末尾被截断），请重新导出或重新保存后再导入。")
    return TabularError(
        f"无法识别 {name} 的文字编码（第 {error.start} 字节附近）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入。"
    )


def _read_csv(data: bytes, name: str) -> tuple[list[list[str]], str]:
    text, encoding = decode_text(data, name)
    delimiter = _guess_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        if "field larger" in str(error):  # the csv module's own limit (128 KiB), far above Excel's 32,767
            raise TableTooLargeError(f"{name} 里有一个单元格过长，不像是正常导出的表格。") from error
        if "end of data" in str(error):
            raise TabularError(f"{name} 似乎不完整：最后一个带引号的单元格没有结束。请重新导出后再导入。") from error
        # Hand-edited files may carry a stray quote; the lenient reader keeps it as text.
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return [[_unwrap_text_literal(cell) for cell in row] for row in rows], encoding


def _guess_delimiter(text: str) -> str:
    """Comma unless the first line clearly uses tabs (Excel's "Unicode text") or semicolons."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _unwrap_text_literal(cell: str) -> str:
    match = _EXCEL_TEXT_LITERAL.match(cell)
    return match.group(1) if match else cell


# XLSX -----------------------------------------------------------------------------------------------
# A float holds every integer up to 2**53 exactly; Excel itself keeps 15 significant digits. An integer cell
# beyond both was written by a program, not Excel, and only a reader that parses the digits keeps it.
_FLOAT_EXACT_LIMIT = 2**53
_EXCEL_SIGNIFICANT_DIGITS = 15


class _DigitsBeyondFloatError(Exception):
    """A numeric cell holds more digits than a float keeps (a 19-digit order number written as a number)."""


def _read_xlsx(path: Path) -> list[list[str]]:
    """The first worksheet as strings. python-calamine (Rust) parses it about 15 times faster than openpyxl;
    openpyxl reads again only a sheet whose numbers calamine's floats cannot keep whole."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum  # the CSV path must not pay

    data = path.read_bytes()  # Python's own errors for a missing, locked or unreadable file
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_xlsx(archive, path.name)  # before calamine builds a dense sheet of that size
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        if isinstance(error, TableTooLargeError):
            raise
        raise _broken_xlsx(path.name) from error
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
            index = next((i for i, sheet in enumerate(workbook.sheets_metadata)
                          if sheet.typ == SheetTypeEnum.WorkSheet), None)
            if index is None:
                raise TabularError(f"{path.name} 里没有工作表。")
            sheet = workbook.get_sheet_by_index(index)
            if sheet.end is None:
                return []
            # Row by row, not to_python(): that builds every cell in one call holding the interpreter lock
            # (~50 ms for 10,000 orders, ~120 ms for 50,000 phrases), which would freeze the window.
            rows = [[_calamine_cell_text(value) for value in row] for row in sheet.iter_rows()]
    except CalamineError as error:
        raise _broken_xlsx(path.name) from error
    except _DigitsBeyondFloatError:
        return _read_xlsx_exact_numbers(data, path.name)
    return _pad_to_a1(rows, sheet.end)


def _pad_to_a1(rows: list[list[str]], end: tuple[int, int]) -> list[list[str]]:
    """Put back the blank rows and columns before the data, so row numbers are the ones Excel shows.

    The sheet's last cell (0-based) tells how many came before what the reader yielded, whichever of them
    it skips."""
    last_row, last_column = end
    blank_columns = last_column + 1 - (len(rows[0]) if rows else 0)
    if blank_columns > 0:
        rows = [[""] * blank_columns + row for row in rows]
    return [[] for _ in range(last_row + 1 - len(rows))] + rows


def _calamine_cell_text(value: object) -> str:
    if isinstance(value, str):  # most cells: skip cell_text's checks
        return _unwrap_text_literal(value) if value.startswith('="') else value
    if (
        isinstance(value, float)
        and abs(value) >= _FLOAT_EXACT_LIMIT
        and value.is_integer()
        and _significant_digits(value) > _EXCEL_SIGNIFICANT_DIGITS
    ):
        # More than Excel's 15 digits: the file held digits the float lost. With 15 or fewer, the number is
        # what Excel stored (an order number it already rounded), and the text shows it as Excel does.
        raise _DigitsBeyondFloatError
    return cell_text(value)


def _significant_digits(value: float) -> int:
    return len(Decimal(repr(value)).normalize().as_tuple().digits)


def _read_xlsx_exact_numbers(data: bytes, name: str) -> list[list[str]]:
    """openpyxl parses integer cells as Python ints, so every digit survives (about 15 times slower)."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # generated files often lack styles openpyxl expects: nothing to tell
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError) as error:
        raise _broken_xlsx(name) from error
    try:
        sheet = workbook.worksheets[0]
        return [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError) as error:
        raise _broken_xlsx(name) from error
    finally:
        workbook.close()


def _broken_xlsx(name: str) -> TabularError:
    return TabularError(f"{name} 不是完整的 .xlsx 文件（可能未保存完或已损坏），请在 Excel 中重新保存后再导入。")


def cell_text(value: object) -> str:
    """An Excel cell as the text the user sees: integer-valued numbers as their exact digits, no exponent."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # repr is the shortest text that round-trips (the digits the file holds, not the binary expansion);
        # Decimal spells it out without an exponent. Excel keeps 15 significant digits, so a 19-digit order
        # number typed as a number has already lost its tail in the file: only text cells keep it whole.
        number = Decimal(repr(value + 0.0))  # + 0.0 turns -0.0 into 0.0: Excel shows 0
        return format(number.to_integral_value() if value.is_integer() else number, "f")
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return _unwrap_text_literal(str(value))
