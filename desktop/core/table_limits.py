"""How big a spreadsheet Kuaida agrees to read, checked before any reader allocates for it.

A 4.7 KB .xlsx whose only cell is XFD1048576 makes a dense reader allocate rows × columns cells (hundreds of
GiB); a zip bomb holds a 1.5 GB cell in a few MB. So an .xlsx is checked from its zip directory (declared
sizes, compression ratio) and by one streaming pass over each worksheet's XML that finds the last row and
column the reader would fill, without building anything. The limits are far above what a shop exports
(a Taobao order export: ~50 columns × 10,000 rows; a big phrase library: 6 columns × 50,000 rows).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import IO

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 256
MAX_CELLS = 5_000_000  # rows × columns as a dense reader holds them (A1 to the last cell)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_PART_BYTES = 256 * 1024 * 1024  # one file inside the .xlsx, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_PARTS = 10_000
# Sheet XML compresses well (~10–30×); a part that claims more than this is a bomb, not a sheet.
MAX_COMPRESSION_RATIO = 200
_SMALL_PART = 1024 * 1024  # tiny parts may compress absurdly well (a run of empty cells) and do no harm

_CHUNK = 1024 * 1024
_MAX_TAG_BYTES = 64 * 1024
# Attribute values are matched whole (they may hold '>' or a decoy r="A1"), so the reference read here is
# the one an XML parser would read.
_ATTRIBUTES = rb"""((?:[^<>"']|"[^"]*"|'[^']*')*)"""
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])" + _ATTRIBUTES + rb">")
_ANY_TAG = re.compile(rb"<" + _ATTRIBUTES + rb">")
_ATTRIBUTE = re.compile(rb"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')""")
_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")
# The fast pass, for sheets whose every cell is written the usual way (Excel, WPS, openpyxl, the
# back-offices): <c r="B7"> with only the schema's other cell attributes after it. There the cells' own
# references alone decide the extent (a reader places a cell with a reference there, whatever its row
# says), and one findall reads them. Any other <c> tag (a second r, which the reader would take instead,
# no r, a prefix, odd quoting) sends the sheet to the walk below.
_USUAL_CELL_END = rb"""(?: (?:s|t|cm|vm|ph)="[^"<>]*")*\s*/?>"""
_USUAL_CELLS = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"' + _USUAL_CELL_END)
_UNUSUAL_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])(?! r="[A-Z]{1,3}[0-9]{1,7}"' + _USUAL_CELL_END + rb")")
_WORKSHEET_TYPE = b"/worksheet"


class TableTooLargeError(ValueError):
    """The file is beyond a limit; the message is for the user (Simplified Chinese)."""


def check_file_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise TableTooLargeError(
            f"{name} 太大（{size // (1024 * 1024)} MB），最多 {MAX_FILE_BYTES // (1024 * 1024)} MB；"
            "请分成几个文件导入。")


def check_cell(text: str, row: int, name: str) -> None:
    if len(text) > MAX_CELL_CHARS:
        raise TableTooLargeError(
            f"{name} 第 {row} 行有一个单元格长达 {len(text)} 个字符（Excel 最多 {MAX_CELL_CHARS}），"
            "文件不像是正常导出的表格。")


def check_xlsx(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse an .xlsx whose parts or sheets are beyond the limits, before a reader expands it."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise TableTooLargeError(f"{name} 内含 {len(infos)} 个部件，不像是正常的 .xlsx 文件。")
    total = 0
    for info in infos:
        total += info.file_size
        bomb = info.file_size > _SMALL_PART and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or bomb:
            raise TableTooLargeError(
                f"{name} 解压后过大（{info.filename} 约 {info.file_size // (1024 * 1024)} MB），"
                "不像是正常导出的表格，已拒绝读取。")
    for part in _worksheet_parts(archive):
        rows, columns = _sheet_extent(archive, part)
        if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            raise TableTooLargeError(
                f"{name} 的工作表太大：到第 {rows} 行、第 {columns} 列（最多 {MAX_ROWS} 行、{MAX_COLUMNS} 列）。"
                "请删去多余的行列或分成几个文件后再导入。")


def _worksheet_parts(archive: zipfile.ZipFile) -> Iterator[str]:
    """Every worksheet the workbook names (through its relationships), plus any under xl/worksheets/."""
    names = set(archive.namelist())
    found: set[str] = {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names:
        text = archive.read(rels)  # its size was checked above
        for attributes in re.findall(rb"<(?:\w+:)?Relationship\b([^>]*)>", text):
            type_match = re.search(rb'\sType\s*=\s*["\']([^"\']*)["\']', attributes)
            target_match = re.search(rb'\sTarget\s*=\s*["\']([^"\']*)["\']', attributes)
            if type_match and target_match and type_match.group(1).endswith(_WORKSHEET_TYPE):
                target = target_match.group(1).decode("utf-8", "replace")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
                if path in names:
                    found.add(path)
    return iter(sorted(found))


def _sheet_extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """The last row and column (1-based) a reader would fill. Where every row and cell carries its
    reference (Excel, WPS, openpyxl and the back-offices all write them) one pass of findall reads them; a
    sheet with a tag lacking one is walked tag by tag, positions counted as a reader counts them."""
    with archive.open(part) as stream:
        extent = _referenced_extent(stream)
    if extent is not None:
        return extent
    with archive.open(part) as stream:
        return _walked_extent(stream)


def _referenced_extent(stream: IO[bytes]) -> tuple[int, int] | None:
    """None when some cell is not written the usual way (then only a walk can tell)."""
    last_row = last_column = 0
    columns: set[bytes] = set()
    for segment in _segments(stream):
        if _UNUSUAL_CELL.search(segment):
            return None
        cells = _USUAL_CELLS.findall(segment)
        columns.update(letters for letters, _digits in cells)
        last_row = max(last_row, max(map(int, (digits for _letters, digits in cells)), default=0))
        last_column = max(last_column, max(map(_column_number, columns), default=0))
        if last_row > MAX_ROWS or last_column > MAX_COLUMNS:
            break
    return last_row, last_column


def _walked_extent(stream: IO[bytes]) -> tuple[int, int]:
    last_row = last_column = 0
    row = column = 0
    for segment in _segments(stream):
        for match in _TAG.finditer(segment):
            tag, attributes = match.group(1), match.group(2)
            letters, digits = _reference(attributes)
            if tag == b"row":
                row = int(digits[:9]) if digits else row + 1
                column = 0
            else:
                column = _column_number(letters) if letters else column + 1
                if digits:
                    row = max(row, int(digits[:9]))
                last_column = max(last_column, column)
            last_row = max(last_row, row)
            if last_row > MAX_ROWS or last_column > MAX_COLUMNS:
                return last_row, last_column
    return last_row, last_column


def _segments(stream: IO[bytes]) -> Iterator[bytes]:
    """The XML a chunk at a time, each piece cut before its last '<' so that no tag straddles two pieces."""
    carry = b""
    while chunk := stream.read(_CHUNK):
        data = carry + chunk
        start = max(data.rfind(b"<"), 0)
        if start:
            yield data[:start]
        carry = data[start:]
        if len(carry) > _MAX_TAG_BYTES:
            # A long run of text after a tag (a long cell); a tag that long is no spreadsheet's.
            tag = _ANY_TAG.match(carry)
            if tag is None:
                raise TableTooLargeError("表格里有一个长得离谱的 XML 标签，不像是正常的 .xlsx 文件。")
            yield carry[: tag.end()]
            carry = b""
    if carry:
        yield carry


def _reference(attributes: bytes) -> tuple[bytes, bytes]:
    """The column letters and row digits of the r attribute, or empty ones. Of a repeated r the last one
    counts, as it does for the reader (calamine)."""
    found = (b"", b"")
    for match in _ATTRIBUTE.finditer(attributes):
        if match.group(1).split(b":")[-1] == b"r":
            ref = _REF.match(match.group(2)[1:-1].strip())
            found = (ref.group(1), ref.group(2)) if ref else (b"", b"")
    return found


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper()[:4]:
        number = number * 26 + letter - ord("A") + 1
    return number
