"""The shared table reader: encodings detected, delimiters guessed, cells kept as exact strings."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop.core import tabular
from desktop.core.tabular import TabularError, cell_text, decode_text, read_table

ORDERS = "订单编号,买家会员名,买家实际支付金额\r\n2930123456789012345,小明😀,12.50\r\n2930123456789012346,张三,8\r\n"


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16")],
)
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str, detected: str) -> None:
    text = ORDERS if encoding not in {"gbk"} else ORDERS.replace("😀", "")
    path = tmp_path / "orders.csv"
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.encoding == detected
    assert table.headers == ("订单编号", "买家会员名", "买家实际支付金额")
    assert table.rows[0].cells[0] == "2930123456789012345"
    assert table.rows[0].cells[1] == ("小明😀" if encoding != "gbk" else "小明")
    assert [row.number for row in table.rows] == [2, 3]


def test_gbk_text_that_happens_to_look_like_cut_utf8_is_still_read_as_gbk() -> None:
    # "涓" in GBK is E4 B8: a UTF-8 lead byte and a continuation byte, then the end of the data.
    data = b"a,b\r\n1," + "涓".encode("gbk")
    assert decode_text(data) == ("a,b\r\n1,涓", "gb18030")


def test_a_utf8_file_cut_inside_a_character_is_reported_as_incomplete(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes("快捷编码,快捷短语\r\nfh,亲，发货".encode()[:-1])
    with pytest.raises(TabularError, match="不完整"):
        read_table(path)


def test_a_gbk_file_cut_inside_a_character_is_reported_as_incomplete(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes("快捷编码,快捷短语\r\nfh,亲，发货".encode("gbk")[:-1])
    with pytest.raises(TabularError, match="不完整"):
        read_table(path)


def test_an_unterminated_quoted_cell_is_reported_as_incomplete(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text('快捷编码,快捷短语\r\nfh,"亲，第一行\r\n第二', encoding="utf-8-sig", newline="")
    with pytest.raises(TabularError, match="不完整"):
        read_table(path)


def test_row_numbers_follow_excel_with_multiline_cells_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text('a,b\r\n1,"two\r\nlines"\r\n,\r\n3,x\r\n', encoding="utf-8", newline="")
    table = read_table(path)
    assert [(row.number, row.cells) for row in table.rows] == [(2, ("1", "two\r\nlines")), (4, ("3", "x"))]


def test_tab_and_semicolon_delimiters_are_recognised(tmp_path: Path) -> None:
    tabbed = tmp_path / "tabbed.txt"
    tabbed.write_text("订单编号\t金额\r\n1,2\t3\r\n", encoding="utf-16", newline="")
    assert read_table(tabbed).rows[0].cells == ("1,2", "3")
    semi = tmp_path / "semi.csv"
    semi.write_text("a;b\n1;2\n", encoding="utf-8")
    assert read_table(semi).headers == ("a", "b")


def test_excel_text_literals_and_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text('订单编号,状态,备注\n="2930123456789012345",等待买家付款\n', encoding="utf-8")
    table = read_table(path)
    assert table.rows[0].cells == ("2930123456789012345", "等待买家付款", "")
    assert dict(table.records()) == {2: {"订单编号": "2930123456789012345", "状态": "等待买家付款", "备注": ""}}


def test_the_header_row_is_found_below_a_title(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("订单报表 2024-05-01\n\n 订单编号 ,金额\n1,2\n", encoding="utf-8")
    table = read_table(path, header_contains=["订单编号"])
    assert table.header_row == 3
    assert table.column("订单编号") == 0
    assert table.rows[0].number == 4


def test_missing_header_names_what_was_wanted(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(TabularError, match="订单编号"):
        read_table(path, header_contains=["订单编号"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("empty.csv", b"", "空"), ("old.xls", b"x", ".xls"), ("notes.doc", b"x", "不支持"),
     ("bad.xlsx", b"PK\x03\x04 cut", "xlsx")],
)
def test_unreadable_files_get_a_clear_message(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TabularError, match=message):
        read_table(path)


def test_a_missing_file_gets_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(TabularError, match="找不到文件"):
        read_table(tmp_path / "nowhere.csv")


def test_undecodable_bytes_get_a_clear_message() -> None:
    with pytest.raises(TabularError, match="编码"):
        decode_text(b"a,b\n\x81\x20\x81\x20\n")


def test_xlsx_cells_come_back_as_exact_strings(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["订单编号", "金额", "时间", "备注", "小额"])
    # Long order numbers survive only as text cells (Excel keeps 15 digits of a number); numbers up to
    # 15 digits come back as their exact digits, also when stored as a float.
    sheet.append(["2930123456789012345", 12.5, dt.datetime(2024, 5, 1, 9, 30), None, 0.0000001])
    sheet.append([293012345678901.0, 8, dt.date(2024, 5, 2), "亲\n第二行", True])
    path = tmp_path / "orders.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.encoding == "xlsx"
    assert table.rows[0].cells == ("2930123456789012345", "12.5", "2024-05-01 09:30:00", "", "0.0000001")
    # A date-only cell reads as the date Excel shows, in ISO form.
    assert table.rows[1].cells == ("293012345678901", "8", "2024-05-02", "亲\n第二行", "TRUE")


def _write_xlsx(path: Path, rows_xml: str, number_formats: dict[int, str] | None = None) -> Path:
    """A minimal .xlsx written by hand, as a back-office generator (not Excel) writes it: inline strings,
    numbers with all their digits, formulas with cached values, Chinese built-in date formats."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_rel = "http://schemas.openxmlformats.org/package/2006/relationships"
    formats = number_formats or {}
    custom = "".join(f'<numFmt numFmtId="{i}" formatCode="{code}"/>' for i, code in formats.items() if code)
    styles = (f'<styleSheet xmlns="{main}"><numFmts count="{len(formats)}">{custom}</numFmts>'
              f'<cellXfs count="{len(formats) + 1}"><xf numFmtId="0"/>'
              + "".join(f'<xf numFmtId="{i}"/>' for i in formats) + "</cellXfs></styleSheet>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{package_rel}"><Relationship Id="rId1" '
                         f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                         '<sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", (
            f'<Relationships xmlns="{package_rel}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>'))
        archive.writestr("xl/styles.xml", styles)
        archive.writestr("xl/worksheets/sheet1.xml",
                         f'<worksheet xmlns="{main}"><sheetData>{rows_xml}</sheetData></worksheet>')
    return path


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_generated_xlsx_cells_come_back_as_excel_shows_them(tmp_path: Path) -> None:
    # Style 1: built-in 31 (yyyy"年"m"月"d"日", Chinese Excel); style 2: a custom date and time.
    literal = '="2930123456789012345"'
    path = _write_xlsx(tmp_path / "export.xlsx", (
        f'<row r="1">{_text("A1", "订单编号")}{_text("B1", "时间")}{_text("C1", "金额")}{_text("D1", "备注")}</row>'
        f'<row r="2">{_text("A2", literal)}<c r="B2" s="1"><v>45000</v></c>'
        '<c r="C2"><f>10+2.5</f><v>12.5</v></c><c r="D2" t="str"><f>"0012"</f><v>0012</v></c></row>'
        '<row r="3"><c r="A3"><v>3.56123456789012E+18</v></c><c r="B3" s="2"><v>45000.5</v></c>'
        '<c r="C3"><v>-0</v></c><c r="D3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>'),
        {31: "", 176: "yyyy/m/d h:mm"})
    table = read_table(path)
    assert table.rows[0].cells == ("2930123456789012345", "2023-03-15", "12.5", "0012")
    # A number Excel already rounded to 15 digits reads as Excel shows it; the order importer rejects it.
    assert table.rows[1].cells == ("3561234567890120000", "2023-03-15 12:00:00", "0", "富文本")


