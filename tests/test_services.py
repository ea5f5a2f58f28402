"""desktop/services.py: the default library stays out once a team library was applied; the CLI engine pins."""

from __future__ import annotations

import datetime as dt

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import Featured, TeamLibrary
from desktop.services import build_engine, ensure_default_library
from desktop.store.database import open_memory_store
from desktop.store.team import TeamRepository

TODAY = dt.date.today()


def test_a_new_store_gets_the_bundled_library() -> None:
    store = open_memory_store()
    team = TeamRepository(store.db)
    ensure_default_library(team.phrases)
    assert team.phrases.count("team") > 100
    store.close()


def test_an_applied_empty_team_library_is_not_replaced_by_the_bundled_one() -> None:
    store = open_memory_store()
    team = TeamRepository(store.db)
    team.apply(TeamLibrary(()), 3, "sha", SigningKey.generate().public)
    ensure_default_library(team.phrases)
    assert team.phrases.count("team") == 0
    store.close()


def test_build_engine_pins_the_featured_phrase_like_the_window() -> None:
    store = open_memory_store()
    team = TeamRepository(store.db)
    phrases = (
        Phrase("t-ship", "亲，付款后48小时内发货哦", "发货物流", "fh", ("ship_time",), source="team"),
        Phrase("t-coat", "亲，这周主推的羽绒服正在活动中，现在拍最划算哦", "主推", "zt", source="team"),
    )
    featured = Featured("t-coat", "羽绒服", TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=1))
    team.apply(TeamLibrary(phrases, featured=featured), 1, "sha", SigningKey.generate().public)
    engine = build_engine(team.phrases)
    assert engine.pinned_ids == ("t-coat",)
    store.close()
