"""desktop/services.py: the default library stays out once a team library was applied; the CLI engine pins."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core.default_library import is_bundled, load_default_library
from desktop.core.library_io import read_library
from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import Featured, TeamLibrary
from desktop.services.context import ensure_default_library
from desktop.services.library import build_engine, engine_phrases
from desktop.settings import Settings
from desktop.store.database import open_memory_store
from desktop.store.phrases import PhraseRepository
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


# the shop's own library comes first ------------------------------------------------------------------
SHOP_FILE = (
    "快捷编码,快捷短语,快捷短语分组\nfh,亲，我们家24小时内发韵达哦,发货\nth,亲，七天无理由退换，运费我们出,退换货\n"
)


def _import_shop_file(tmp_path: Path, repo: PhraseRepository) -> None:
    path = tmp_path / "shop.csv"
    path.write_text(SHOP_FILE, encoding="utf-8")
    repo.import_library(read_library(path), "personal")


def test_bundled_defaults_are_suggested_until_the_shop_imports_its_own(tmp_path: Path) -> None:
    store = open_memory_store()
    repo = PhraseRepository(store.db)
    ensure_default_library(repo)
    settings = Settings(None)
    assert not repo.has_own_library()
    assert any(is_bundled(p) for p in engine_phrases(repo, settings))

    _import_shop_file(tmp_path, repo)
    assert repo.has_own_library()
    chosen = engine_phrases(repo, settings)
    assert [p.text for p in chosen] == ["亲，我们家24小时内发韵达哦", "亲，七天无理由退换，运费我们出"]
    top = build_engine(repo, settings).suggest("发什么快递", top=3)
    assert top and not any(is_bundled(s.phrase) for s in top)

    settings.set("keep_bundled_phrases", True)  # the shop keeps them
    assert len(engine_phrases(repo, settings)) == repo.count()
    store.close()


def test_hidden_phrases_stay_out_either_way(tmp_path: Path) -> None:
    store = open_memory_store()
    repo = PhraseRepository(store.db)
    ensure_default_library(repo)
    repo.set_hidden("d-ship_time-1", True)
    assert "d-ship_time-1" not in {p.id for p in engine_phrases(repo, Settings(None))}
    store.close()


def test_a_synced_team_library_of_the_shops_own_replaces_the_bundled_one_but_keeps_what_the_lead_kept() -> None:
    store = open_memory_store()
    team = TeamRepository(store.db)
    ensure_default_library(team.phrases)
    kept = next(p for p in load_default_library() if p.id == "d-ship_time-1")
    own = Phrase("t-ship", "亲，24小时内发韵达", "发货", "fh", ("ship_time",), source="team")
    team.apply(TeamLibrary((own, kept)), 1, "sha", SigningKey.generate().public)
    assert team.phrases.has_own_library()
    assert [p.id for p in engine_phrases(team.phrases, Settings(None))] == ["t-ship", "d-ship_time-1"]
    store.close()


def test_a_personal_quick_add_is_not_a_library_of_the_shops_own() -> None:
    store = open_memory_store()
    repo = PhraseRepository(store.db)
    ensure_default_library(repo)
    repo.save(Phrase("p-1", "亲，今天下午四点前拍当天发", "发货", source="personal"))
    assert not repo.has_own_library()
    assert len(engine_phrases(repo, Settings(None))) == repo.count()
    store.close()
