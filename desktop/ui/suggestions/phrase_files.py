"""导入短语… / 导出短语… in the tray: the agent's personal phrases to and from a spreadsheet (Qianniu's three
columns or Kuaida's full layout, CSV or .xlsx), read and written off the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.intent_review import IntentReport, intent_names, phrase_line, review_intents
from desktop.core.library_io import ExportReport, ImportPlan, Layout, export_library, read_library
from desktop.platform.focus import FocusReturn
from desktop.services.context import Services
from desktop.services.values import export_values
from desktop.ui.runtime.library_service import LibraryService
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.runtime.tasks import Runner
from desktop.ui.widgets.plain_text import message_box

log = logging.getLogger(__name__)

SHOWN_ROWS = 20  # skipped rows or GBK losses listed in the box; the rest are counted
SHOWN_INLINE = 8  # up to this many lines show in the box itself, more behind 显示详细信息


@dataclass(frozen=True)
class Imported:
    plan: ImportPlan
    intents: IntentReport  # of the phrases added or updated
    first_own_library: bool  # this import gave the shop a library of its own: ask about the bundled defaults


@dataclass(frozen=True)
class ExportFormat:
    layout: Layout
    encoding: str
    suffix: str


def export_formats() -> dict[str, ExportFormat]:
    """File-dialog filter → what to write. Translated at call time (the language may have changed)."""
    translate = QCoreApplication.translate  # written out in full below, so pyside6-lupdate finds the texts
    return {
        translate("PhraseFiles", "千牛格式 CSV（可导入千牛/旺旺）(*.csv)"): ExportFormat("qianniu", "utf-8", ".csv"),
        translate("PhraseFiles", "千牛格式 CSV，GBK 编码（旧版千牛）(*.csv)"): ExportFormat("qianniu", "gbk", ".csv"),
        translate("PhraseFiles", "快答完整格式 CSV（含意图、关键词）(*.csv)"): ExportFormat("full", "utf-8", ".csv"),
        translate("PhraseFiles", "Excel 工作簿 (*.xlsx)"): ExportFormat("full", "utf-8", ".xlsx"),
    }


class PhraseFiles(QObject):
    """Tray actions `import_action` and `export_action`; an import that changed phrases reloads `library`
    (the suggestions come from the new phrases at once)."""

    def __init__(self, runner: Runner, focus: FocusReturn | None = None, parent_widget: QWidget | None = None,
                 parent: QObject | None = None, *, settings: SettingsBridge | None = None,
                 library: LibraryService | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.library = library
        self._focus = focus or FocusReturn()
        self._parent_widget = parent_widget
        self._settings = settings
        # Replaceable in tests: the file dialogs and the result box.
        self.choose_import_path: Callable[[], Path | None] = self._ask_import_path
        self.choose_export_path: Callable[[], tuple[Path, ExportFormat] | None] = self._ask_export_path
        self.show_result: Callable[[str, str, str], None] = self._show_box  # title, text, details
        self.ask_keep_bundled: Callable[[], bool] = self._ask_keep_bundled
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.ask_export)
        self.retranslate()

    @property
    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action]

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("导入短语…"))
        self.import_action.setToolTip(self.tr("把千牛/旺旺导出的快捷短语表（CSV 或 Excel）导入为我的短语"))
        self.export_action.setText(self.tr("导出短语…"))
        self.export_action.setToolTip(self.tr("把我的短语导出为千牛可导入的表格"))

    # import ----------------------------------------------------------------------------------------
    def ask_import(self) -> None:
        path = self._with_keyboard(self.choose_import_path)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Read and merge `path` into the personal phrases on the DB worker: every good row, or nothing."""
        def job(services: Services) -> Imported:
            had_own = services.phrases.has_own_library()
            plan = services.phrases.import_library(read_library(path), "personal")
            report = review_intents([*plan.added, *plan.updated])
            return Imported(plan, report, not had_own and services.phrases.has_own_library())

        self._runner.db(job, lambda imported: self._on_imported(path, imported), self._on_import_failed,
                        owner=self)

    def _on_imported(self, path: Path, imported: Imported) -> None:
        plan, intents = imported.plan, imported.intents
        if (plan.added or plan.updated) and self.library is not None:
            self.library.reload()
        text = self.tr("已把 %1 导入到我的短语：%2").replace("%1", path.name).replace("%2", plan.summary())
        lines = [self.tr("跳过 %1").replace("%1", str(issue)) for issue in plan.skipped]
        if plan.added or plan.updated:
            text += "\n" + self.tr("其中 %1 条有适用问题（推断 %2 条），%3 条没有，不会按买家消息推荐。").replace(
                "%1", str(intents.with_intents)).replace("%2", str(len(intents.inferred))).replace(
                "%3", str(len(intents.without)))
            lines += [self.tr("推断：%1\t%2").replace("%1", intent_names(ids)).replace("%2", phrase_line(phrase))
                      for phrase, ids in intents.inferred]
            lines += [self.tr("没有适用问题\t%1").replace("%1", phrase_line(phrase)) for phrase in intents.without]
        self.show_result(self.tr("导入短语"), text, _listed(lines))
        if imported.first_own_library and self._settings is not None and not self._settings.locked(
                "keep_bundled_phrases"):
            self._settings.set("keep_bundled_phrases", self.ask_keep_bundled())

    def _on_import_failed(self, error: BaseException) -> None:
        log.warning("phrase import failed: %s", type(error).__name__)
        text = self.tr("导入失败：%1（短语库没有任何改动）").replace("%1", str(error))
        self.show_result(self.tr("导入短语"), text, "")

    # export ----------------------------------------------------------------------------------------
    def ask_export(self) -> None:
        chosen = self._with_keyboard(self.choose_export_path)
        if chosen is not None:
            self.export_file(*chosen)

    def export_file(self, path: Path, fmt: ExportFormat) -> None:
        """Read the personal phrases on the DB worker, write the file on the I/O pool. The Qianniu layout is
        rendered with the agent's 客服昵称/店铺名称 (千牛 would send `{客服}` as it stands)."""
        values = export_values(self._settings.settings) if self._settings is not None else {}

        def write(phrases: list[Any]) -> None:
            lines = {phrase.id: phrase_line(phrase) for phrase in phrases}
            self._runner.io(lambda: export_library(path, phrases, layout=fmt.layout, encoding=fmt.encoding,
                                                   values=values),
                            lambda report: self._on_exported(report, lines), self._on_export_failed, owner=self)

        self._runner.db(lambda services: [p for p in services.phrases.all() if p.source == "personal"],
                        write, self._on_export_failed, owner=self)

    def _on_exported(self, report: ExportReport, lines: dict[str, str]) -> None:
        text = self.tr("已导出 %1 条我的短语到 %2").replace("%1", str(report.written)).replace("%2", str(report.path))
        losses = [self.tr("编号 %1：GBK 无法保存的字符已省略：%2").replace("%1", pid).replace("%2", chars)
                  for pid, chars in report.dropped]
        if losses:
            note = self.tr("%1 条短语含 GBK 无法保存的字符（如表情），导出时已省略。")
            text += "\n" + note.replace("%1", str(len(losses)))
        unfilled = [self.tr("变量没有值：%1\t%2").replace("%1", "、".join("{" + name + "}" for name in names))
                    .replace("%2", lines.get(pid, pid)) for pid, names in report.unfilled]
        if unfilled:
            note = self.tr("%1 条短语的变量没有值，导出时已省去（千牛会原样发送花括号），请在千牛里补上。")
            text += "\n" + note.replace("%1", str(len(unfilled)))
        self.show_result(self.tr("导出短语"), text, _listed(losses + unfilled))

    def _on_export_failed(self, error: BaseException) -> None:
        log.warning("phrase export failed: %s", type(error).__name__)
        self.show_result(self.tr("导出短语"), self.tr("导出失败：%1").replace("%1", str(error)), "")

    # dialogs ---------------------------------------------------------------------------------------
    def _with_keyboard(self, ask: Callable[[], Any]) -> Any:
        """A file dialog needs the keyboard: borrow it from the chat client and give it back afterwards."""
        self._focus.remember()
        try:
            return ask()
        finally:
            self._focus.restore()

    def _ask_import_path(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self._parent_widget, self.tr("导入短语"), str(Path.home()),
            self.tr("短语表 (*.csv *.xlsx);;所有文件 (*)"))
        return Path(name) if name else None

    def _ask_export_path(self) -> tuple[Path, ExportFormat] | None:
        formats = export_formats()
        suggested = str(Path.home() / self.tr("我的快捷短语.csv"))
        name, chosen = QFileDialog.getSaveFileName(self._parent_widget, self.tr("导出短语"), suggested,
                                                   ";;".join(formats))
        if not name:
            return None
        fmt = formats.get(chosen, next(iter(formats.values())))
        path = Path(name)
        if path.suffix.lower() != fmt.suffix:
            path = path.with_suffix(fmt.suffix)
        return path, fmt

    def _ask_keep_bundled(self) -> bool:
        """Asked once, after the first import of the shop's own library."""
        box = message_box(QMessageBox.Icon.Question, self.tr("快答自带的默认短语"),
                          self.tr("已有你们自己的短语了。还要推荐快答自带的默认短语吗？"), self._parent_widget)
        box.setInformativeText(self.tr("默认短语里的时效、快递、包邮条件（如 48小时、中通、满99包邮）未必和你们店一样。"
                                       "不推荐时，只推荐你们自己的短语；以后可在设置里改。"))
        drop = box.addButton(self.tr("只用我们的短语"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("继续推荐默认短语"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(drop)
        self._with_keyboard(box.exec)
        keep = box.clickedButton() is not drop
        box.deleteLater()
        return keep

    def _show_box(self, title: str, text: str, details: str) -> None:
        box = message_box(QMessageBox.Icon.Information, title, text, self._parent_widget)
        if details.count("\n") < SHOWN_INLINE:
            box.setInformativeText(details)
        else:
            box.setDetailedText(details)
        self._with_keyboard(box.exec)
        box.deleteLater()


def _listed(lines: list[str]) -> str:
    shown = lines[:SHOWN_ROWS]
    if len(lines) > SHOWN_ROWS:
        more = QCoreApplication.translate("PhraseFiles", "……另有 %1 行")
        shown.append(more.replace("%1", str(len(lines) - SHOWN_ROWS)))
    return "\n".join(shown)