def test_a_number_with_more_digits_than_a_float_keeps_is_read_whole(tmp_path: Path) -> None:
    # A generator (not Excel) may write a 19-digit order number as a number: every digit must survive.
    path = _write_xlsx(tmp_path / "export.xlsx", (
        f'<row r="1">{_text("A1", "订单编号")}{_text("B1", "金额")}</row>'
        '<row r="2"><c r="A2"><v>3561234567890123456</v></c><c r="B2"><v>12.5</v></c></row>'))
    assert read_table(path).rows[0].cells == ("3561234567890123456", "12.5")


def test_xlsx_rows_keep_excel_numbers_below_blank_rows_and_columns(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet["C4"], sheet["D4"] = "订单编号", "买家会员名"
    sheet["C6"], sheet["D6"] = "2930123456789012345", "小明"
    path = tmp_path / "offset.xlsx"
    workbook.save(path)
    table = read_table(path, header_contains=["订单编号"])
    assert table.header_row == 4
    assert table.column("订单编号") == 2
    assert [(row.number, row.cells[2:4]) for row in table.rows] == [(6, ("2930123456789012345", "小明"))]


def test_an_empty_xlsx_sheet_is_reported_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    with pytest.raises(TabularError, match="空"):
        read_table(path)


def test_broken_xlsx_files_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    workbook = Workbook()
    workbook.active.append(["快捷编码", "快捷短语"])
    workbook.save(good)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    bad_xml = _write_xlsx(tmp_path / "bad_xml.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>快捷')
    # An encrypted workbook is an OLE container, not a zip.
    encrypted = tmp_path / "encrypted.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    for path in (cut, bad_xml, encrypted):
        with pytest.raises(TabularError, match=r"不是完整的 \.xlsx"):
            read_table(path)
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    with pytest.raises(TabularError, match="文件夹"):
        read_table(folder)


def test_a_folder_is_called_a_folder_where_the_os_says_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows raises PermissionError, not IsADirectoryError, for a folder: it must not read as "open in Excel?".
    def denied(path: Path) -> list[list[str]]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(tabular, "_read_xlsx", denied)
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    with pytest.raises(TabularError, match="文件夹"):
        read_table(folder)
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"PK")
    with pytest.raises(TabularError, match="Excel"):
        read_table(locked)


def test_cell_text_never_uses_an_exponent() -> None:
    assert cell_text(1.23456789012346e18) == "1234567890123460000"
    assert cell_text(-0.0) == "0"
    assert cell_text(2.5e-8) == "0.000000025"
    assert cell_text(dt.time(8, 30)) == "08:30:00"
    assert cell_text('="0012"') == "0012"


def test_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + "快捷编码,快捷短语\n".encode())
    assert read_table(path).headers == ("快捷编码", "快捷短语")


cell_text_strategy = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00") | st.sampled_from('",\t\r\n="'),
    max_size=12,
).filter(lambda cell: not (cell.startswith('="') and cell.endswith('"') and len(cell) >= 3))


@settings(max_examples=80, deadline=None)
@given(
    rows=st.lists(st.lists(cell_text_strategy, min_size=2, max_size=2), min_size=1, max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
)
def test_any_cells_written_by_the_csv_module_come_back_unchanged(rows: list[list[str]], encoding: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["编号", "甲", "乙"])
    writer.writerows([[str(number), *cells] for number, cells in enumerate(rows)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        table = read_table(path)
    assert [list(row.cells[1:]) for row in table.rows] == rows
    assert [row.number for row in table.rows] == list(range(2, len(rows) + 2))
