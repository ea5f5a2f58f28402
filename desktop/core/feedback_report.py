"""The lead's summary of 意见反馈 per department and week: as spreadsheet sheets and as a printable page."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.core import formula_guard
from desktop.core.feedback import FeedbackState, week_of
from desktop.core.library_io import atomic_write, write_xlsx_sheets
from desktop.core.ui_text import QT_TRANSLATE_NOOP

# Marked for the window (it shows them with label()); the spreadsheet, the page and the CLI stay Chinese.
STATE_LABELS = {FeedbackState.NEW: QT_TRANSLATE_NOOP("Labels", "待处理"),
                FeedbackState.HANDED_OVER: QT_TRANSLATE_NOOP("Labels", "已转交"),
                FeedbackState.ANSWERED: QT_TRANSLATE_NOOP("Labels", "已答复")}
HEADERS = ["周", "日期", "反馈内容", "客服备注", "客服", "状态"]


@dataclass(frozen=True)
class FeedbackRow:
    """One shared item as the lead sees it (already redacted on the agent's PC)."""

    id: str
    department: str
    day: dt.date
    text: str
    note: str
    agent: str
    state: FeedbackState = FeedbackState.NEW


def grouped(rows: Iterable[FeedbackRow]) -> dict[str, dict[dt.date, list[FeedbackRow]]]:
    """Department → week (its Monday, newest first) → items (oldest first)."""
    by_department: dict[str, dict[dt.date, list[FeedbackRow]]] = {}
    for row in sorted(rows, key=lambda r: (r.department, r.day, r.id)):
        by_department.setdefault(row.department, {}).setdefault(week_of(row.day), []).append(row)
    return {dept: dict(sorted(weeks.items(), reverse=True)) for dept, weeks in sorted(by_department.items())}


def _cells(week: dt.date, row: FeedbackRow) -> list[str]:
    return [f"{week:%m-%d} 起", row.day.isoformat(), row.text, row.note, row.agent, STATE_LABELS[row.state]]


def write_summary_xlsx(path: Path, groups: Mapping[str, Mapping[dt.date, list[FeedbackRow]]]) -> None:
    """One sheet per department; written whole or not at all (`LibraryFileError` says why)."""
    sheets = {
        department: (HEADERS, formula_guard.neutralised_rows(_cells(week, row) for week, rows in weeks.items()
                                                             for row in rows))
        for department, weeks in groups.items()
    }
    atomic_write(path, lambda target: write_xlsx_sheets(target, sheets or {"意见反馈": (HEADERS, [])}))


def summary_html(groups: Mapping[str, Mapping[dt.date, list[FeedbackRow]]], title: str, made: dt.date) -> str:
    """A page to print or send on: a section per department, a table per week. Every text is escaped."""
    e = html.escape
    parts = [f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>{e(title)}</title>",
             "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;"
             "margin-bottom:1em}td,th{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}"
             "h2{page-break-before:auto}@media print{h2{page-break-before:always}h2:first-of-type"
             "{page-break-before:avoid}}</style>",
             f"<h1>{e(title)}</h1><p>{made.isoformat()} 生成 · 请各部门在一周内答复</p>"]
    if not groups:
        parts.append("<p>没有反馈。</p>")
    for department, weeks in groups.items():
        total = sum(len(rows) for rows in weeks.values())
        parts.append(f"<h2>{e(department)}（{total} 条）</h2>")
        for week, rows in weeks.items():
            parts.append(f"<h3>{week:%Y-%m-%d} 这一周</h3><table><tr>"
                         + "".join(f"<th>{e(h)}</th>" for h in HEADERS[1:]) + "</tr>")
            for row in rows:
                parts.append("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in _cells(week, row)[1:]) + "</tr>")
            parts.append("</table>")
    parts.append("</html>")
    return "\n".join(parts)
