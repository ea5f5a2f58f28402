"""The lead's library editor: lead mode by key, editing with preview and checks, import, proposals, usage,
and publishing that agents then follow."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey, write_key_pair
from desktop.core.sync.pack import Promotion, TeamLibrary
from desktop.store.database import open_memory_store
from desktop.store.team import TeamRepository
from desktop.sync.inbox import list_proposals, propose
from desktop.sync.publish import publish
from desktop.sync.pull import sync_once
from desktop.sync.usage import write_usage
from desktop.ui.runtime.tasks import ImmediateTaskRunner
from desktop.ui.team.editor.window import LibraryEditor

KEY = SigningKey.generate()


class FakeSettings:
    def get(self, key: str) -> object:
        return {"agent_name": "王主管"}[key]


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def lead_store(share):
    """The lead's store, following a v1 with two phrases and a running promotion."""
    library = TeamLibrary(
        (Phrase(id="t-1", text="亲，在的呢😊", group="欢迎", source="team"),
         Phrase(id="t-2", text="{活动}期间全店满减哦", group="促销", source="team")),
        promotions=(Promotion("双11", dt.date(2026, 11, 1), dt.date(2026, 11, 11), ("满300减40",)),),
    )
    publish(share, library, KEY, "王主管")
    store = open_memory_store()
    sync_once(share, TeamRepository(store.db), trust=KEY.public.fingerprint)
    yield store
    store.close()


@pytest.fixture
def editor(qtbot, share, lead_store):
    window = LibraryEditor(ImmediateTaskRunner(lead_store), FakeSettings(), lambda: share)
    qtbot.addWidget(window)
    window.confirmations = []

    def confirm(title: str, text: str, accept: str) -> bool:
        window.confirmations.append((title, text, accept))
        return accept != "仍然发布" or window.allow_sensitive

    window.allow_sensitive = False
    window.confirm = confirm
    window.notes_asked = []
    window.note_to_give = ""

    def ask_note(title: str, text: str) -> str:
        window.notes_asked.append((title, text))
        return window.note_to_give

    window.ask_note = ask_note
    window.load()
    return window


def test_agents_see_the_library_but_only_the_key_holder_can_publish(editor, tmp_path):
    assert not editor.lead_mode and not editor.publish_action.isVisible()
    assert [p.id for p in editor.draft.phrases] == ["t-1", "t-2"]
    assert editor.publish() is False
    private, _ = write_key_pair(tmp_path / "keys", KEY)
    editor.pick_file = lambda _title, _filters: str(private)
    editor.unlock_action.trigger()
    assert editor.lead_mode
    assert editor.windowTitle() == "团队短语库（主管模式）"
    assert editor.publish_action.isVisible() and not editor.unlock_action.isVisible()


def test_editing_a_phrase_updates_the_draft_with_preview_emoji_and_sensitive_words(editor, qtbot):
    phrase = editor.add_phrase()
    assert editor.form.isEnabled() and editor.current_phrase_id() == phrase.id
    editor.form.text_edit.setPlainText("{问候}，{买家}，{活动}期间下单加微信领券")
    editor.form.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    editor.form.insert_emoji("🎁")
    editor.form.code_edit.setText("hd")
    editor.form.code_edit.textEdited.emit("hd")
    editor.form.intent_boxes[0].setCurrentIndex(editor.form.intent_boxes[0].findData("promotion"))
    edited = editor.draft.phrases[-1]
    assert edited.text.endswith("领券🎁")
    assert (edited.code, edited.intents) == ("hd", ("promotion",))
    assert "小猪佩奇" in editor.form.preview_label.text() and "双11期间" in editor.form.preview_label.text()
    assert editor.form.warning_label.text().startswith("含敏感词：") and "微信" in editor.form.warning_label.text()
    row = editor.model.row_of(phrase.id)
    assert editor.model.index(row, 0).data() == "hd"


