"""The sync controller: polls off the UI thread, one call at a time, survives a hanging share, backs off."""

from __future__ import annotations

import gc
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import TeamLibrary
from desktop.store.database import open_memory_store
from desktop.store.team import MirrorState
from desktop.sync.publish import publish
from desktop.sync.pull import PullOutcome, pull
from desktop.sync.status import SyncState
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.testing.services import services_over
from desktop.ui.runtime.tasks import TaskRunner
from desktop.ui.team.sync_controller import SyncActions, SyncController

KEY = SigningKey.generate()
LIBRARY = TeamLibrary((Phrase(id="t-1", text="亲，在的呢", source="team"),))


class FakeSettings:
    def __init__(self, **values: object) -> None:
        self.values = {"team_key": "", "sync_interval_seconds": 60, **values}

    def get(self, key: str) -> object:
        return self.values[key]


@pytest.fixture
def store():
    store = open_memory_store()
    yield store
    store.close()


def test_first_sync_asks_to_confirm_the_key_then_follows_the_share(qtbot, tmp_path, store):
    share = tmp_path / "share"
    publish(share, LIBRARY, KEY, "主管")
    controller = SyncController(ImmediateTaskRunner(services_over(store, tmp_path)), FakeSettings(), lambda: share)
    with qtbot.waitSignal(controller.trust_requested) as asked:
        controller.sync_now()
    assert asked.args == [KEY.public.fingerprint]
    assert controller.status.state is SyncState.UNTRUSTED
    with qtbot.waitSignal(controller.library_updated) as updated:
        controller.trust(KEY.public.fingerprint)
    assert updated.args == [1]
    assert gc.isenabled()  # the collector pause of the big-library path ended
    assert controller.status.text().startswith("团队库 v1")
    assert controller.next_poll_ms == 60_000
    with qtbot.assertNotEmitted(controller.library_updated):
        controller.sync_now()
    assert controller.status.state is SyncState.UNCHANGED
    controller.stop()


def test_an_it_configured_fingerprint_needs_no_confirmation(qtbot, tmp_path, store):
    share = tmp_path / "share"
    publish(share, LIBRARY, KEY, "主管")
    settings = FakeSettings(team_key=KEY.public.fingerprint.replace(" ", ""))
    controller = SyncController(ImmediateTaskRunner(services_over(store, tmp_path)), settings, lambda: share)
    with qtbot.waitSignal(controller.library_updated):
        controller.sync_now()
    controller.stop()


def test_an_unreachable_share_backs_off_and_the_tray_shows_it(qtbot, tmp_path, store):
    controller = SyncController(ImmediateTaskRunner(services_over(store, tmp_path)), FakeSettings(),
                                lambda: tmp_path / "gone")
    actions = SyncActions(controller)
    delays = []
    for _ in range(4):
        controller.sync_now()
        delays.append(controller.next_poll_ms)
    assert delays == [15_000, 30_000, 60_000, 120_000]
    assert actions.status_action.text() == "离线 · 使用内置短语库"
    assert [a.text() for a in actions.actions][1] == "立即同步团队短语库"
    controller.stop()


def test_a_hanging_share_is_abandoned_so_sync_and_other_io_go_on(qtbot, tmp_path):
    """Issue 11 #9: the hung call used to stay in flight for ever, so 立即同步 did nothing, retries never came
    and the I/O workers were used up. Now the watchdog abandons it: the next attempt starts at once on a
    fresh worker, other I/O keeps running, and the late result is dropped when the share finally answers."""
    release = threading.Event()
    calls: list[Path] = []

    def hanging_pull(folder: Path, mirror: MirrorState, configured: str, trust: str) -> PullOutcome:
        calls.append(folder)
        release.wait()
        return pull(folder, mirror, configured, trust)

    runner = TaskRunner(db_factory=lambda: services_over(open_memory_store(), tmp_path))
    controller = SyncController(runner, FakeSettings(), lambda: tmp_path, pull_fn=hanging_pull, timeout_ms=200)
    ticks = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start(1)
    try:
        with qtbot.waitSignal(controller.status_changed, timeout=10_000) as changed:
            controller.sync_now()
        status = changed.args[0]
        assert (status.state, status.reason) == (SyncState.OFFLINE, "共享文件夹无响应")
        assert not controller.busy and controller.next_poll_ms is not None  # a retry is planned
        assert runner.stuck_io_threads == 1
        qtbot.waitUntil(lambda: len(ticks) >= 20)  # the event loop keeps running while the share hangs
        for _ in range(2):  # exports, order imports, restores: both workers are still there
            with qtbot.waitCallback() as exported:
                runner.io(lambda: "written", exported)
            assert exported.args == ["written"]
        with qtbot.waitSignal(controller.status_changed, timeout=10_000):
            controller.sync_now()  # 立即同步 starts a new call at once
        assert len(calls) == 2 and runner.stuck_io_threads == 2
        release.set()
        qtbot.waitUntil(lambda: runner.stuck_io_threads == 0)
        assert controller.status.state is SyncState.OFFLINE  # the stale answers changed nothing
        qtbot.waitUntil(gc.isenabled)  # the dropped results ended their collector pause
        with qtbot.waitSignal(controller.status_changed, timeout=10_000):
            controller.sync_now()
        assert len(calls) == 3
        assert controller.status.state is SyncState.EMPTY
    finally:
        release.set()
        heartbeat.stop()
        controller.stop()
        runner.shutdown()


