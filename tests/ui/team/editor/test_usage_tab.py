"""使用统计: the team's figures, loaded when the tab is opened, said to be unverified."""

from __future__ import annotations

import datetime as dt

from desktop.core.phrases import Phrase
from desktop.sync.inbox import propose
from desktop.sync.usage import write_usage


def test_team_usage_shows_most_and_least_used_phrases_and_intents_without_matches(editor, share):
    write_usage(share, "aaaaaaaaaaaaaaaa", [("t-2", "2026-11-22", 7)], [("ship_time", "2026-11-22", 3)],
                {"t-1", "t-2"}, dt.date(2026, 11, 23), lost_reasons=[("价格太贵", "2026-11-22", 2)])
    editor.usage.load()
    assert (editor.usage.lost_table.item(0, 0).text(), editor.usage.lost_table.item(0, 1).text()) == ("价格太贵", "2")
    assert editor.usage.most_table.item(0, 0).text() == "{活动}期间全店满减哦"
    assert editor.usage.most_table.item(0, 1).text() == "7"
    least = editor.usage.least_table
    assert (least.item(0, 0).text(), least.item(0, 1).text()) == ("亲，在的呢😊", "0")
    assert editor.usage.no_match_table.item(0, 1).text() == "3"
    assert editor.usage.usage_label.text().startswith("1 位客服")


def test_the_lead_sees_which_kuaida_and_library_versions_the_agents_run(editor, share):
    write_usage(share, "aaaaaaaaaaaaaaaa", [], [], set(), kuaida_version="0.1.0", library_version=12)
    write_usage(share, "bbbbbbbbbbbbbbbb", [], [], set(), kuaida_version="0.0.9", library_version=12)
    (share / "stats" / "cccccccccccccccc.json").write_text(
        '{"kind": "kuaida-team-usage", "agent": "cccccccccccccccc", "uses": {}, "no_match": {}}', encoding="utf-8")
    editor.usage.load()
    text = editor.usage.versions_label.text()
    assert "未经验证" in text and "0.1.0 × 1" in text and "0.0.9 × 1" in text and "未知 × 1" in text
    assert "v12 × 2" in text
    assert "aaaaaaaaaaaaaaaa: 0.1.0 · v12" in editor.usage.versions_label.toolTip()


def test_proposals_and_usage_say_they_are_unverified_and_what_was_left_out(editor, share):
    propose(share, Phrase(id="", text="亲，在的"), "aaaaaaaaaaaaaaaa", "小美")
    (share / "inbox" / "junk-name.json").write_text("{}", encoding="utf-8")
    (share / "stats").mkdir()
    (share / "stats" / "bbbbbbbbbbbbbbbb.json").write_text('{"kind": "kuaida-team-usage", "agent": "x"}',
                                                           encoding="utf-8")
    editor.proposals.load()
    editor.usage.load()
    note = editor.proposals.proposals_note.text()
    assert "未经验证" in note and "另有 1 个文件未显示" in note
    assert "未经验证" in editor.usage.usage_label.text() and "1 个统计文件不可信" in editor.usage.usage_label.text()


def test_usage_figures_load_when_the_tab_is_opened(editor, share):
    write_usage(share, "aaaaaaaaaaaaaaaa", [("t-2", "2026-11-22", 7)], [], {"t-1", "t-2"}, dt.date(2026, 11, 23))
    editor.show()
    assert editor.usage.most_table.rowCount() == 0  # not read before anyone looks
    editor.tabs.setCurrentWidget(editor.usage)
    assert editor.usage.most_table.item(0, 0).text() == "{活动}期间全店满减哦"
    assert editor.usage.usage_label.text().startswith("1 位客服")