def test_a_sensitive_word_blocks_publishing_unless_the_lead_overrides_with_a_note(editor, share, tmp_path):
    editor.set_signing_key(KEY)
    phrase = editor.add_phrase()
    editor.form.text_edit.setPlainText("销量第一，加微信返现")
    editor.allow_sensitive = False
    editor.confirm = lambda title, text, accept: editor.confirmations.append((title, text, accept)) or (
        accept == "发布团队库" or accept == "发布")
    assert editor.publish() is False  # the fix is offered and declined, no note given
    assert editor.confirmations[-1][2] == "采用替代说法"
    assert editor.notes_asked[-1][0] == "仍然发布"
    assert editor.current_phrase_id() == phrase.id  # the offending phrase is shown
    assert editor.statusBar().currentMessage().startswith("未发布")
    editor.note_to_give = "品牌方授权的说法"
    assert editor.publish() is True
    assert editor.confirmations[-1][0] == "发布团队库"
    assert "新增 1 条" in editor.confirmations[-1][1]
    assert editor.statusBar().currentMessage() == "已发布团队库 v2"
    agent = open_memory_store()
    status = sync_once(share, TeamRepository(agent.db), trust=KEY.public.fingerprint)
    assert (status.local_version, TeamRepository(agent.db).phrases.count("team")) == (2, 3)
    agent.close()
    manifest = json.loads((share / "manifest.json").read_text(encoding="utf-8"))
    header = json.loads((share / manifest["pack"]).read_bytes().split(b"\n", 1)[0])
    assert [(n["phrase_id"], n["note"]) for n in header["publish_notes"]] == [(phrase.id, "品牌方授权的说法")]


def test_the_word_lists_replacements_fix_the_phrases_before_publishing(editor):
    editor.set_signing_key(KEY)
    phrase = editor.add_phrase()
    editor.form.text_edit.setPlainText("亲，全网最低价哦")
    assert editor.publish() is False  # the test's confirm accepts 采用替代说法
    assert editor.draft.phrases[-1].text == "亲，性价比很高哦"
    assert editor.form.text_edit.toPlainText() == "亲，性价比很高哦" and editor.current_phrase_id() == phrase.id
    assert "已用替代说法修正 1 条短语" in editor.statusBar().currentMessage()
    assert editor.publish() is True and editor.notes_asked == []


def test_an_empty_phrase_must_be_fixed_before_publishing(editor):
    editor.set_signing_key(KEY)
    phrase = editor.add_phrase()
    editor.form.text_edit.setPlainText("  ")
    assert editor.publish() is False
    assert editor.current_phrase_id() == phrase.id
    assert "短语内容为空" in editor.statusBar().currentMessage()


def test_a_publish_raced_by_another_lead_is_refused_with_advice(editor, share):
    editor.set_signing_key(KEY)
    publish(share, TeamLibrary((Phrase(id="t-9", text="别人的版本", source="team"),)), KEY, "李主管")
    editor.add_phrase()
    assert editor.publish() is True  # confirmed and started; the share then refuses
    assert "请先同步" in editor.statusBar().currentMessage()
    assert editor.publish_action.isEnabled()


def test_importing_a_spreadsheet_replaces_the_draft_and_shows_the_diff(editor, tmp_path):
    csv = tmp_path / "phrases.csv"
    rows = "快捷编码,快捷短语,快捷短语分组\n,亲，在的呢😊,欢迎\nfh,亲，48小时内发货哦,发货\n"
    csv.write_text(rows, encoding="utf-8-sig")
    editor.import_file(csv)
    assert [p.text for p in editor.draft.phrases] == ["亲，在的呢😊", "亲，48小时内发货哦"]
    assert editor.draft.phrases[0].id == "t-1"  # the matching phrase keeps its id (and agents' usage)
    assert editor.diff().summary() == "新增 1 条，修改 0 条，删除 1 条"
    assert editor.statusBar().currentMessage().startswith("已导入：新增 1 条")
    editor.show_diff()
    assert "+ [发货] 亲，48小时内发货哦" in editor.confirmations[-1][1]


