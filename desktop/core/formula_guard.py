"""Cells Kuaida writes to spreadsheets never run as formulas (CSV/formula injection, as OWASP describes it).

Excel, WPS and LibreOffice treat a cell starting with `=`, `+`, `-` or `@` (and, in some versions, a tab or
carriage return) as a formula, so a published phrase `=HYPERLINK("http://…")` would run on the lead's PC.
Every export puts a `'` in front of such a cell. Our importers take exactly one `'` off again, so an export
read back gives the same text; a cell that already starts with `'` before such a character gets one more on
export, which keeps the two steps each other's inverse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_GUARD = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(cell: str) -> str:
    """`cell` as a spreadsheet shows it as text: a leading `'` when it would otherwise start a formula."""
    return f"'{cell}" if _NEEDS_GUARD.match(cell) else cell


def restore(cell: str) -> str:
    """Undo `neutralise` on a cell read from one of our exports (anything else comes back unchanged)."""
    return cell[1:] if _GUARDED.match(cell) else cell


def neutralised_rows(rows: Iterable[Sequence[str]]) -> list[list[str]]:
    return [[neutralise(cell) for cell in row] for row in rows]
