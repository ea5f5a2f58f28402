"""Publishing to a folder and following it: the happy path, the local mirror, and what survives updates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.store.team import TeamRepository
from desktop.sync.atomic import temp_name_for
from desktop.sync.folder import TeamFolder
from desktop.sync.publish import PublishConflictError, publish, publish_lock
from desktop.sync.pull import sync_once
from desktop.sync.status import SyncState


def test_an_agent_follows_published_versions_with_adds_updates_and_deletions(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    publish(share, make_library(5), signing_key, "主管")
    first = sync_once(share, team, trust=signing_key.public.fingerprint)
    assert (first.state, first.local_version) == (SyncState.UPDATED, 1)
    assert team.phrases.count("team") == 5

    changed = make_library(5)
    phrases = [*changed.phrases[1:4], dataclasses.replace(changed.phrases[4], text="改过的"),
               Phrase(id="t-new", text="新短语", source="team")]
    publish(share, dataclasses.replace(changed, phrases=tuple(phrases)), signing_key, "主管")
    second = sync_once(share, team)
    assert (second.state, second.local_version) == (SyncState.UPDATED, 2)
    ids = {p.id for p in team.phrases.all() if p.source == "team"}
    assert ids == {"t-000001", "t-000002", "t-000003", "t-000004", "t-new"}
    assert team.phrases.get("t-000004").text == "改过的"
    assert sync_once(share, team).state is SyncState.UNCHANGED


def test_the_mirror_holds_words_promotions_and_the_featured_product(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    publish(share, make_library(3), signing_key, "主管")
    sync_once(share, team, trust=signing_key.public.fingerprint)
    assert [w.word for w in team.sensitive_words()] == ["最便宜", "加微信"]
    assert team.active_promotion(dt.date(2026, 11, 5)).name == "双11预热"
    assert team.active_promotion(dt.date(2026, 12, 5)) is None
    assert team.pinned_ids(dt.date(2026, 11, 18)) == ["t-000000"]
    assert team.pinned_ids(dt.date(2026, 11, 30)) == []
    assert team.library() == make_library(3)


def test_personal_phrases_hidden_flags_and_usage_survive_updates(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    team.phrases.save(Phrase(id="p-mine", text="我的短语", source="personal"))
    publish(share, make_library(3), signing_key, "主管")
    sync_once(share, team, trust=signing_key.public.fingerprint)
    team.phrases.set_hidden("t-000001", True)
    team.phrases.record_use("t-000002", ["发货"], day=dt.date(2026, 11, 20))
    publish(share, make_library(3, tag="（新）"), signing_key, "主管")
    assert sync_once(share, team).local_version == 2
    assert team.phrases.get("p-mine").text == "我的短语"
    assert team.phrases.hidden_ids() == {"t-000001"}
    assert team.phrases.uses_by_day() == [("t-000002", "2026-11-20", 1)]
    assert team.phrases.learned_picks() == [("发货", "t-000002", 1.0)]


def test_a_pack_id_that_clashes_with_a_personal_phrase_never_overwrites_it(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    team.phrases.save(Phrase(id="t-000001", text="客服自己的", source="personal"))
    publish(share, make_library(3), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).ok
    assert team.phrases.get("t-000001") == Phrase(id="t-000001", text="客服自己的", source="personal")


def test_three_agent_profiles_follow_one_lead(tmp_path, signing_key, make_library):
    from desktop.store.database import open_store

    share = tmp_path / "share"
    publish(share, make_library(4), signing_key, "主管")
    stores = [open_store(tmp_path / f"agent{i}" / "kuaida.sqlite3") for i in range(3)]
    try:
        for store in stores:
            assert sync_once(share, TeamRepository(store.db), trust=signing_key.public.fingerprint).local_version == 1
        publish(share, make_library(6), signing_key, "主管")
        assert [sync_once(share, TeamRepository(s.db)).local_version for s in stores] == [2, 2, 2]
    finally:
        for store in stores:
            store.close()


def test_a_newer_library_elsewhere_stops_a_publish_made_against_an_old_one(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "甲")
    publish(share, make_library(2), signing_key, "乙")
    with pytest.raises(PublishConflictError, match="v2"):
        publish(share, make_library(3), signing_key, "甲", expected_version=1)


def test_a_held_lock_tells_the_second_publisher_to_retry(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "甲")
    with publish_lock(TeamFolder(share), "乙"), pytest.raises(PublishConflictError, match="乙"):
        publish(share, make_library(2), signing_key, "甲")
    assert publish(share, make_library(2), signing_key, "甲").manifest.library_version == 2


def test_a_lock_left_by_a_dead_publisher_is_broken_by_the_share_clock_not_ours(tmp_path, signing_key, make_library):
    import os

    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "甲")
    lock = TeamFolder(share).lock
    lock.write_text("{}", encoding="utf-8")
    os.utime(lock, (1_000_000_000, 1_000_000_000))  # written long ago by the share's clock
    assert publish(share, make_library(2), signing_key, "甲").manifest.library_version == 2
    lock.write_text("{}", encoding="utf-8")
    ahead = Path(lock).stat().st_mtime + 600  # a publisher whose clock runs ten minutes fast: still held
    os.utime(lock, (ahead, ahead))
    with pytest.raises(PublishConflictError):
        publish(share, make_library(3), signing_key, "甲")
    years_ahead = ahead + 3 * 365 * 86400  # no publish in progress wrote that: it must not block for ever
    os.utime(lock, (years_ahead, years_ahead))
    assert publish(share, make_library(3), signing_key, "甲").manifest.library_version == 3


def test_clocks_that_disagree_do_not_matter(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "快的钟", now=lambda: dt.datetime(2031, 1, 1, tzinfo=dt.UTC))
    assert sync_once(share, team, trust=signing_key.public.fingerprint,
                     clock=lambda: dt.datetime(2001, 1, 1, tzinfo=dt.UTC)).local_version == 1
    publish(share, make_library(2), signing_key, "慢的钟", now=lambda: dt.datetime(1999, 1, 1, tzinfo=dt.UTC))
    status = sync_once(share, team, clock=lambda: dt.datetime(2001, 1, 1, 0, 1, tzinfo=dt.UTC))
    assert (status.state, status.local_version) == (SyncState.UPDATED, 2)


def test_a_held_target_is_renamed_after_retries(tmp_path, signing_key, make_library, monkeypatch):
    real_replace = Path.replace
    failures = iter([True, True, False, False, False])

    def flaky_replace(self: Path, target):
        if next(failures, False):
            raise PermissionError(13, "held by antivirus")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", flaky_replace)
    delays: list[float] = []
    from desktop.sync import atomic

    monkeypatch.setattr(atomic.time, "sleep", delays.append)
    publish(tmp_path / "share", make_library(1), signing_key, "主管")
    assert delays == [0.05, 0.1]


def test_a_rename_held_for_good_fails_and_leaves_no_temp_file(tmp_path, signing_key, make_library, monkeypatch):
    def held(self: Path, target):
        raise PermissionError(13, "held")

    monkeypatch.setattr(Path, "replace", held)
    with pytest.raises(PermissionError):
        publish(tmp_path / "share", make_library(1), signing_key, "主管", delays=(0.0,))
    leftovers = [p.name for p in (tmp_path / "share").rglob("*") if p.is_file()]
    assert leftovers == []


def test_a_second_key_is_a_different_fingerprint(signing_key):
    assert SigningKey.generate().public.fingerprint != signing_key.public.fingerprint


def test_a_damaged_pack_left_under_the_right_name_is_rewritten_not_reused(tmp_path, signing_key, make_library,
                                                                          team):
    from desktop.core.sync.manifest import build_manifest
    from desktop.core.sync.pack import encode_pack

    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    expected = build_manifest(encode_pack(make_library(2), 2), 2, signing_key, "主管")
    (share / expected.pack).write_bytes(b"half")
    publish(share, make_library(2), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).local_version == 2


def test_publishing_prunes_old_packs_and_stale_temporary_files_only(tmp_path, signing_key, make_library, team):
    import os

    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    old_temp = temp_name_for(share / "packs" / "v000009-0123456789abcdef.json")
    fresh_temp = temp_name_for(share / "manifest.json")
    old_temp.write_bytes(b"left by a crash")
    fresh_temp.write_bytes(b"being written right now")
    os.utime(old_temp, (1_000_000_000, 1_000_000_000))
    for count in range(2, 8):
        publish(share, make_library(count), signing_key, "主管")
    packs = sorted(p.name for p in (share / "packs").iterdir())
    assert [name[:7] for name in packs] == ["v000003", "v000004", "v000005", "v000006", "v000007"]
    assert not old_temp.exists() and fresh_temp.exists()
    assert sync_once(share, team, trust=signing_key.public.fingerprint).local_version == 7


def test_a_lead_republishing_to_a_wiped_share_continues_the_numbering(tmp_path, signing_key, make_library, team):
    import shutil

    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    publish(share, make_library(2), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).local_version == 2
    shutil.rmtree(share)  # a new server, a wiped cloud folder
    result = publish(share, make_library(3), signing_key, "主管", known_version=2)
    assert result.manifest.library_version == 3
    assert sync_once(share, team).local_version == 3
