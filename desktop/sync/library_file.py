"""Reading a phrase library file for publishing, through the core importer `kuaida library import` uses.

The file is the whole team library: rows that match a current team phrase (by 编号, shortcut code or text,
as the importer matches) keep its id, so agents' usage and learning survive; phrases not in the file go.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.core.library_io import LibraryFileError, plan_import, read_library
from desktop.core.phrases import Phrase

__all__ = ["LibraryFileError", "read_library_file"]


def read_library_file(path: Path, current: Sequence[Phrase]) -> tuple[list[Phrase], list[str]]:
    """The team library `path` describes, in file order, and the skipped rows as sentences for the lead."""
    library = read_library(path)
    plan = plan_import(library, current, "team")
    candidates = {p.id: p for p in current if p.source == "team"}
    candidates.update({p.id: p for p in (*plan.updated, *plan.added)})
    by_code: dict[str, Phrase] = {}
    by_text: dict[str, Phrase] = {}
    for phrase in candidates.values():
        if phrase.code:
            by_code.setdefault(phrase.code, phrase)
        by_text.setdefault(phrase.text.strip(), phrase)
    chosen: dict[str, Phrase] = {}
    for row in library.rows:
        hit = (candidates.get(row.id) if row.id else None) or (by_code.get(row.code) if row.code else None) \
            or by_text.get(row.text)
        if hit is not None:
            chosen.setdefault(hit.id, hit)
    return list(chosen.values()), [str(issue) for issue in plan.skipped]
