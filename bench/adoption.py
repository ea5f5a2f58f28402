"""Adoption figures on a simulated day: 2,000 copies and 1,200 pastes over 5 agents (issue 14 item 2).

Each agent gets its own on-disk store and drives `AdoptionRecorder` exactly as the 建议 list does (every
finished count saved in its own transaction, as the window's DB worker does). The script checks that the
figures come out as simulated, then times: the recorder per event (the only part on the UI thread), the
store writes, each agent's stats-file upload, the lead reading the team's files and the report.

Run by hand: `.venv/bin/python bench/adoption.py [SEED]`.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from desktop.core.adoption import Count, report_rows, total
from desktop.core.default_library import load_default_library
from desktop.services.adoption import AdoptionRecorder
from desktop.store.adoption import AdoptionRepository
from desktop.store.database import open_store
from desktop.sync.usage import read_team_usage, write_usage

AGENTS = 5
COPIES = 2000
PASTES = 1200
EDITED = 150  # pastes the agent changed, then re-copied (near match)
CONFIRMED = 100  # pastes re-copied unchanged
DAY = dt.date(2026, 12, 4)
RANKS = [1] * 55 + [2] * 12 + [3] * 8 + [4] * 3 + [6] * 2 + [None] * 20  # top1 / 2-3 / lower / search, in %


def plan(rng: random.Random) -> tuple[list[list[tuple]], Counter[str]]:
    """Per agent, the day's events, and the counts they must give. Copies = buyer messages + re-copies."""
    phrases = [p for p in load_default_library() if len(p.text) >= 12]
    messages = COPIES - EDITED - CONFIRMED  # 1,750 buyer messages
    pasted_on = set(rng.sample(range(messages), PASTES))  # messages answered with a paste
    recopy = dict.fromkeys(rng.sample(sorted(pasted_on), EDITED + CONFIRMED), "confirmed")
    for index in rng.sample(sorted(recopy), EDITED):
        recopy[index] = "edited"
    expected: Counter[str] = Counter()
    agents: list[list[tuple]] = [[] for _ in range(AGENTS)]
    for index in range(messages):
        events = agents[index % AGENTS]
        shown = index in pasted_on or rng.random() < 0.8
        events.append(("copy", f"买家第{index}条消息：这个什么时候能发货呀{rng.randint(0, 10**6)}"))
        expected["message"] += 1
        if shown:
            events.append(("shown",))
            expected["shown"] += 1
        if index not in pasted_on:
            expected["no_pick"] += shown
            continue
        rank = rng.choice(RANKS) if shown else None
        phrase = rng.choice(phrases)
        events.append(("paste", phrase.id, rank, phrase.text))
        kind = recopy.get(index)
        if kind == "edited":
            events.append(("copy", phrase.text[:-3] + "，今天就给您发出哦"))
            expected["edited"] += 1
        else:
            if kind == "confirmed":
                events.append(("copy", phrase.text))
            expected[{1: "top1", 2: "top2_3", 3: "top2_3", None: "search"}.get(rank, "lower")] += 1
    return agents, expected


def main() -> None:
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 14)
    agents, expected = plan(rng)
    print(f"{sum(len(e) for e in agents)} events; copies {sum(1 for e in agents for x in e if x[0] == 'copy')}, "
          f"pastes {sum(1 for e in agents for x in e if x[0] == 'paste')}, agents {AGENTS}")
    event_us: list[float] = []
    save_ms: list[float] = []
    upload_ms: list[float] = []
    got: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        share = Path(tmp) / "share"
        share.mkdir()
        for number, events in enumerate(agents):
            store = open_store(Path(tmp) / f"agent{number}.sqlite3", backup_dir=Path(tmp) / f"b{number}")
            repo = AdoptionRepository(store.db)
            pending: list[list[Count]] = []
            recorder = AdoptionRecorder(pending.append, today=lambda: DAY)
            for event in events:
                started = time.perf_counter()
                if event[0] == "copy":
                    recorder.message_copied(event[1])
                elif event[0] == "shown":
                    recorder.suggestions_shown()
                else:
                    recorder.reply_pasted(event[1], event[2], event[3])
                event_us.append((time.perf_counter() - started) * 1e6)
                while pending:  # the window hands each batch to its DB worker at once
                    started = time.perf_counter()
                    repo.add(pending.pop())
                    save_ms.append((time.perf_counter() - started) * 1e3)
            recorder.flush()
            while pending:
                repo.add(pending.pop())
            rows = repo.counts()
            for _d, _p, outcome, n in rows:
                got[outcome] += n
            started = time.perf_counter()
            write_usage(share, f"{number:016x}", [], [], {p.id for p in load_default_library()}, today=DAY,
                        adoption=rows)
            upload_ms.append((time.perf_counter() - started) * 1e3)
            store.close()
        started = time.perf_counter()
        usage = read_team_usage(share, today=DAY)
        read_ms = (time.perf_counter() - started) * 1e3
        started = time.perf_counter()
        team = total(usage.adoption_by_agent, "all")
        per_phrase = total(usage.adoption_by_phrase, "phrase")
        report_ms = (time.perf_counter() - started) * 1e3
        sizes = [p.stat().st_size for p in (share / "stats").iterdir()]
    assert got == expected, (got, expected)
    assert usage.agents == AGENTS and usage.skipped_files == 0
    print("counts as simulated:", dict(sorted(got.items())))
    print("team figures:", report_rows(team)[0])
    print(f"phrases with outcomes: {len(per_phrase)}")
    q = statistics.quantiles
    print(f"recorder per event: median {statistics.median(event_us):.1f} µs, p95 {q(event_us, n=20)[-1]:.1f} µs, "
          f"max {max(event_us):.1f} µs ({len(event_us)} events)")
    print(f"store write per batch (own transaction, on disk): median {statistics.median(save_ms):.2f} ms, "
          f"p95 {q(save_ms, n=20)[-1]:.2f} ms ({len(save_ms)} writes)")
    print(f"stats-file upload per agent: median {statistics.median(upload_ms):.1f} ms; "
          f"file {min(sizes) / 1024:.1f}–{max(sizes) / 1024:.1f} KiB")
    print(f"lead: read {AGENTS} stats files {read_ms:.1f} ms; team + per-phrase figures {report_ms:.2f} ms")


if __name__ == "__main__":
    main()