def test_a_failing_store_job_is_reported_not_raised(qtbot, tmp_path):
    def broken(_ctx: object) -> object:
        raise RuntimeError("db gone")

    controller = SyncController(ImmediateTaskRunner(None), FakeSettings(), lambda: tmp_path, team_of=broken)
    controller.sync_now()
    assert controller.status.state is SyncState.OFFLINE
    assert not controller.busy
    controller.stop()


def test_the_tray_offers_to_confirm_a_new_key_and_the_overlay_shows_a_short_status(qtbot, tmp_path, store,
                                                                                    monkeypatch):
    from desktop.ui.team import sync_controller

    share = tmp_path / "share"
    publish(share, LIBRARY, KEY, "主管")
    controller = SyncController(ImmediateTaskRunner(services_over(store, tmp_path)), FakeSettings(), lambda: share)
    actions = SyncActions(controller)
    button = sync_controller.SyncStatusButton(controller)
    qtbot.addWidget(button)
    controller.sync_now()
    assert actions.status_action.isEnabled()
    assert actions.status_action.text() == "确认团队密钥…"
    asked = []
    monkeypatch.setattr(sync_controller, "confirm_fingerprint", lambda _p, fp: asked.append(fp) or True)
    actions.status_action.trigger()
    assert asked == [KEY.public.fingerprint]
    assert controller.status.local_version == 1
    assert not actions.status_action.isEnabled()
    assert button.text() == "团队库 v1"
    assert "点击立即同步" in button.toolTip()
    controller.stop()


def test_after_a_sync_usage_counts_are_uploaded_and_proposals_land_in_the_inbox(qtbot, tmp_path, store):
    import datetime as dt

    from desktop.core.lost_sales import LostSale
    from desktop.store.lost_sales import LostSaleRepository
    from desktop.store.team import TeamRepository
    from desktop.sync.inbox import list_proposals
    from desktop.sync.usage import read_team_usage

    share = tmp_path / "share"
    publish(share, LIBRARY, KEY, "主管")
    team = TeamRepository(store.db)
    settings = FakeSettings(team_key=KEY.public.text, agent_name="小美")
    controller = SyncController(ImmediateTaskRunner(services_over(store, tmp_path)), settings, lambda: share)
    controller.sync_now()
    team.phrases.record_use("t-1", day=dt.date.today())
    team.record_no_match("ship_time")
    now = dt.datetime.now(dt.UTC)
    LostSaleRepository(store.db).record(LostSale("小猪", now.date(), "价格太贵"), now)
    controller.sync_now()  # within the hour: no second upload
    assert read_team_usage(share).uses == {}
    controller._usage_written_at = None  # an hour later
    controller.sync_now()
    usage = read_team_usage(share)
    assert (usage.uses, usage.no_match, usage.agents) == ({"t-1": 1}, {"ship_time": 1}, 1)
    assert usage.lost_reasons == {"价格太贵": 1}  # the count and the reason, never the buyer

    with qtbot.waitSignal(controller.proposal_finished) as finished:
        controller.propose(Phrase(id="p-1", text="亲，今天下单送运费险哦", source="personal"), note="好用")
    assert finished.args == [True, "已提交给主管审核"]
    proposals, _ = list_proposals(share)
    assert [(p.agent, p.phrase.text, p.note) for p in proposals] == [("小美", "亲，今天下单送运费险哦", "好用")]
    controller.stop()


def test_a_proposal_to_an_unreachable_share_is_reported(qtbot, tmp_path, store):
    controller = SyncController(ImmediateTaskRunner(services_over(store, tmp_path)), FakeSettings(agent_name=""),
                                lambda: tmp_path / "gone")
    with qtbot.waitSignal(controller.proposal_finished) as finished:
        controller.propose(Phrase(id="p-1", text="好", source="personal"))
    assert finished.args[0] is False
    controller.stop()


