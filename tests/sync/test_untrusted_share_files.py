"""Unsigned files on the share steer nobody: the lock, a newer-format claim, stats and the inbox are bounded,
validated and shown as unverified."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os

import pytest

from desktop.core.phrases import Phrase
from desktop.core.sync.manifest import decode_manifest
from desktop.sync.folder import TeamFolder
from desktop.sync.inbox import MAX_PER_AGENT, list_proposals, propose
from desktop.sync.publish import MAX_HOLDER_CHARS, PublishConflictError, PublishRefusedError, publish, publish_lock
from desktop.sync.pull import sync_once
from desktop.sync.status import SyncState
from desktop.sync.usage import MAX_AGENT_FILES, MAX_DAILY_COUNT, read_team_usage, write_usage

TODAY = dt.date(2026, 11, 23)


# the lock ---------------------------------------------------------------------------------------------------
def test_the_lock_holders_text_is_short_printable_and_marked_unverified(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    lock = TeamFolder(share).lock
    lock.write_text(json.dumps({"publisher": "\u202e系统通知：\n请把 team.key 发到 evil@example.com " * 5}),
                    encoding="utf-8")
    with pytest.raises(PublishConflictError) as caught:
        publish(share, make_library(2), signing_key, "主管")
    message = str(caught.value)
    assert "未经验证" in message and "\u202e" not in message and "\n" not in message
    assert "evil@example.com" not in message  # cut to MAX_HOLDER_CHARS
    assert len(message) < MAX_HOLDER_CHARS + 40


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_a_folder_or_link_named_publish_lock_is_named_as_such(tmp_path, signing_key, make_library, kind):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    lock = TeamFolder(share).lock
    if kind == "folder":
        lock.mkdir()
        (lock / "keep.txt").write_text("someone's file", encoding="utf-8")
    else:
        target = tmp_path / "elsewhere.txt"
        target.write_text("{}", encoding="utf-8")
        os.utime(target, (1_000_000_000, 1_000_000_000))  # "stale" by age: still never broken
        try:
            lock.symlink_to(target)
        except OSError as error:  # Windows without the privilege (or Developer Mode) to create symbolic links
            pytest.skip(f"cannot create a symbolic link here: {error}")
        if not lock.exists():  # Wine 8 writes a Unix link to the Windows path: it dangles
            pytest.skip("the symbolic link created here does not resolve (Wine); the Linux run covers this")
    with pytest.raises(PublishRefusedError, match="不是快答的锁文件") as caught:
        publish(share, make_library(2), signing_key, "主管")
    assert not isinstance(caught.value, PublishConflictError)
    assert decode_manifest(TeamFolder(share).manifest.read_bytes()).library_version == 1
    assert lock.is_symlink() or (lock / "keep.txt").exists()


def test_a_real_lock_still_names_its_holder(tmp_path, signing_key, make_library):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "甲")
    with publish_lock(TeamFolder(share), "乙"), pytest.raises(PublishConflictError, match="锁文件写明：乙"):
        publish(share, make_library(2), signing_key, "甲")


# a newer format ---------------------------------------------------------------------------------------------
def test_an_unsigned_newer_format_is_refused_not_an_update_request(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).local_version == 1
    manifest = TeamFolder(share).manifest
    raw = json.loads(manifest.read_bytes())
    manifest.write_text(json.dumps({**raw, "format": 2, "library_version": 2}), encoding="utf-8")
    status = sync_once(share, team)
    assert status.state is SyncState.REJECTED and "未经验证" in status.reason
    assert not status.text().startswith("请更新快答")
    assert team.mirror_state().applied_version == 1


def test_a_newer_format_before_any_key_is_confirmed_asks_for_the_key(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    manifest = TeamFolder(share).manifest
    manifest.write_bytes(manifest.read_bytes().replace(b'"format":1', b'"format":2'))
    assert sync_once(share, team).state is SyncState.UNTRUSTED
    status = sync_once(share, team, trust=signing_key.public.fingerprint)  # confirmed: still nobody signed it
    assert status.state is SyncState.REJECTED


# stats --------------------------------------------------------------------------------------------------------
def write_stats(share, agent: str, uses: dict[str, dict[str, int]], *, named: str | None = None) -> None:
    folder = TeamFolder(share).stats
    folder.mkdir(parents=True, exist_ok=True)
    body = {"kind": "kuaida-team-usage", "format": 1, "agent": agent, "uses": uses, "no_match": {}}
    (folder / f"{named or agent}.json").write_text(json.dumps(body), encoding="utf-8")


def test_forged_stats_do_not_add_up_to_millions(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    write_usage(share, "0123456789abcdef", [("t-1", "2026-11-22", 40)], [], {"t-1"}, TODAY)
    for n in range(50):  # "50 agents, 150 million uses"
        write_stats(share, f"{n:016x}f", {"2026-11-22": {"t-1": 999_999, "t-2": 999_999}})
    write_stats(share, "aaaaaaaaaaaaaaaa", {"2026-11-22": {"t-1": 5}}, named="bbbbbbbbbbbbbbbb")  # not its own
    write_stats(share, "cccccccccccccccc", {"2031-01-01": {"t-1": 5}})  # from the future
    write_stats(share, "dddddddddddddddd", {"2026-11-22": {"t-1": MAX_DAILY_COUNT // 2 + 1,
                                                           "t-2": MAX_DAILY_COUNT // 2}})  # too busy in sum
    usage = read_team_usage(share, today=TODAY)
    assert (usage.agents, usage.uses["t-1"], usage.skipped_files) == (1, 40, 53)


def test_a_flood_of_stats_files_is_bounded(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    for n in range(MAX_AGENT_FILES + 20):
        write_stats(share, f"{n:016x}", {"2026-11-22": {"t-1": 1}})
    usage = read_team_usage(share, today=TODAY)
    assert usage.agents == MAX_AGENT_FILES and usage.skipped_files >= 1


# the inbox ----------------------------------------------------------------------------------------------------
def test_a_flood_of_proposals_cannot_hide_the_real_ones(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    real = [propose(share, Phrase(id="", text=f"真的建议 {n}"), f"{n:016x}", "小美") for n in range(10)]
    sample = (TeamFolder(share).inbox / f"{real[0]}.json").read_bytes()
    inbox = TeamFolder(share).inbox
    for n in range(6000):  # one flooder, names exactly like real ones, all older than the real proposals
        (inbox / f"20000101T000000-flood-{n:08x}.json").write_bytes(sample)
    proposals, skipped = list_proposals(share)
    assert set(real) <= {p.id for p in proposals}
    assert len(proposals) == 10 + MAX_PER_AGENT
    assert skipped == 6000 - MAX_PER_AGENT


def test_proposal_names_not_written_by_kuaida_are_not_read(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    good = propose(share, Phrase(id="", text="好"), "abcdef0123456789")
    sample = (TeamFolder(share).inbox / f"{good}.json").read_bytes()
    (TeamFolder(share).inbox / "urgent-read-me.json").write_bytes(sample)
    proposals, skipped = list_proposals(share)
    assert ([p.id for p in proposals], skipped) == ([good], 1)


def test_the_mirror_version_is_kept_through_every_refusal(tmp_path, signing_key, make_library, team):
    share = tmp_path / "share"
    publish(share, make_library(1), signing_key, "主管")
    sync_once(share, team, trust=signing_key.public.fingerprint)
    manifest = decode_manifest(TeamFolder(share).manifest.read_bytes())
    forged = dataclasses.replace(manifest, format=1, publisher="别人")  # signature no longer matches
    TeamFolder(share).manifest.write_bytes(forged.to_bytes())
    assert sync_once(share, team).state is SyncState.REJECTED
    assert team.mirror_state().applied_version == 1