def test_proposals_are_accepted_into_the_draft_or_rejected_and_leave_the_inbox(editor, share):
    propose(share, Phrase(id="p-1", text="亲，今天下单送运费险哦", group="促单"), "aaaaaaaaaaaaaaaa", "小美", "转化好")
    propose(share, Phrase(id="p-2", text="随便写的"), "bbbbbbbbbbbbbbbb", "小王")
    editor.load_proposals()
    assert editor.proposal_list.count() == 2
    assert editor.tabs.tabText(2) == "客服建议 (2)"
    assert editor.proposal_list.item(0).text() == "小美：亲，今天下单送运费险哦（转化好）"
    accepted = editor.accept_proposal(0)
    assert accepted is not None and editor.draft.phrases[-1].text == "亲，今天下单送运费险哦"
    assert editor.draft.phrases[-1].group == "促单" and editor.current_phrase_id() == accepted.id
    editor.reject_proposal(0)
    assert list_proposals(share) == ([], 0)
    assert editor.tabs.tabText(2) == "客服建议 (0)"


def test_team_usage_shows_most_and_least_used_phrases_and_intents_without_matches(editor, share):
    write_usage(share, "aaaaaaaaaaaaaaaa", [("t-2", "2026-11-22", 7)], [("ship_time", "2026-11-22", 3)],
                {"t-1", "t-2"}, dt.date(2026, 11, 23))
    editor.load_usage()
    assert editor.most_table.item(0, 0).text() == "{活动}期间全店满减哦"
    assert editor.most_table.item(0, 1).text() == "7"
    assert (editor.least_table.item(0, 0).text(), editor.least_table.item(0, 1).text()) == ("亲，在的呢😊", "0")
    assert editor.no_match_table.item(0, 1).text() == "3"
    assert editor.usage_label.text().startswith("1 位客服")


def test_the_lead_sees_which_kuaida_and_library_versions_the_agents_run(editor, share):
    write_usage(share, "aaaaaaaaaaaaaaaa", [], [], set(), kuaida_version="0.1.0", library_version=12)
    write_usage(share, "bbbbbbbbbbbbbbbb", [], [], set(), kuaida_version="0.0.9", library_version=12)
    (share / "stats" / "cccccccccccccccc.json").write_text(
        '{"kind": "kuaida-team-usage", "agent": "cccccccccccccccc", "uses": {}, "no_match": {}}', encoding="utf-8")
    editor.load_usage()
    text = editor.versions_label.text()
    assert "未经验证" in text and "0.1.0 × 1" in text and "0.0.9 × 1" in text and "未知 × 1" in text
    assert "v12 × 2" in text
    assert "aaaaaaaaaaaaaaaa: 0.1.0 · v12" in editor.versions_label.toolTip()


def test_proposals_and_usage_say_they_are_unverified_and_what_was_left_out(editor, share):
    propose(share, Phrase(id="", text="亲，在的"), "aaaaaaaaaaaaaaaa", "小美")
    (share / "inbox" / "junk-name.json").write_text("{}", encoding="utf-8")
    (share / "stats").mkdir()
    (share / "stats" / "bbbbbbbbbbbbbbbb.json").write_text('{"kind": "kuaida-team-usage", "agent": "x"}',
                                                           encoding="utf-8")
    editor.load_proposals()
    editor.load_usage()
    assert "未经验证" in editor.proposals_note.text() and "另有 1 个文件未显示" in editor.proposals_note.text()
    assert "未经验证" in editor.usage_label.text() and "1 个统计文件不可信" in editor.usage_label.text()


