"""导入短语… / 导出短语…: a Qianniu file becomes personal phrases (skipped rows listed), the engine is rebuilt,
and an export writes the personal phrases only, saying what GBK could not hold."""

from __future__ import annotations

from pathlib import Path

from desktop.core.phrases import Phrase
from desktop.services import Services
from desktop.ui.phrase_files import ExportFormat, PhraseFiles
from desktop.ui.tasks import ImmediateTaskRunner

from .conftest import RecordingFocus

QIANNIU = "快捷编码,快捷短语,快捷短语分组\r\nhy,亲，欢迎光临小店～,欢迎语\r\n,,空行\r\nbk,亲，包邮哦,议价优惠\r\n"


def make_files(services: Services) -> tuple[PhraseFiles, list[tuple[str, str, str]], RecordingFocus]:
    focus = RecordingFocus()
    files = PhraseFiles(ImmediateTaskRunner(services), focus)
    shown: list[tuple[str, str, str]] = []
    files.show_result = lambda title, text, details: shown.append((title, text, details))
    return files, shown, focus


def test_importing_a_qianniu_file_adds_personal_phrases_and_lists_skipped_rows(qtbot, services: Services,
                                                                              tmp_path: Path) -> None:
    source = tmp_path / "快捷短语.csv"
    source.write_bytes(QIANNIU.encode("gbk"))
    files, shown, focus = make_files(services)
    files.choose_import_path = lambda: source
    with qtbot.waitSignal(files.library_changed):
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
    with qtbot.assertNotEmitted(files.library_changed):
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
