"""Adoption counts in the store: counts add up per (day, phrase, outcome); no text is kept."""

from __future__ import annotations

import datetime as dt

from desktop.core.adoption import Count, Outcome
from desktop.store.adoption import AdoptionRepository
from desktop.store.database import open_memory_store


def test_counts_add_up_and_filter_by_day() -> None:
    store = open_memory_store()
    repo = AdoptionRepository(store.db)
    repo.add([Count("2026-12-03", "", Outcome.MESSAGE), Count("2026-12-03", "", Outcome.MESSAGE),
              Count("2026-12-04", "t-1", Outcome.TOP1)])
    assert repo.counts() == [("2026-12-03", "", "message", 2), ("2026-12-04", "t-1", "top1", 1)]
    assert repo.counts(dt.date(2026, 12, 4)) == [("2026-12-04", "t-1", "top1", 1)]
    assert list(store.db["adoption_counts"].columns_dict) == ["day", "phrase_id", "outcome", "count"]
    store.close()


def test_team_word_replacements_survive_the_mirror() -> None:
    from desktop.core.sync.keys import SigningKey
    from desktop.core.sync.pack import SensitiveWord, TeamLibrary
    from desktop.store.team import TeamRepository

    store = open_memory_store()
    team = TeamRepository(store.db)
    words = (SensitiveWord("最便宜", "极限词", "很实惠"), SensitiveWord("顶级"))
    team.apply(TeamLibrary((), words), 1, "0" * 64, SigningKey.generate().public)
    assert team.sensitive_words() == words
    store.close()