def test_team_settings_are_checked_then_published_with_the_library(editor, share):
    editor.set_signing_key(KEY)
    editor.promotions_edit.setPlainText("双12 | 2026-12-01 | 2026-12-12 | 满199减20；送赠品")
    editor.words_edit.setPlainText("秒杀价\t价格用语")
    editor.featured_box.setCurrentIndex(editor.featured_box.findData("t-1"))
    editor.featured_product.setText("加绒卫衣")
    editor.featured_start.setText("2026-12-01")
    editor.featured_end.setText("2026-11-01")
    assert editor.apply_team_settings() is False and "早于" in editor.team_problem.text()
    editor.featured_end.setText("2026-12-07")
    assert editor.apply_team_settings() is True
    assert editor.publish() is True
    agent = TeamRepository(open_memory_store().db)
    sync_once(share, agent, trust=KEY.public.fingerprint)
    assert agent.active_promotion(dt.date(2026, 12, 5)).talking_points == ("满199减20", "送赠品")
    assert [w.word for w in agent.sensitive_words()] == ["秒杀价"]
    assert agent.pinned_ids(dt.date(2026, 12, 3)) == ["t-1"]
    agent.db.close()


def test_a_key_that_is_not_the_teams_cannot_publish(editor):
    editor.set_signing_key(SigningKey.generate())
    editor.add_phrase()
    assert editor.publish() is False
    assert "不是团队正在使用的密钥" in editor.statusBar().currentMessage()
    assert editor.confirmations == []


def test_the_draft_model_passes_the_model_tester(qtmodeltester, editor):
    editor.add_phrase()
    qtmodeltester.check(editor.model, force_py=True)
    qtmodeltester.check(editor.proxy, force_py=True)


# inferred intents: shown as 推断, confirmed or corrected by the lead -----------------------------------
SHOP_EXPORT = "快捷编码,快捷短语,快捷短语分组\nfh,亲，付款后24小时内发货哦,售前\nzz,亲，这款是我们家的爆款,常用\n"


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

    editor.select_phrase(shipping)
    assert editor.form.inferred_label.text() == "推断：发货时间（未确认）"
    assert not editor.form.confirm_inferred_button.isHidden()
    editor.select_phrase(other)
    assert "没有意图" in editor.form.inferred_label.text()
    assert editor.form.confirm_inferred_button.isHidden()


def test_confirming_stores_the_inferred_intents_which_survive_re_import(editor, tmp_path):
    shipping, _other = _imported(editor, tmp_path)
    editor.select_phrase(shipping)
    editor.form.confirm_inferred_button.click()
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("ship_time",)
    assert _intent_cell(editor, shipping) == "发货时间"
    assert editor.form.confirm_inferred_button.isHidden()

    editor.import_file(tmp_path / "shop.csv")  # the same Qianniu file again: it carries no intents
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("ship_time",)


def test_correcting_an_inferred_intent_stores_the_lead_s_choice(editor, tmp_path):
    shipping, _other = _imported(editor, tmp_path)
    editor.select_phrase(shipping)
    box = editor.form.intent_boxes[0]
    box.setCurrentIndex(box.findData("logistics"))
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("logistics",)
    assert _intent_cell(editor, shipping) == "物流查询"


def test_confirm_all_stores_every_inferred_intent_and_counts_the_rest(editor, tmp_path):
    shipping, other = _imported(editor, tmp_path)
    assert editor.confirm_all_inferred() == 1
    assert editor.draft.phrases[_row(editor, shipping)].intents == ("ship_time",)
    assert editor.draft.phrases[_row(editor, other)].intents == ()
    assert "1 条没有意图" in editor.statusBar().currentMessage()


@pytest.fixture
def bundled_editor(qtbot, share):
    """The editor of a lead whose team library is still Kuaida's bundled one."""
    from desktop.services.context import ensure_default_library

    store = open_memory_store()
    ensure_default_library(TeamRepository(store.db).phrases)
    window = LibraryEditor(ImmediateTaskRunner(store), FakeSettings(), lambda: share)
    qtbot.addWidget(window)
    window.load()
    yield window
    store.close()


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
