"""Adoption counting with the market's definitions: 生成率, unchanged from top 1 / top 3 / lower / search,
edited (a near-match re-copy), no pick."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.core.adoption import (
    MESSAGE_LEVEL,
    AdoptionTracker,
    Count,
    Outcome,
    is_near_match,
    rank_outcome,
    report_rows,
    total,
)

DAY = dt.date(2026, 12, 4)
REPLY = "亲，您好，今天下午四点前付款的订单当天发出，明天就能到哦～"


def outcomes(counts: list[Count]) -> Counter[str]:
    return Counter(c.outcome.value for c in counts)


def run(events: list[tuple]) -> list[Count]:
    tracker = AdoptionTracker()
    done: list[Count] = []
    for event, *args in events:
        if event == "copy":
            done.extend(tracker.copied(args[0], DAY)[0])
        elif event == "shown":
            done.extend(tracker.shown(DAY))
        else:
            done.extend(tracker.pasted(args[0], args[1], args[2], DAY))
    return done + tracker.flush()


def test_ranks_map_to_top1_top3_lower_and_search() -> None:
    assert [rank_outcome(r) for r in (1, 2, 3, 4, 9, None)] == [
        Outcome.TOP1, Outcome.TOP3, Outcome.TOP3, Outcome.LOWER, Outcome.LOWER, Outcome.SEARCH]


def test_each_message_with_suggestions_ends_in_one_outcome() -> None:
    done = run([
        ("copy", "什么时候发货"), ("shown",), ("paste", "t-1", 1, REPLY),
        ("copy", "能便宜点吗"), ("shown",), ("paste", "t-2", 3, "亲，已经是活动价了哦"),
        ("copy", "有赠品吗"), ("shown",),
        ("copy", "在吗"), ("shown",), ("paste", "t-4", None, "在的亲"),
        ("copy", "啊啊啊"),  # nothing shown: a message, no outcome
    ])
    assert outcomes(done) == {"message": 5, "shown": 4, "top1": 1, "top2_3": 1, "no_pick": 1, "search": 1}
    phrase_level = {(c.phrase_id, c.outcome) for c in done if c.phrase_id != MESSAGE_LEVEL}
    assert phrase_level == {("t-1", Outcome.TOP1), ("t-2", Outcome.TOP3), ("t-4", Outcome.SEARCH)}


def test_a_near_match_recopy_counts_the_paste_as_edited_and_is_no_buyer_message() -> None:
    tracker = AdoptionTracker()
    tracker.copied("什么时候发货", DAY)
    tracker.shown(DAY)
    tracker.pasted("t-1", 1, REPLY, DAY)
    edited = REPLY.replace("明天", "后天")
    done, is_message = tracker.copied(edited, DAY)
    assert not is_message
    assert done == [Count(DAY.isoformat(), "t-1", Outcome.EDITED)]
    assert tracker.flush() == []


def test_an_identical_recopy_confirms_the_unchanged_paste() -> None:
    tracker = AdoptionTracker()
    tracker.pasted("t-1", 2, REPLY, DAY)
    done, is_message = tracker.copied(f" {REPLY}\n", DAY)
    assert (done, is_message) == ([Count(DAY.isoformat(), "t-1", Outcome.TOP3)], False)


def test_a_different_text_after_a_paste_is_the_next_buyer_message() -> None:
    tracker = AdoptionTracker()
    tracker.pasted("t-1", 1, REPLY, DAY)
    done, is_message = tracker.copied("好的，那我拍了", DAY)
    assert is_message
    assert outcomes(done) == {"top1": 1, "message": 1}


def test_near_match_needs_most_of_the_text() -> None:
    assert is_near_match(REPLY + "祝您生活愉快", REPLY)
    assert not is_near_match(REPLY, REPLY)
    assert not is_near_match("发货了吗", REPLY)
    assert not is_near_match("", REPLY)


def test_figures_give_generation_and_adoption_rates_by_day_and_phrase() -> None:
    rows = [("2026-12-03", "", "message", 10), ("2026-12-03", "", "shown", 8), ("2026-12-03", "t-1", "top1", 3),
            ("2026-12-03", "t-2", "edited", 1), ("2026-12-03", "", "no_pick", 4), ("2026-12-04", "", "message", 2)]
    by_day = total(rows, "day")
    assert [f.key for f in by_day] == ["2026-12-03", "2026-12-04"]
    assert by_day[0].generation_rate == 0.8 and by_day[0].adoption_rate == 0.5 and by_day[0].top3 == 3
    assert by_day[1].adoption_rate == 0.0
    assert [f.key for f in total(rows, "phrase")] == ["t-1", "t-2"]
    assert report_rows(total(rows, "all"))[0] == (
        "全部", "12", "8", "66.7%", "3", "3", "0", "0", "1", "4", "50.0%")
