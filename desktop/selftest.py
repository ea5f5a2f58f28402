"""`kuaida --self-test`: a headless check, for IT and CI, that this installation can run at all.

It loads Qt on the offscreen platform, creates a store in a temporary folder, loads the bundled resources,
and renders one suggestion into an image. It never touches the agent's data folder. One summary line,
exit code 0 or 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop import __version__

if TYPE_CHECKING:  # imported for real inside the checks: a failing import is a check's answer
    from desktop.core.phrases import Phrase
    from desktop.store.database import Store
    from desktop.store.phrases import PhraseRepository

# A message of our own (not from any evaluation data) that the bundled library must answer.
SAMPLE_MESSAGE = "请问今天下单什么时候发货？"


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str


class SelfTest:
    """Runs the checks in order; a failed check stops the ones that depend on it."""

    def __init__(self) -> None:
        self.results: list[CheckResult] = []
        self.library: list[Phrase] = []
        self.store: Store | None = None
        self.phrases: PhraseRepository | None = None
        self.reply = ""

    def run(self) -> bool:
        with tempfile.TemporaryDirectory(prefix="kuaida-selftest-") as folder:
            steps: list[tuple[str, Callable[[], str]]] = [
                ("resources", self._check_resources),
                ("store", lambda: self._check_store(Path(folder))),
                ("suggest", self._check_suggestion),
                ("text", self._check_text_tools),
                ("files", lambda: self._check_spreadsheets(Path(folder))),
                ("qt", self._check_qt_render),
            ]
            try:
                for name, step in steps:
                    try:
                        self.results.append(CheckResult(name, True, step()))
                    except Exception as error:  # any failure is the answer, reported in the summary line
                        self.results.append(CheckResult(name, False, f"{type(error).__name__}: {error}"))
                        return False
            finally:
                self._close_store()  # before the folder goes: Windows cannot delete an open database
        return True

    # the checks ------------------------------------------------------------------------------------
    def _check_resources(self) -> str:
        from importlib import resources

        from desktop.core.default_library import load_default_library

        self.library = load_default_library()
        if not self.library:
            raise RuntimeError("默认短语库为空")
        intents = resources.files("desktop.resources").joinpath("intents.tsv").read_text(encoding="utf-8")
        return f"{len(self.library)} 条短语，{max(0, len(intents.splitlines()) - 1)} 个意图"

    def _check_store(self, folder: Path) -> str:
        from desktop.store.database import open_store
        from desktop.store.phrases import PhraseRepository

        self.store = open_store(folder / "kuaida.sqlite3", backup_dir=folder / "backups")
        if not self.store.integrity_ok:
            raise RuntimeError("; ".join(self.store.problems[:3]))
        self.phrases = PhraseRepository(self.store.db)
        self.phrases.replace_source("team", self.library)
        return f"{self.phrases.count()} 条短语已写入临时数据库"

    def _check_suggestion(self) -> str:
        from desktop.core.templates import render
        from desktop.services.library import build_engine

        if self.phrases is None:
            raise RuntimeError("存储检查没有运行")
        suggestions = build_engine(self.phrases).suggest(SAMPLE_MESSAGE, top=3)
        if not suggestions:
            raise RuntimeError("默认短语库没有给出建议")
        self.reply = render(suggestions[0].phrase.text, {"客服": "小快", "店铺": "快答小店"})
        return f"{len(suggestions)} 条建议"

    def _check_text_tools(self) -> str:
        # The data files of OpenCC (traditional → simplified), pypinyin (search by initials) and the
        # sensitive-word list are what a frozen build most easily leaves behind.
        from desktop.core.normalize import normalize
        from desktop.core.search import initials
        from desktop.core.sensitive import SensitiveWords

        if normalize("請問發貨") != "请问发货":
            raise RuntimeError("繁简转换不可用")
        if initials("发货") != "fh":
            raise RuntimeError("拼音首字母不可用")
        if not SensitiveWords.default().find("加微信返现"):
            raise RuntimeError("敏感词表没有生效")
        return "繁简转换、拼音、敏感词"

    def _check_spreadsheets(self, folder: Path) -> str:
        # Phrase and order imports read .xlsx with python-calamine and exports write it with openpyxl:
        # both are compiled or data-heavy packages a frozen build can miss.
        from desktop.core.library_io import export_library, read_library

        path = folder / "selftest.xlsx"
        export_library(path, self.library[:3], layout="full")
        if len(read_library(path).rows) != min(3, len(self.library)):
            raise RuntimeError("Excel 文件读写结果不一致")
        return "Excel 读写"

    def _check_qt_render(self) -> str:
        # The offscreen platform needs no display, so the check means the same on a locked-down PC and CI.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6 import __version__ as pyside_version
        from PySide6.QtWidgets import QApplication, QLabel

        running = QApplication.instance()
        app = running if isinstance(running, QApplication) else QApplication([sys.argv[0] if sys.argv else "kuaida"])
        label = QLabel(self.reply)
        label.setWordWrap(True)
        label.resize(360, 120)
        image = label.grab().toImage()
        label.deleteLater()
        app.processEvents()
        background = image.pixel(0, 0)
        inked = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                    if image.pixel(x, y) != background)
        if image.isNull() or inked == 0:
            raise RuntimeError("建议没有绘制出任何文字")
        from desktop.ui.shell.i18n import qt_translation_file

        if qt_translation_file("zh_CN") is None:  # the bundle must ship it: installer/qt_trim.py keeps it
            raise RuntimeError("缺少 Qt 的中文翻译（qtbase_zh_CN.qm）：确定/取消等按钮会显示英文")
        return f"Qt {pyside_version} {app.platformName()}"

    def _close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    # reporting -------------------------------------------------------------------------------------
    def summary(self, seconds: float) -> str:
        failed = next((r for r in self.results if not r.ok), None)
        if failed is not None:
            return f"kuaida {__version__} self-test FAILED at {failed.name}: {failed.detail}"
        details = "; ".join(f"{r.name} ok ({r.detail})" for r in self.results)
        return f"kuaida {__version__} self-test passed in {seconds:.1f} s: {details}"


def run_self_test(out: TextIO | None = None) -> int:
    started = time.perf_counter()
    test = SelfTest()
    ok = test.run()
    line = test.summary(time.perf_counter() - started)
    stream = out if out is not None else sys.stdout
    if stream is not None:  # a windowed Windows executable has no stdout; the exit code still tells
        print(line, file=stream, flush=True)
    return 0 if ok else 1
