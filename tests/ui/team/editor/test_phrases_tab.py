"""The 短语 tab and its model: editing with preview and checks, inferred intents, the bundled defaults on import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

SHOP_EXPORT = "快捷编码,快捷短语,快捷短语分组\nfh,亲，付款后24小时内发货哦,售前\nzz,亲，这款是我们家的爆款,常用\n"


def test_editing_a_phrase_updates_the_draft_with_preview_emoji_and_sensitive_words(editor, qtbot):
    phrase = editor.phrases.add_phrase()
    assert editor.phrases.form.isEnabled() and editor.phrases.current_phrase_id() == phrase.id
    editor.phrases.form.text_edit.setPlainText("{问候}，{买家}，{活动}期间下单加微信领券")
    editor.phrases.form.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    editor.phrases.form.insert_emoji("🎁")
    editor.phrases.form.code_edit.setText("hd")
    editor.phrases.form.code_edit.textEdited.emit("hd")
    editor.phrases.form.intent_boxes[0].setCurrentIndex(editor.phrases.form.intent_boxes[0].findData("promotion"))
    edited = editor.draft.phrases[-1]
    assert edited.text.endswith("领券🎁")
    assert (edited.code, edited.intents) == ("hd", ("promotion",))
    form = editor.phrases.form
    assert "小猪佩奇" in form.preview_label.text() and "双11期间" in form.preview_label.text()
    assert form.warning_label.text().startswith("含敏感词：") and "微信" in form.warning_label.text()
    row = editor.model.row_of(phrase.id)
    assert editor.model.index(row, 0).data() == "hd"


def test_the_draft_model_passes_the_model_tester(qtmodeltester, editor):
    editor.phrases.add_phrase()
    qtmodeltester.check(editor.model, force_py=True)
    qtmodeltester.check(editor.phrases.proxy, force_py=True)


def _row(editor, phrase_id: str) -> int:
    return editor.model.row_of(phrase_id)


def _intent_cell(editor, phrase_id: str) -> str:
    return editor.model.index(_row(editor, phrase_id), 3).data()


def _imported(editor, tmp_path) -> tuple[str, str]:
    csv = tmp_path / "shop.csv"
    csv.write_text(SHOP_EXPORT, encoding="utf-8")
    editor.import_file(csv)
    by_code = {p.code: p.id for p in editor.draft.phrases}
    return by_code["fh"], by_code["zz"]


def test_phrases_without_intents_show_the_inferred_ones_marked_as_such(editor, tmp_path):
    shipping, other = _imported(editor, tmp_path)
    assert _intent_cell(editor, shipping) == "推断：发货时间"
    assert editor.model.index(_row(editor, shipping), 3).data(Qt.ItemDataRole.FontRole).italic()
    assert _intent_cell(editor, other) == "（无，不会被推荐）"
    assert "2 条没有意图（推断出 1 条，请确认或改正）" in editor.statusBar().currentMessage()
    assert editor.draft.phrases[_row(editor, shipping)].intents == ()  # shown, not yet stored

    editor.phrases.select_phrase(shipping)
    assert editor.phrases.form.inferred_label.text() == "推断：发货时间（未确认）"
    assert not editor.phrases.form.confirm_inferred_button.isHidden()
    editor.phrases.select_phrase(other)
    assert "没有意图" in editor.phrases.form.inferred_label.text()
    assert editor.phrases.form.confirm_inferred_button.isHidden()


def test_confirming_stores_the_inferred_intents_which_survive_re_import(editor, tmp_path):
    shipping, _other = _imported(editor, tmp_path)
    editor.phrases.select_phrase(shipping)
    editor.phrases.form.confirm_inferred_button.click()
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("ship_time",)
    assert _intent_cell(editor, shipping) == "发货时间"
    assert editor.phrases.form.confirm_inferred_button.isHidden()

    editor.import_file(tmp_path / "shop.csv")  # the same Qianniu file again: it carries no intents
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("ship_time",)


def test_correcting_an_inferred_intent_stores_the_lead_s_choice(editor, tmp_path):
    shipping, _other = _imported(editor, tmp_path)
    editor.phrases.select_phrase(shipping)
    box = editor.phrases.form.intent_boxes[0]
    box.setCurrentIndex(box.findData("logistics"))
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("logistics",)
    assert _intent_cell(editor, shipping) == "物流查询"


def test_confirm_all_stores_every_inferred_intent_and_counts_the_rest(editor, tmp_path):
    shipping, other = _imported(editor, tmp_path)
    assert editor.phrases.confirm_all_inferred() == 1
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("ship_time",)
    assert editor.draft.phrases[_row(editor, other)].intents == ()
    assert "1 条没有意图" in editor.statusBar().currentMessage()


@pytest.mark.parametrize("keep", [False, True])
def test_importing_the_shops_library_asks_whether_to_keep_the_bundled_defaults(bundled_editor, tmp_path, keep):
    asked: list[str] = []

    def confirm(title: str, text: str, accept: str) -> bool:
        asked.append(text)
        return keep

    bundled_editor.confirm = confirm
    _imported(bundled_editor, tmp_path)
    assert len(asked) == 1 and "默认短语" in asked[0]
    bundled = [p for p in bundled_editor.draft.phrases if p.id.startswith("d-")]
    assert bool(bundled) is keep
    assert {"fh", "zz"} <= {p.code for p in bundled_editor.draft.phrases}
