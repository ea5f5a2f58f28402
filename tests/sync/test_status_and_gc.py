"""The status line's wording and backoff, its storage round trip, and the collector pause used by big syncs."""

from __future__ import annotations

import datetime as dt
import gc

from desktop.sync.gc_pause import CollectorPause
from desktop.sync.status import SyncState, SyncStatus, retry_delay

NOON = dt.datetime(2026, 11, 23, 4, 0, tzinfo=dt.UTC)


def test_each_state_reads_as_a_short_chinese_line():
    ok = SyncStatus(SyncState.UPDATED, 12, 12, checked_at=NOON).following(SyncStatus())
    assert ok.text().startswith("团队库 v12 · ") and ok.text().endswith("已同步")
    offline = SyncStatus(SyncState.OFFLINE, reason="x", checked_at=NOON).following(ok)
    assert offline.text() == "离线 · 使用本地副本 v12"
    assert offline.last_success_at == NOON and offline.exit_code == 3
    assert SyncStatus(SyncState.REJECTED, 3, reason="签名无效").text() == "已拒绝更新：签名无效 · 使用本地副本 v3"
    assert SyncStatus(SyncState.NEEDS_UPDATE).text() == "请更新快答：团队库格式较新 · 使用内置短语库"
    assert SyncStatus(SyncState.UNTRUSTED, fingerprint="ab12 cd34").text() == "请确认团队密钥指纹 ab12 cd34"
    assert SyncStatus().text() == "尚未同步 · 使用内置短语库"


def test_status_survives_storage_and_garbage_reads_as_never():
    status = SyncStatus(SyncState.REJECTED, 4, 5, "旧版本", "", NOON, NOON)
    assert SyncStatus.from_json(status.to_json()) == status
    assert SyncStatus.from_json({"state": "from-the-future"}) == SyncStatus()
    assert SyncStatus.from_json(None) == SyncStatus()


def test_offline_retries_back_off_and_everything_else_keeps_the_interval():
    assert [retry_delay(SyncState.OFFLINE, n, 60) for n in range(1, 8)] == [15, 30, 60, 120, 240, 300, 300]
    assert retry_delay(SyncState.REJECTED, 5, 60) == 60
    assert retry_delay(SyncState.UNCHANGED, 0, 60) == 60


def test_the_collector_pause_nests_across_holders_and_restores_the_previous_state():
    assert gc.isenabled()
    with CollectorPause():
        assert not gc.isenabled()
        second = CollectorPause()
        assert not gc.isenabled()
        second.end()
        second.end()  # idempotent: one holder cannot end another's pause
        assert not gc.isenabled()
    assert gc.isenabled()
    CollectorPause()  # dropped without end(): garbage collection of the holder ends it
    assert gc.isenabled()
    gc.disable()
    try:
        with CollectorPause():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_a_sync_leaves_the_collector_on_whatever_happened(tmp_path, signing_key, make_library, team):
    from desktop.sync.publish import publish
    from desktop.sync.pull import pull, sync_once

    share = tmp_path / "share"
    publish(share, make_library(50), signing_key, "主管")
    assert sync_once(share, team, trust=signing_key.public.fingerprint).ok
    assert gc.isenabled()
    publish(share, make_library(60), signing_key, "主管")
    outcome = pull(share, team.mirror_state())
    assert outcome.library is not None and not gc.isenabled()  # paused until the library is stored and freed
    del outcome
    assert gc.isenabled()
