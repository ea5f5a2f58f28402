"""Translations: every text in the code is in kuaida_en.ts and translated, the .qm is compiled from it, and
Qt's own buttons speak Chinese in Chinese mode."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop.ui.shell.i18n import Translations

ROOT = Path(__file__).resolve().parents[3]
TS_FILE = ROOT / "resources" / "i18n" / "kuaida_en.ts"
QM_FILE = ROOT / "resources" / "i18n" / "kuaida_en.qm"
TOOLS = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → the English, or None while it is unfinished or empty."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None and bool(translation.text)
            found[name, message.findtext("source", "")] = translation.text if done else None
    return found


def _tool(name: str) -> Path:
    tool = TOOLS / name
    if not tool.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    return tool


def test_every_text_in_the_code_is_in_the_translation_file_and_translated(tmp_path: Path) -> None:
    """scripts/translations extracts from every module; this runs the same extraction into a fresh file."""
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py") if "__pycache__" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = set(_messages(fresh))
    committed = _messages(TS_FILE)
    assert ("Application", "团队短语库…") in in_code  # app.py is extracted too
    missing = sorted(in_code - set(committed))
    untranslated = sorted(key for key in in_code & set(committed) if committed[key] is None)
    assert not missing, f"not in kuaida_en.ts (run scripts/translations): {missing}"
    assert not untranslated, f"no English yet in kuaida_en.ts: {untranslated}"


def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "kuaida_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == QM_FILE.read_bytes(), "kuaida_en.qm is stale: run scripts/translations"


def test_qt_standard_buttons_read_chinese_in_chinese_mode_and_english_in_english(qtbot) -> None:
    translations = Translations(QApplication.instance())
    try:
        assert translations.apply("zh_CN")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
        yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, "", "", yes_no)
        qtbot.addWidget(box)
        assert box.button(QMessageBox.StandardButton.Yes).text().startswith("是")
        assert translations.apply("en")
        english = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        qtbot.addWidget(english)
        assert english.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "") == "Save"
    finally:
        translations.remove()
