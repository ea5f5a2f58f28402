"""Phrase library files: reading Qianniu/Wangwang and Kuaida spreadsheets, planning an import, writing exports.

Two layouts. Qianniu's three columns `快捷编码,快捷短语,快捷短语分组` (an empty group means 未分组; Qianniu
writes a line break inside a cell as `&#13;` and a comma as `&#44;`, because its own reader splits lines and
commas without honouring quotes), and ours, which appends `意图,关键词,编号,标记` (lists separated by `|`).
Pure logic: the store applies an `ImportPlan` in one transaction (`PhraseRepository.import_library`).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from desktop.core import formula_guard
from desktop.core.default_library import COLUMNS, LIST_SEPARATOR
from desktop.core.phrases import FLAG_NAMES, UNGROUPED, Phrase, Source, intents, new_phrase_id, parse_flags, validate
from desktop.core.tabular import XLSX_SUFFIXES, Table, TabularError, read_table
from desktop.core.templates import render, unfilled_variables

Layout = Literal["qianniu", "full"]
LAYOUTS: tuple[Layout, ...] = ("qianniu", "full")
QIANNIU_COLUMNS = COLUMNS[:3]
CODE, TEXT, GROUP, INTENTS, KEYWORDS, ID = COLUMNS
FLAGS = "标记"  # 稍等查询|致歉|安抚|升级 (desktop.core.phrases.FLAG_NAMES)
FULL_COLUMNS = (*COLUMNS, FLAGS)
# Encodings an export may use: UTF-8 with BOM (Excel on Chinese Windows and current Qianniu read it) and GBK
# for old Qianniu versions, which read files in the Windows "ANSI" code page.
EXPORT_ENCODINGS = {"utf-8": "utf-8-sig", "gbk": "gbk"}

_ENTITY = re.compile(r"&#(13|10|44|34|39|9);")
_ENTITY_CHARS = {"13": "\n", "10": "\n", "44": ",", "34": '"', "39": "'", "9": "\t"}
_LIST_SPLIT = re.compile(r"[|｜]")


class LibraryFileError(ValueError):
    """The whole file cannot be imported or written (a fatal error); the message is for the user."""


@dataclass(frozen=True, slots=True)
class LibraryRow:
    """One phrase as a file states it. A field is None when the file has no such column (keep what we have)."""

    row: int
    text: str
    code: str | None = None
    group: str | None = None
    intents: tuple[str, ...] | None = None
    keywords: tuple[str, ...] | None = None
    id: str = ""
    flags: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A row that was skipped, with its row number as Excel shows it (the header is row 1)."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"第 {self.row} 行：{self.message}"


@dataclass
class LibraryFile:
    layout: Layout
    encoding: str
    rows: list[LibraryRow] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)


@dataclass
class ImportPlan:
    """What an import changes: phrases to add and to update (matched ones keep their id), rows skipped."""

    source: Source
    added: list[Phrase] = field(default_factory=list)
    updated: list[Phrase] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[RowIssue] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"新增 {len(self.added)} 条，更新 {len(self.updated)} 条，"
            f"未变 {self.unchanged} 条，跳过 {len(self.skipped)} 行"
        )


@dataclass
class ExportReport:
    path: Path
    written: int
    # (phrase id, characters left out) when the chosen encoding cannot hold them (emoji in GBK).
    dropped: list[tuple[str, str]] = field(default_factory=list)
    # Qianniu layout: (phrase id, variables without a value) — left out of the written text, so 千牛 never
    # sends "{买家}" to a buyer; the agent fills those in by hand or leaves them out in 千牛.
    unfilled: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


# Qianniu cell escapes ------------------------------------------------------------------------------
def decode_cell(text: str) -> str:
    """Undo Qianniu's escapes and normalise line breaks to `\\n` (Excel writes `\\r\\n` inside cells)."""
    if "&#" not in text and "\r" not in text:
        return text
    text = text.replace("&#13;&#10;", "\n")
    text = _ENTITY.sub(lambda m: _ENTITY_CHARS[m.group(1)], text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def encode_qianniu_cell(text: str) -> str:
    """What Qianniu writes and reads back: one physical line per phrase, commas and breaks as entities."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", "&#13;").replace(",", "&#44;")


# Reading -------------------------------------------------------------------------------------------
def read_library(path: Path | str) -> LibraryFile:
    """Read a library file (.csv in UTF-8/UTF-8-BOM/GBK, or .xlsx). Raises `LibraryFileError` when fatal."""
    try:
        table = read_table(path, header_contains=(TEXT,))
    except TabularError as error:
        if "找不到表头" in str(error):
            raise LibraryFileError(
                f"{Path(path).name} 缺少“{TEXT}”列。千牛格式的表头是：{','.join(QIANNIU_COLUMNS)}"
            ) from error
        raise LibraryFileError(str(error)) from error
    return parse_library(table)


def parse_library(table: Table) -> LibraryFile:
    rich = any(table.column(name) is not None for name in (INTENTS, KEYWORDS, ID, FLAGS))
    library = LibraryFile("full" if rich else "qianniu", table.encoding)
    columns = {name: table.column(name) for name in FULL_COLUMNS}
    names = _intent_names()
    for row in table.rows:
        cells = {name: None if i is None else formula_guard.restore(decode_cell(row.get(i))).strip()
                 for name, i in columns.items()}
        text, group = cells[TEXT] or "", cells[GROUP]
        intent_cell, keyword_cell, flag_cell = cells[INTENTS], cells[KEYWORDS], cells[FLAGS]
        try:
            flags = None if flag_cell is None else parse_flags(_split_list(flag_cell))
        except ValueError as error:
            library.issues.append(RowIssue(row.number, str(error)))
            continue
        parsed = LibraryRow(
            row=row.number,
            text=text,
            code=cells[CODE],
            group=None if group is None else (group or UNGROUPED),
            intents=None if intent_cell is None else tuple(names.get(i, i) for i in _split_list(intent_cell)),
            keywords=None if keyword_cell is None else _split_list(keyword_cell),
            id=cells[ID] or "",
            flags=flags,
        )
        problems = validate(Phrase(id="", text=text, intents=parsed.intents or ()))
        if problems:
            library.issues.append(RowIssue(row.number, "；".join(problems)))
        else:
            library.rows.append(parsed)
    return library


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in _LIST_SPLIT.split(cell) if part.strip()))


def _intent_names() -> dict[str, str]:
    """Team leads may type an intent's Chinese name instead of its id."""
    return {intent.name_zh: intent.id for intent in intents()}


# Planning an import --------------------------------------------------------------------------------
def plan_import(library: LibraryFile, existing: Sequence[Phrase], source: Source) -> ImportPlan:
    """Decide what importing `library` into `source` changes, so that importing the same file twice adds nothing.

    A row matches a phrase of `source` by 编号 when the file gives one, else by shortcut code, else by exact
    text. Unmatched rows become new phrases (keeping the file's 编号 when it is free). A second row matching
    the same phrase is skipped and named, and so is an unchanged copy of a phrase of the other source (an
    export of everything imported back as personal phrases must not duplicate the team library).
    """
    plan = ImportPlan(source, skipped=list(library.issues))
    mine = [p for p in existing if p.source == source]
    others = {p.id: p for p in existing if p.source != source}
    taken_ids = {p.id for p in existing}
    by_id = {p.id: p for p in mine}
    by_code: dict[str, Phrase] = {}
    by_text: dict[str, Phrase] = {}
    for phrase in mine:
        if phrase.code:
            by_code.setdefault(phrase.code, phrase)
        by_text.setdefault(phrase.text.strip(), phrase)
    claimed: dict[str, int] = {}
    updated: dict[str, Phrase] = {}
    for row in library.rows:
        match = (
            (by_id.get(row.id) if row.id else None)
            or (by_code.get(row.code) if row.code else None)
            or by_text.get(row.text)
        )
        if match is not None and match.id in claimed:
            plan.skipped.append(RowIssue(row.row, f"与第 {claimed[match.id]} 行是同一条短语，已跳过"))
            continue
        other = others.get(row.id) if match is None and row.id else None
        if other is not None and other.text == row.text:
            kind = "团队" if other.source == "team" else "个人"
            plan.skipped.append(RowIssue(row.row, f"与{kind}短语 {other.id} 相同，未重复导入"))
            continue
        if match is None:
            phrase_id = row.id if row.id and row.id not in taken_ids else new_phrase_id(source)
            phrase = _merge(Phrase(id=phrase_id, text=row.text, source=source), row)
            plan.added.append(phrase)
            taken_ids.add(phrase_id)
        else:
            phrase = _merge(match, row)
            if phrase == match:
                plan.unchanged += 1
            else:
                updated[phrase.id] = phrase
        claimed[phrase.id] = row.row
        by_id.setdefault(phrase.id, phrase)
        if phrase.code:
            by_code.setdefault(phrase.code, phrase)
        by_text.setdefault(phrase.text, phrase)
    plan.updated = list(updated.values())
    plan.skipped.sort(key=lambda issue: issue.row)
    return plan


def _merge(phrase: Phrase, row: LibraryRow) -> Phrase:
    changes: dict[str, object] = {"text": row.text}
    for name in ("code", "group", "intents", "keywords", "flags"):
        value = getattr(row, name)
        if value is not None:
            changes[name] = value
    return phrase.with_changes(**changes)


# Writing -------------------------------------------------------------------------------------------
def export_library(
    path: Path | str, phrases: Iterable[Phrase], *, layout: Layout = "full", encoding: str = "utf-8",
    values: Mapping[str, str] | None = None,
) -> ExportReport:
    """Write `phrases` to `path` (.csv, or .xlsx by extension) all at once: a full disk or a crash leaves the
    previous file untouched, never half a file. `encoding` (`utf-8` with BOM, or `gbk`) applies to CSV.

    The Qianniu layout is pasted by 千牛 as it stands, so its text is rendered with `values` ({客服}, {店铺} …;
    the clock's {问候}/{日期} only when given): a variable without a value is left out the way a reply
    leaves it out, and the phrase is listed in `report.unfilled`. Kuaida's full layout keeps the variables."""
    path = Path(path)
    if layout not in LAYOUTS:
        raise LibraryFileError(f"未知的导出格式：{layout}（可选：{'、'.join(LAYOUTS)}）")
    if encoding not in EXPORT_ENCODINGS:
        raise LibraryFileError(f"未知的编码：{encoding}（可选：{'、'.join(EXPORT_ENCODINGS)}）")
    phrases = list(phrases)
    xlsx = path.suffix.lower() in XLSX_SUFFIXES
    report = ExportReport(path, len(phrases))
    if layout == "qianniu":
        phrases = _rendered_for_qianniu(phrases, values or {}, report)
    # Every cell, every layout: a phrase, group or keyword starting with "=" must never run in Excel.
    rows = formula_guard.neutralised_rows(_export_cells(p, layout, escape=not xlsx and layout == "qianniu")
                                          for p in phrases)
    headers = list(QIANNIU_COLUMNS if layout == "qianniu" else FULL_COLUMNS)
    if xlsx:
        atomic_write(path, lambda target: _write_xlsx(target, headers, rows))
        return report
    codec = EXPORT_ENCODINGS[encoding]
    if codec == "gbk":
        rows = [_fit_encoding(cells, phrase.id, codec, report) for cells, phrase in zip(rows, phrases, strict=True)]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # CRLF: what Excel and Qianniu on Windows write
    writer.writerow(headers)
    writer.writerows(rows)
    data = buffer.getvalue().encode(codec)
    atomic_write(path, lambda target: target.write_bytes(data))
    return report


def _rendered_for_qianniu(phrases: list[Phrase], values: Mapping[str, str], report: ExportReport) -> list[Phrase]:
    rendered = []
    for phrase in phrases:
        missing = unfilled_variables(phrase.text, values)
        if missing:
            report.unfilled.append((phrase.id, missing))
        rendered.append(phrase.with_changes(text=render(phrase.text, values, clock=False)))
    return rendered


def _export_cells(phrase: Phrase, layout: Layout, *, escape: bool) -> list[str]:
    text = encode_qianniu_cell(phrase.text) if escape else phrase.text
    group = "" if phrase.group == UNGROUPED else phrase.group
    if escape:
        group = encode_qianniu_cell(group)
    cells = [phrase.code, text, group]
    if layout == "full":
        cells += [LIST_SEPARATOR.join(phrase.intents), LIST_SEPARATOR.join(phrase.keywords), phrase.id,
                  LIST_SEPARATOR.join(FLAG_NAMES[f] for f in phrase.flags if f in FLAG_NAMES)]
    return cells


def _fit_encoding(cells: list[str], phrase_id: str, codec: str, report: ExportReport) -> list[str]:
    """GBK cannot hold emoji and rarer characters: leave them out and say so, rather than fail the export."""
    fitted, dropped = [], []
    for cell in cells:
        try:
            cell.encode(codec)
        except UnicodeEncodeError:
            pass
        else:
            fitted.append(cell)  # the usual case, checked in one go
            continue
        kept = []
        for char in cell:
            try:
                char.encode(codec)
            except UnicodeEncodeError:
                dropped.append(char)
            else:
                kept.append(char)
        fitted.append("".join(kept))
    if dropped:
        report.dropped.append((phrase_id, "".join(dropped)))
    return fitted


def _write_xlsx(target: Path, headers: list[str], rows: list[list[str]]) -> None:
    write_xlsx_sheets(target, {"快捷短语": (headers, rows)})


def write_xlsx_sheets(target: Path, sheets: dict[str, tuple[list[str], list[list[str]]]]) -> None:
    """One sheet per (headers, rows); the rows must be `formula_guard`ed (openpyxl stores "=…" as a formula)."""
    from openpyxl import Workbook  # imported here: CSV exports must not pay for openpyxl

    workbook = Workbook(write_only=True)
    for title, (headers, rows) in sheets.items():
        sheet = workbook.create_sheet(title[:31])  # Excel's limit for a sheet name
        for values in [headers, *rows]:
            sheet.append(values)
    workbook.save(target)


def atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """Write through `write(partial)` and move into place: a full disk or a crash leaves `path` as it was."""
    partial = path.with_name(path.name + ".partial")
    try:
        write(partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        if error.errno == errno.ENOSPC:
            raise LibraryFileError(f"磁盘空间不足，无法写入 {path}。原文件未被改动。") from error
        raise LibraryFileError(f"无法写入 {path}：{error.strerror or error}。原文件未被改动。") from error
