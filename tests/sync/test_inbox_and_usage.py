"""Proposals in the inbox and per-agent usage files: own files only, counts only, hostile names ignored."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest

import desktop
from desktop.core.phrases import Phrase
from desktop.sync.folder import ShareOfflineError
from desktop.sync.inbox import list_proposals, propose, remove_proposal
from desktop.sync.usage import AgentVersions, read_team_usage, write_usage

HOSTILE_NAMES = ("../escape.json", "con.json", ".hidden.json", "a b.json", "x.json.partial", "名字.json",
                 "-dash.json", "a" * 150 + ".json")


def test_each_proposal_is_its_own_file_and_survives_a_burst(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    phrase = Phrase(id="p-1", text="亲，这款今天下单送运费险哦～", group="促单", intents=("ship_fee",))
    ids = [propose(share, phrase, "0123456789abcdef", "小美", note="转化好") for _ in range(20)]
    assert len(set(ids)) == 20
    proposals, skipped = list_proposals(share)
    assert skipped == 0
    assert [p.id for p in proposals] == sorted(ids)
    first = proposals[0]
    assert (first.phrase.text, first.phrase.group, first.agent, first.note) == (phrase.text, "促单", "小美", "转化好")
    remove_proposal(share, first.id)
    assert len(list_proposals(share)[0]) == 19


def test_the_inbox_skips_hostile_names_links_and_garbage(tmp_path):
    share = tmp_path / "share"
    inbox = share / "inbox"
    inbox.mkdir(parents=True)
    good = propose(share, Phrase(id="p", text="好"), "abcdef0123456789")
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps({"kind": "kuaida-team-proposal", "phrase": {"text": "外面"}}), encoding="utf-8")
    for name in HOSTILE_NAMES:
        with contextlib.suppress(OSError):  # a name this file system itself refuses
            (inbox / name).write_text("{}", encoding="utf-8")
    (inbox / "link.json").symlink_to(outside)
    (inbox / "garbage.json").write_bytes(b"\xff" * 10)
    (inbox / "huge.json").write_bytes(b" " * 100_000)
    (inbox / "subdir.json").mkdir()
    proposals, skipped = list_proposals(share)
    assert [p.id for p in proposals] == [good]
    assert skipped == 2  # garbage.json and huge.json: ours by name, unreadable inside
    for hostile in ("../x", "a/b", "", ".."):
        with pytest.raises(ValueError):
            remove_proposal(share, hostile)
    assert outside.exists()


def test_proposing_to_an_unreachable_share_says_so(tmp_path):
    with pytest.raises(ShareOfflineError):
        propose(tmp_path / "gone", Phrase(id="p", text="好"), "abcdef0123456789")


def test_usage_files_hold_counts_of_team_phrases_only_and_the_lead_sums_them(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    today = dt.date(2026, 11, 23)
    team_ids = {"t-1", "t-2", "t-3"}
    write_usage(share, "aaaaaaaaaaaaaaaa", [("t-1", "2026-11-22", 5), ("p-mine", "2026-11-22", 9),
                                            ("t-2", "2026-01-01", 7)],
                [("ship_time", "2026-11-22", 2)], team_ids, today)
    path = write_usage(share, "bbbbbbbbbbbbbbbb", [("t-1", "2026-11-23", 1), ("t-3", "2026-11-23", 2)],
                       [("ship_time", "2026-11-23", 1), ("other", "2026-11-23", 4)], team_ids, today)
    assert "p-mine" not in path.read_text(encoding="utf-8")
    (share / "stats" / "cccccccccccccccc.json").write_text('{"kind": "kuaida-team-usage", "agent": "zz"}',
                                                           encoding="utf-8")
    usage = read_team_usage(share)
    assert (usage.agents, usage.skipped_files) == (2, 1)
    assert usage.most_used(2) == [("t-1", 6), ("t-3", 2)]
    assert usage.least_used(sorted(team_ids), 2) == [("t-2", 0), ("t-3", 2)]
    assert usage.no_match == {"other": 4, "ship_time": 3}
    assert read_team_usage(share, since=dt.date(2026, 11, 23)).uses == {"t-1": 1, "t-3": 2}


def test_each_stats_file_says_which_kuaida_and_library_its_pc_runs(tmp_path):
    write_usage(tmp_path, "aaaaaaaaaaaaaaaa", [], [], set(), kuaida_version="0.0.9", library_version=12)
    write_usage(tmp_path, "bbbbbbbbbbbbbbbb", [], [], set())  # this Kuaida's version, never synced
    usage = read_team_usage(tmp_path)
    assert usage.versions["aaaaaaaaaaaaaaaa"] == AgentVersions("0.0.9", 12)
    assert usage.versions["bbbbbbbbbbbbbbbb"] == AgentVersions(desktop.__version__, None)
    assert usage.kuaida_versions() == {"0.0.9": 1, desktop.__version__: 1}
    assert usage.library_versions() == {12: 1, None: 1}


@pytest.mark.parametrize("kuaida, library", [
    ("<img src=x>", 12), ("9" * 33, 12), (["0.1.0"], 12), ("0.1.0", True), ("0.1.0", -1), ("0.1.0", 10**12),
    ("0.1.0", "12"), (None, None)])
def test_forged_or_missing_versions_show_as_unknown_and_keep_the_counts(tmp_path, kuaida, library):
    body = {"kind": "kuaida-team-usage", "format": 1, "agent": "aaaaaaaaaaaaaaaa",
            "uses": {"2026-11-22": {"t-1": 2}}, "no_match": {}, "kuaida_version": kuaida, "library_version": library}
    (tmp_path / "stats").mkdir()
    (tmp_path / "stats" / "aaaaaaaaaaaaaaaa.json").write_text(json.dumps(body), encoding="utf-8")
    usage = read_team_usage(tmp_path, today=dt.date(2026, 11, 23))
    assert (usage.agents, usage.skipped_files, usage.uses) == (1, 0, {"t-1": 2})
    shown = usage.versions["aaaaaaaaaaaaaaaa"]
    assert shown.kuaida in (None, "0.1.0") and shown.library in (None, 12)
    assert shown != AgentVersions("0.1.0", 12)


def test_an_agent_id_that_could_escape_the_stats_folder_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_usage(tmp_path, "../../x", [], [], set())


def test_the_mirror_counts_messages_with_no_fitting_phrase(team):
    team.record_no_match("ship_time", dt.date(2026, 11, 23))
    team.record_no_match("ship_time", dt.date(2026, 11, 23))
    assert team.no_match_by_day() == [("ship_time", "2026-11-23", 2)]
    assert len(team.agent_id()) == 16 and team.agent_id() == team.agent_id()


def test_lost_sale_reasons_travel_as_counts_and_odd_reasons_stay_home(tmp_path):
    today = dt.date(2026, 11, 23)
    write_usage(tmp_path, "aaaaaaaaaaaaaaaa", [], [], set(), today=today,
                lost_reasons=[("价格太贵", "2026-11-22", 2), ("款式不新", "2026-11-23", 1),
                              ("<b>x</b>", "2026-11-23", 1)])
    write_usage(tmp_path, "bbbbbbbbbbbbbbbb", [], [], set(), today=today, lost_reasons=[("价格太贵", "2026-11-23", 3)])
    raw = (tmp_path / "stats" / "aaaaaaaaaaaaaaaa.json").read_text(encoding="utf-8")
    assert "<b>" not in raw
    usage = read_team_usage(tmp_path, today=today)
    assert usage.lost_reasons == {"价格太贵": 5, "款式不新": 1}
    assert read_team_usage(tmp_path, since=today, today=today).lost_reasons == {"价格太贵": 3, "款式不新": 1}


def test_a_stats_file_with_a_forged_reason_is_left_out_whole(tmp_path):
    stats = tmp_path / "stats"
    stats.mkdir()
    forged = {"kind": "kuaida-team-usage", "format": 1, "agent": "cccccccccccccccc", "uses": {}, "no_match": {},
              "lost_reasons": {"2026-11-23": {"<img src=x>": 1}}}
    (stats / "cccccccccccccccc.json").write_text(json.dumps(forged), encoding="utf-8")
    usage = read_team_usage(tmp_path, today=dt.date(2026, 11, 23))
    assert usage.skipped_files == 1 and not usage.lost_reasons


def test_shared_feedback_is_read_bounded_and_a_forged_file_is_skipped(tmp_path):
    from desktop.sync.feedback import list_shared_feedback, remove_shared_feedback, share_feedback

    item = share_feedback(tmp_path, "aaaaaaaaaaaaaaaa", "小美", "物流", "送不上门，电话13812345678", "",
                          dt.date(2026, 12, 1))
    (tmp_path / "feedback" / "20261201T000000-bbbb-0000000a.json").write_text(
        json.dumps({"kind": "kuaida-feedback", "department": "", "text": "x", "note": "", "agent": "", "day": "x"}),
        encoding="utf-8")
    (tmp_path / "feedback" / "notes.txt").write_text("not ours", encoding="utf-8")
    items, skipped = list_shared_feedback(tmp_path)
    assert [(i.id, i.department, i.agent) for i in items] == [(item, "物流", "小美")]
    assert "13812345678" not in items[0].text and skipped == 1  # the forged file; other names are not ours
    with pytest.raises(ValueError, match="无效"):
        remove_shared_feedback(tmp_path, "../x")
    remove_shared_feedback(tmp_path, item)
    assert list_shared_feedback(tmp_path)[0] == []


def test_a_stats_file_with_an_impossible_day_or_figure_is_left_out_whole(tmp_path):
    stats = tmp_path / "stats"
    stats.mkdir()
    base = {"kind": "kuaida-team-usage", "format": 1, "uses": {}, "no_match": {}}
    forged = {"cccccccccccccccc": {"daily": {"2026-13-45": {"replies": 1}}},
              "dddddddddddddddd": {"daily": {"2026-11-23": {"payroll": 1}}},
              "eeeeeeeeeeeeeeee": {"feedback": {"2026-11-23": {"<a href=x>": 1}}}}
    for agent, extra in forged.items():
        (stats / f"{agent}.json").write_text(json.dumps({**base, "agent": agent, **extra}), encoding="utf-8")
    usage = read_team_usage(tmp_path, today=dt.date(2026, 11, 23))
    assert usage.skipped_files == 3 and usage.daily == {}
