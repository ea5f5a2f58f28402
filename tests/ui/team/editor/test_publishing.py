"""发布: the checks before it, a raced publish, and the lead's own copy following it."""

from __future__ import annotations

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import TeamLibrary
from desktop.store.database import open_memory_store
from desktop.store.team import TeamRepository
from desktop.sync.publish import publish
from desktop.sync.pull import sync_once


def test_a_sensitive_word_blocks_publishing_unless_the_lead_overrides(editor, share, tmp_path, lead_key):
    editor.set_signing_key(lead_key)
    phrase = editor.phrases.add_phrase()
    editor.phrases.form.text_edit.setPlainText("全网最低价，加微信返现")
    assert editor.publishing.publish() is False
    assert editor.confirmations[-1][2] == "仍然发布"
    assert editor.phrases.current_phrase_id() == phrase.id  # the offending phrase is shown
    assert editor.statusBar().currentMessage().startswith("未发布")
    editor.allow_sensitive = True
    assert editor.publishing.publish() is True
    assert editor.confirmations[-1][0] == "发布团队库"
    assert "新增 1 条" in editor.confirmations[-1][1]
    assert editor.statusBar().currentMessage() == "已发布团队库 v2"
    agent = open_memory_store()
    status = sync_once(share, TeamRepository(agent.db), trust=lead_key.public.fingerprint)
    assert (status.local_version, TeamRepository(agent.db).phrases.count("team")) == (2, 3)
    agent.close()


def test_an_empty_phrase_must_be_fixed_before_publishing(editor, lead_key):
    editor.set_signing_key(lead_key)
    phrase = editor.phrases.add_phrase()
    editor.phrases.form.text_edit.setPlainText("  ")
    assert editor.publishing.publish() is False
    assert editor.phrases.current_phrase_id() == phrase.id
    assert "短语内容为空" in editor.statusBar().currentMessage()


def test_a_publish_raced_by_another_lead_is_refused_with_advice(editor, share, lead_key):
    editor.set_signing_key(lead_key)
    publish(share, TeamLibrary((Phrase(id="t-9", text="别人的版本", source="team"),)), lead_key, "李主管")
    editor.phrases.add_phrase()
    assert editor.publishing.publish() is True  # confirmed and started; the share then refuses
    assert "请先同步" in editor.statusBar().currentMessage()
    assert editor.publish_action.isEnabled()


def test_a_key_that_is_not_the_teams_cannot_publish(editor):
    editor.set_signing_key(SigningKey.generate())
    editor.phrases.add_phrase()
    assert editor.publishing.publish() is False
    assert "不是团队正在使用的密钥" in editor.statusBar().currentMessage()
    assert editor.confirmations == []


def test_published_is_announced_once_the_leads_own_copy_holds_the_new_version(editor, lead_store, lead_key):
    editor.set_signing_key(lead_key)
    editor.phrases.add_phrase()
    editor.phrases.form.text_edit.setPlainText("亲，新品上架啦")
    seen: list[tuple[int, list[str]]] = []
    team = TeamRepository(lead_store.db)
    editor.published.connect(lambda version: seen.append((version, [p.text for p in team.library().phrases])))
    assert editor.publishing.publish() is True
    assert seen == [(2, ["亲，在的呢😊", "{活动}期间全店满减哦", "亲，新品上架啦"])]
