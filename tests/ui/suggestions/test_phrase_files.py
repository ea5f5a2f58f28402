"""导入短语… / 导出短语…: a Qianniu file becomes personal phrases (skipped rows listed), the engine is rebuilt,
and an export writes the personal phrases only, saying what GBK could not hold."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.phrases import Phrase
from desktop.paths import Paths
from desktop.services.context import Services, ensure_default_library
from desktop.settings import Settings
from desktop.store.database import open_memory_store
from desktop.store.phrases import PhraseRepository
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.runtime.library_service import LibraryService
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.suggestions.phrase_files import ExportFormat, PhraseFiles

from ..conftest import RecordingFocus

QIANNIU = "快捷编码,快捷短语,快捷短语分组\r\nhy,亲，欢迎光临小店～,欢迎语\r\n,,空行\r\nbk,亲，包邮哦,议价优惠\r\n"


def make_files(services: Services) -> tuple[PhraseFiles, list[tuple[str, str, str]], RecordingFocus]:
    focus = RecordingFocus()
    runner = ImmediateTaskRunner(services)
    files = PhraseFiles(runner, focus, library=LibraryService(runner))
    shown: list[tuple[str, str, str]] = []
    files.show_result = lambda title, text, details: shown.append((title, text, details))
    return files, shown, focus


def test_importing_a_qianniu_file_adds_personal_phrases_and_lists_skipped_rows(qtbot, services: Services,
                                                                              tmp_path: Path) -> None:
    source = tmp_path / "快捷短语.csv"
    source.write_bytes(QIANNIU.encode("gbk"))
    files, shown, focus = make_files(services)
    files.choose_import_path = lambda: source
    with qtbot.waitSignal(files.library.changed):
        files.import_action.trigger()
    assert focus.calls == ["remember", "restore"]  # the file dialog borrowed the keyboard and gave it back
    personal = {p.text for p in services.phrases.all() if p.source == "personal"}
    assert {"亲，欢迎光临小店～", "亲，包邮哦"} <= personal
    (_title, text, details) = shown[0]
    assert "新增 2 条" in text and "跳过 1 行" in text
    assert "第 3 行" in details


def test_a_broken_file_changes_nothing_and_says_why(qtbot, services: Services, tmp_path: Path) -> None:
    source = tmp_path / "old.xls"
    source.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    files, shown, _focus = make_files(services)
    before = services.phrases.count()
    with qtbot.assertNotEmitted(files.library.changed):
        files.import_file(source)
    assert services.phrases.count() == before
    assert shown[0][1].startswith("导入失败")


def test_exporting_writes_only_personal_phrases_and_reports_gbk_losses(services: Services, tmp_path: Path) -> None:
    services.phrases.save(Phrase("p-emoji", "亲，收到啦😊", "我的", "sd", source="personal"))
    files, shown, _focus = make_files(services)
    target = tmp_path / "我的短语.csv"
    files.choose_export_path = lambda: (target, ExportFormat("qianniu", "gbk", ".csv"))
    files.export_action.trigger()
    written = target.read_bytes().decode("gbk")
    assert "亲，收到啦" in written and "运费险" in written  # both personal phrases
    assert "48小时" not in written  # team phrases stay out
    (_title, text, details) = shown[0]
    assert "已导出 2 条" in text and "p-emoji" in details and "😊" in details


def test_a_qianniu_export_fills_the_agents_values_and_lists_what_it_could_not_fill(
        services: Services, tmp_path: Path) -> None:
    services.settings.set("agent_name", "小美")
    services.phrases.save(Phrase("p-vars", "{问候}，我是{客服}，{买家}久等了", "我的", "wm", source="personal"))
    focus = RecordingFocus()
    files = PhraseFiles(ImmediateTaskRunner(services), focus, settings=SettingsBridge(services.settings))
    shown: list[tuple[str, str, str]] = []
    files.show_result = lambda title, text, details: shown.append((title, text, details))
    target = tmp_path / "千牛.csv"
    files.export_file(target, ExportFormat("qianniu", "utf-8", ".csv"))
    written = target.read_bytes().decode("utf-8-sig")
    assert "我是小美，久等了" in written and "{" not in written
    (_title, text, details) = shown[0]
    assert "条短语的变量没有值" in text
    assert "{问候}、{买家}" in details and "我是{客服}" in details  # the phrase as the agent wrote it


SHOP = "快捷编码,快捷短语,快捷短语分组\r\nth,亲，七天无理由退换,退换货\r\nzz,亲，这款是我们家的爆款,售前\r\n"


@pytest.fixture
def bundled_only(kuaida_home: Path) -> Iterator[Services]:
    """A store as a new installation has it: the bundled library only."""
    store = open_memory_store()
    phrases = PhraseRepository(store.db)
    ensure_default_library(phrases)
    paths = Paths(kuaida_home)
    yield Services(paths, Settings(paths.settings_file), store, phrases)
    store.close()


def test_the_first_import_of_the_shops_library_reports_intents_and_asks_about_the_bundled_defaults(
    qtbot, bundled_only: Services, tmp_path: Path, settings
) -> None:
    source = tmp_path / "shop.csv"
    source.write_text(SHOP, encoding="utf-8")
    files = PhraseFiles(ImmediateTaskRunner(bundled_only), RecordingFocus(), settings=settings)
    shown: list[tuple[str, str, str]] = []
    asked: list[str] = []
    files.show_result = lambda title, text, details: shown.append((title, text, details))
    files.ask_keep_bundled = lambda: asked.append("keep?") or True  # type: ignore[func-returns-value]
    files.import_file(source)
    (_title, text, details) = shown[0]
    assert "其中 1 条有适用问题（推断 1 条），1 条没有" in text
    assert "推断：退换货\tth\t[退换货]\t亲，七天无理由退换" in details
    assert "没有适用问题\tzz\t[售前]\t亲，这款是我们家的爆款" in details
    assert asked == ["keep?"] and settings.get("keep_bundled_phrases") is True

    files.import_file(source)  # not the first time: not asked again
    assert asked == ["keep?"]


def test_a_locked_bundled_choice_is_not_asked(qtbot, bundled_only: Services, tmp_path: Path,
                                              kuaida_home: Path) -> None:
    locked = SettingsBridge(Settings(Paths(kuaida_home).settings_file, policy={"keep_bundled_phrases": 1}))
    source = tmp_path / "shop.csv"
    source.write_text(SHOP, encoding="utf-8")
    files = PhraseFiles(ImmediateTaskRunner(bundled_only), RecordingFocus(), settings=locked)
    files.show_result = lambda *_args: None
    files.ask_keep_bundled = lambda: pytest.fail("a locked setting is not asked about")
    files.import_file(source)
    assert locked.get("keep_bundled_phrases") is True
