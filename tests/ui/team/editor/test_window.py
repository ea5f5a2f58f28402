"""The editor window: lead mode by key, loading the lead's copy and importing a spreadsheet over it."""

from __future__ import annotations

import datetime as dt

from desktop.core.sync.keys import write_key_pair
from desktop.sync.usage import write_usage


def test_agents_see_the_library_but_only_the_key_holder_can_publish(editor, tmp_path, lead_key):
    assert not editor.lead_mode and not editor.publish_action.isVisible()
    assert [p.id for p in editor.draft.phrases] == ["t-1", "t-2"]
    assert editor.publishing.publish() is False
    private, _ = write_key_pair(tmp_path / "keys", lead_key)
    editor.pick_file = lambda _title, _filters: str(private)
    editor.unlock_action.trigger()
    assert editor.lead_mode
    assert editor.windowTitle() == "团队短语库（主管模式）"
    assert editor.publish_action.isVisible() and not editor.unlock_action.isVisible()


def test_importing_a_spreadsheet_replaces_the_draft_and_shows_the_diff(editor, tmp_path):
    csv = tmp_path / "phrases.csv"
    rows = "快捷编码,快捷短语,快捷短语分组\n,亲，在的呢😊,欢迎\nfh,亲，48小时内发货哦,发货\n"
    csv.write_text(rows, encoding="utf-8-sig")
    editor.import_file(csv)
    assert [p.text for p in editor.draft.phrases] == ["亲，在的呢😊", "亲，48小时内发货哦"]
    assert editor.draft.phrases[0].id == "t-1"  # the matching phrase keeps its id (and agents' usage)
    assert editor.publishing.diff().summary() == "新增 1 条，修改 0 条，删除 1 条"
    assert editor.statusBar().currentMessage().startswith("已导入：新增 1 条")
    editor.publishing.show_diff()
    assert "+ [发货] 亲，48小时内发货哦" in editor.confirmations[-1][1]


def test_figures_that_arrive_before_the_library_are_named_once_it_is_loaded(unloaded_editor, share):
    write_usage(share, "aaaaaaaaaaaaaaaa", [("t-2", "2026-11-22", 7)], [], {"t-1", "t-2"}, dt.date(2026, 11, 23))
    unloaded_editor.usage.load()  # the share answered before the DB worker did
    assert unloaded_editor.usage.most_table.rowCount() == 0
    unloaded_editor.load()
    assert unloaded_editor.usage.most_table.item(0, 0).text() == "{活动}期间全店满减哦"


def test_an_adopted_round_answer_lands_in_the_draft_selected_even_before_the_draft_loaded(unloaded_editor) -> None:
    editor = unloaded_editor
    editor.add_adopted_answer("亲，48小时内发货，今天下单明天就到大部分城市哦")  # the editor was just opened
    editor.load()
    phrase = editor.phrases.current_phrase()
    assert phrase is not None and phrase.text.startswith("亲，48小时内发货")
    assert len(editor.draft.phrases) == 3  # v1's two and the adopted one
