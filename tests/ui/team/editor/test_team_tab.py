"""The 活动与敏感词 tab: team settings checked, then published with the library."""

from __future__ import annotations

import datetime as dt

from desktop.store.database import open_memory_store
from desktop.store.team import TeamRepository
from desktop.sync.pull import sync_once


def test_team_settings_are_checked_then_published_with_the_library(editor, share, lead_key):
    editor.set_signing_key(lead_key)
    tab = editor.team_settings
    tab.promotions_edit.setPlainText("双12 | 2026-12-01 | 2026-12-12 | 满199减20；送赠品")
    tab.words_edit.setPlainText("秒杀价\t价格用语")
    tab.featured_box.setCurrentIndex(tab.featured_box.findData("t-1"))
    tab.featured_product.setText("加绒卫衣")
    tab.featured_start.setText("2026-12-01")
    tab.featured_end.setText("2026-11-01")
    assert editor.team_settings.apply() is False and "早于" in tab.team_problem.text()
    tab.featured_end.setText("2026-12-07")
    assert editor.team_settings.apply() is True
    assert editor.publishing.publish() is True
    agent = TeamRepository(open_memory_store().db)
    sync_once(share, agent, trust=lead_key.public.fingerprint)
    assert agent.active_promotion(dt.date(2026, 12, 5)).talking_points == ("满199减20", "送赠品")
    assert [w.word for w in agent.sensitive_words()] == ["秒杀价"]
    assert agent.pinned_ids(dt.date(2026, 12, 3)) == ["t-1"]
    agent.db.close()
