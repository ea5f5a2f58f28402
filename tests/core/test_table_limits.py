"""Hostile spreadsheets (issue 11 #8): refused with a message before any reader allocates for them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.core import table_limits
from desktop.core.tabular import TabularError, read_table

SHEET = "xl/worksheets/sheet1.xml"
SHEET_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>')


def workbook_with_sheet(path: Path, rows_xml: str, dimension: str = "A1") -> Path:
    """A real workbook (openpyxl writes it) whose first sheet is replaced by `rows_xml`: a few KB on disk."""
    book = Workbook()
    book.active.append(["placeholder"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == SHEET:
                data = SHEET_XML.format(dimension=dimension, rows=rows_xml).encode()
            target.writestr(info.filename, data)
    return path


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_single_cell_at_the_far_corner_is_refused_before_reading(tmp_path: Path) -> None:
    """4.7 KB on disk, and a dense reader would allocate 16,384 × 1,048,576 cells: this used to abort the
    process. It must be refused from the XML alone, also when the dimension element lies."""
    path = workbook_with_sheet(tmp_path / "corner.xlsx", f'<row r="1048576">{inline("XFD1048576", "x")}</row>')
    assert path.stat().st_size < 10_000
    with pytest.raises(TabularError, match="工作表太大"):
        read_table(path)


@pytest.mark.parametrize(
    "rows_xml",
    [
        # the reference hidden behind a decoy inside another attribute, and '>' inside an attribute value
        f'<row r="1"><c x=\' r="A1" >\' r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>{inline("A300000", "y")}',
        # a repeated r: the reader takes the last one
        f'<row r="1"><c r="A1" r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>{inline("A2", "y")}',
        # single quotes and a tab: not the usual form, so the sheet is walked tag by tag
        "<row r='1'><c\tr='XFD1' t='inlineStr'><is><t>x</t></is></c></row>",
        # no references at all: 300 cells in one row put the last one in column 300
        "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 300 + "</row>",
        # a row number beyond the limit on the row alone
        '<row r="900000"><c t="inlineStr"><is><t>x</t></is></c></row>',
        # many columns times many rows: under each limit alone, over the cell budget
        f'<row r="1">{inline("IV1", "x")}</row><row r="199999">{inline("A199999", "y")}</row>',
    ],
)
def test_sheets_beyond_the_row_column_or_cell_limits_are_refused(tmp_path: Path, rows_xml: str) -> None:
    with pytest.raises(TabularError, match="工作表太大"):
        read_table(workbook_with_sheet(tmp_path / "big.xlsx", rows_xml))


def test_a_zip_bomb_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    """One cell of 8 MB of the same letter compresses ~1000×; the real attack used 1.5 GB (4.6 GB of memory).
    Written in chunks so the test itself never holds the cell."""
    path = workbook_with_sheet(tmp_path / "bomb.xlsx", f'<row r="1">{inline("A1", "x")}</row>')
    with (zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
          archive.open("xl/sharedStrings2.xml", "w") as part):
        for _ in range(8):
            part.write(b"a" * (1024 * 1024))
    with pytest.raises(TabularError, match="解压后过大"):
        read_table(path)


def test_a_part_declaring_more_than_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_limits, "MAX_PART_BYTES", 1000)
    path = workbook_with_sheet(tmp_path / "wide.xlsx", "".join(
        f'<row r="{n}">{inline(f"A{n}", "正常的文字" * 5)}</row>' for n in range(1, 50)))
    with pytest.raises(TabularError, match="解压后过大"):
        read_table(path)


def test_over_long_cells_are_refused_in_xlsx_and_csv(tmp_path: Path) -> None:
    long_text = "长" * (table_limits.MAX_CELL_CHARS + 1)
    xlsx = workbook_with_sheet(tmp_path / "long.xlsx",
                               f'<row r="1">{inline("A1", "快捷短语")}</row><row r="2">{inline("A2", long_text)}</row>')
    with pytest.raises(TabularError, match=r"第 2 行.*单元格"):
        read_table(xlsx)
    csv_path = tmp_path / "long.csv"
    csv_path.write_text(f"快捷短语\n{long_text}\n", encoding="utf-8")
    with pytest.raises(TabularError, match="单元格"):
        read_table(csv_path)


def test_a_ten_megabyte_csv_cell_is_a_message_not_a_csv_error(tmp_path: Path) -> None:
    """The csv module raises its own csv.Error past 128 KiB: that was a traceback in `library import`."""
    path = tmp_path / "huge_cell.csv"
    path.write_bytes(b'\xe5\xbf\xab\xe6\x8d\xb7\xe7\x9f\xad\xe8\xaf\xad\n"' + b"a" * (10 * 1024 * 1024) + b'"\n')
    with pytest.raises(TabularError, match="单元格过长"):
        read_table(path)


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_limits, "MAX_FILE_BYTES", 10)
    path = tmp_path / "a.csv"
    path.write_text("快捷短语\n你好\n", encoding="utf-8")
    with pytest.raises(TabularError, match="太大"):
        read_table(path)


def test_ordinary_sheets_with_blank_margins_and_a_long_tag_stream_still_read(tmp_path: Path) -> None:
    """Under the limits nothing changes: data starting at C5, ~3 MB of XML read in several chunks."""
    rows = "".join(f'<row r="{n}">{inline(f"C{n}", f"第{n}行")}{inline(f"D{n}", "x" * 300)}</row>'
                   for n in range(5, 9000))
    table = read_table(workbook_with_sheet(tmp_path / "ok.xlsx", rows, dimension="C5:D8999"))
    assert table.header_row == 5
    assert table.headers[2:] == ("第5行", "x" * 300)
    assert table.rows[-1].number == 8999