def test_a_real_runner_pulls_on_the_io_pool_and_applies_on_the_db_worker(qtbot, tmp_path):
    from desktop.store.database import open_store

    share = tmp_path / "share"
    big = TeamLibrary(tuple(Phrase(id=f"t-{i}", text=f"第 {i} 条", source="team") for i in range(3000)))
    publish(share, big, KEY, "主管")
    agent_store = tmp_path / "agent" / "kuaida.sqlite3"
    runner = TaskRunner(db_factory=lambda: services_over(open_store(agent_store), tmp_path))
    controller = SyncController(runner, FakeSettings(team_key=KEY.public.text), lambda: share, timeout_ms=60_000)
    try:
        with qtbot.waitSignal(controller.library_updated, timeout=60_000) as updated:
            controller.sync_now()
        assert updated.args == [1]
        qtbot.waitUntil(lambda: not controller.busy)
        assert gc.isenabled()
        counted = []
        runner.db(lambda services: services.store.db["phrases"].count, counted.append)
        qtbot.waitUntil(lambda: counted == [3000])
    finally:
        controller.stop()
        runner.shutdown()


# usage figures at quit and after a burst of picks (issue 13 item 8) ---------------------------------------
def _synced(tmp_path, runner, folder=None):
    share = tmp_path / "share"
    publish(share, LIBRARY, KEY, "主管")
    controller = SyncController(runner, FakeSettings(team_key=KEY.public.text), folder or (lambda: share))
    return share, controller


def test_a_burst_of_picks_uploads_the_usage_figures_within_the_hour(qtbot, tmp_path, store):
    import datetime as dt

    from desktop.store.phrases import PhraseRepository
    from desktop.sync.usage import read_team_usage
    from desktop.ui.team.sync_controller import USAGE_UPLOAD_AFTER_PICKS

    share, controller = _synced(tmp_path, ImmediateTaskRunner(services_over(store, tmp_path)))
    controller.sync_now()  # the hourly upload (nothing picked yet)
    for picked in range(USAGE_UPLOAD_AFTER_PICKS):
        PhraseRepository(store.db).record_use("t-1", day=dt.date.today())
        controller.note_pick(LIBRARY.phrases[0])
        if picked == USAGE_UPLOAD_AFTER_PICKS - 2:
            assert read_team_usage(share).uses == {}  # one short of the burst: still waiting
    assert read_team_usage(share).uses == {"t-1": USAGE_UPLOAD_AFTER_PICKS}
    controller.stop()


def test_quitting_uploads_what_was_picked_since_the_last_upload(qtbot, tmp_path, store):
    import datetime as dt

    from desktop.store.phrases import PhraseRepository
    from desktop.sync.usage import read_team_usage

    share, controller = _synced(tmp_path, ImmediateTaskRunner(services_over(store, tmp_path)))
    controller.sync_now()
    PhraseRepository(store.db).record_use("t-1", day=dt.date.today())
    controller.note_pick(LIBRARY.phrases[0])
    controller.upload_usage_before_quit()
    controller.stop()
    assert read_team_usage(share).uses == {"t-1": 1}


def test_quitting_offline_tries_no_upload(qtbot, tmp_path, store):
    tried: list[str] = []

    def folder() -> Path:
        tried.append("share")
        return tmp_path / "gone"

    controller = SyncController(ImmediateTaskRunner(services_over(store, tmp_path)), FakeSettings(), folder)
    controller.sync_now()
    assert controller.status.state is SyncState.OFFLINE
    tried.clear()
    controller.note_pick(LIBRARY.phrases[0])
    controller.upload_usage_before_quit()
    assert tried == []
    controller.stop()


def test_quitting_does_not_hang_on_a_share_that_stops_answering(qtbot, tmp_path):
    """The quit upload runs on the I/O pool with a timeout: a hung share is abandoned and 退出 goes on."""
    release = threading.Event()
    hang = threading.Event()
    share = tmp_path / "share"

    def folder() -> Path:
        if hang.is_set():
            release.wait()
        return share

    runner = TaskRunner(db_factory=lambda: services_over(open_memory_store(), tmp_path))
    _share, controller = _synced(tmp_path, runner, folder)
    try:
        with qtbot.waitSignal(controller.library_updated, timeout=10_000):
            controller.sync_now()
        qtbot.waitUntil(lambda: any((share / "stats").glob("*.json")))  # the hourly upload, done
        shutil.rmtree(share / "stats")
        hang.set()
        controller.note_pick(LIBRARY.phrases[0])
        controller.upload_usage_before_quit(timeout_ms=100)  # returns while the share still hangs
        assert not (share / "stats").exists()
        qtbot.waitUntil(lambda: runner.stuck_io_threads == 1)  # the upload was abandoned at its timeout
    finally:
        controller.stop()
        release.set()
        qtbot.waitUntil(lambda: runner.stuck_io_threads == 0)
        runner.shutdown()
