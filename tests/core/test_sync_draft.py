"""The lead's draft: edits, problems, sensitive-word warnings, and the text forms of the team settings."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.phrases import Phrase
from desktop.core.sync.draft import (
    DraftError,
    LibraryDraft,
    featured_from_fields,
    promotions_from_text,
    promotions_to_text,
    words_from_text,
    words_to_text,
)
from desktop.core.sync.pack import Featured, SensitiveWord, TeamLibrary


def test_edits_keep_ids_and_removing_the_featured_phrase_clears_it():
    draft = LibraryDraft(TeamLibrary((Phrase(id="t-1", text="亲", source="team"),),
                                     featured=Featured("t-1", "卫衣", dt.date(2026, 1, 1), dt.date(2026, 1, 7))))
    added = draft.add("新的", "欢迎")
    assert added.id.startswith("t-") and added.source == "team"
    draft.update("t-1", text="亲，在的呢")
    assert draft.library().phrases[0] == Phrase(id="t-1", text="亲，在的呢", source="team")
    assert draft.groups() == ["未分组", "欢迎"]
    draft.remove("t-1")
    assert draft.featured is None and [p.id for p in draft.phrases] == [added.id]


def test_problems_and_sensitive_warnings_name_the_phrases():
    draft = LibraryDraft(TeamLibrary((Phrase(id="t-1", text=" ", source="team"),
                                      Phrase(id="t-2", text="我们是全网第一", source="team"),
                                      Phrase(id="t-3", text="店长推荐秒杀价", source="team")),
                                     sensitive_words=(SensitiveWord("秒杀价", "价格"),)))
    assert draft.problems() == [("t-1", ["短语内容为空"])]
    warnings = {w.phrase_id: w.describe() for w in draft.sensitive_warnings()}
    assert set(warnings) == {"t-2", "t-3"} and warnings["t-3"] == "秒杀价"


def test_team_settings_round_trip_through_their_text_forms():
    words = words_from_text("# 注释\n秒杀价\t价格\n加V,引流\n\n秒杀价\t重复\n")
    assert words == (SensitiveWord("秒杀价", "价格"), SensitiveWord("加V", "引流"))
    assert words_from_text(words_to_text(words)) == words
    promotions = promotions_from_text("双11 ｜ 2026-11-01 | 2026-11-11 | 满300减40;送赠品\n")
    assert promotions[0].talking_points == ("满300减40", "送赠品")
    assert promotions_from_text(promotions_to_text(promotions)) == promotions
    for bad in ("双11 | 11月1日 | 2026-11-11", "只有名称", "反了 | 2026-11-11 | 2026-11-01"):
        with pytest.raises(DraftError):
            promotions_from_text(bad)
    assert featured_from_fields("", "", "", "") is None
    with pytest.raises(DraftError):
        featured_from_fields("t-1", "卫衣", "2026-01-07", "2026-01-01")
