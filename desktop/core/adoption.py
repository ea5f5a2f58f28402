"""Adoption figures (生成率, 采纳率) with the market's definitions, counted from what the window sees.

Every buyer message copied is one message. It either had suggestions shown or not (生成率 = shown ÷
messages). A message with suggestions shown ends in exactly one outcome: pasted unchanged from the top 1,
from ranks 2–3 (so "top 3" = top 1 + ranks 2–3), from a lower rank, from search; pasted then edited; or no
pick. "Edited" is seen the way the market's tools see it: the agent re-copies what was sent, and a near match
to the pasted reply (not the same text) means the agent changed it before pressing Enter. An identical
re-copy confirms an unchanged paste and is no buyer message.

Pure and clock-free: the tracker takes the day with every event. Texts are held in memory only for the
near-match test (the last pasted reply); what comes out are counts: (day, phrase id, outcome) → 1.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum


class Outcome(StrEnum):
    MESSAGE = "message"  # a buyer message copied (with or without suggestions)
    SHOWN = "shown"  # … with suggestions shown
    TOP1 = "top1"  # pasted unchanged from the first suggestion
    TOP3 = "top2_3"  # … from the second or third
    LOWER = "lower"  # … from the fourth or below
    SEARCH = "search"  # … from search
    EDITED = "edited"  # pasted, then changed before sending
    NO_PICK = "no_pick"  # suggestions shown, nothing pasted


PICKED = (Outcome.TOP1, Outcome.TOP3, Outcome.LOWER, Outcome.SEARCH, Outcome.EDITED)
ALL_OUTCOMES = tuple(Outcome)
OUTCOME_LABELS = {
    Outcome.MESSAGE: "买家消息", Outcome.SHOWN: "有推荐", Outcome.TOP1: "首条直接粘贴",
    Outcome.TOP3: "第2-3条直接粘贴", Outcome.LOWER: "第4条及以后", Outcome.SEARCH: "搜索粘贴",
    Outcome.EDITED: "粘贴后修改", Outcome.NO_PICK: "未采纳",
}
# How alike the re-copied text must be to the pasted reply to count as that reply, edited. Agents add a
# name, fix a date or a product: most of the text stays. Below this it is another message.
NEAR_MATCH = 0.6
# Search results are not ranks: a paste from search passes rank None.
SEARCH_RANK = None
MESSAGE_LEVEL = ""  # the phrase id of counts that belong to a message, not to one phrase


@dataclass(frozen=True, slots=True)
class Count:
    day: str
    phrase_id: str  # MESSAGE_LEVEL for message, shown and no_pick
    outcome: Outcome


def rank_outcome(rank: int | None) -> Outcome:
    """The unchanged-paste outcome of a rank (1-based), or of search (None)."""
    if rank is None:
        return Outcome.SEARCH
    if rank <= 1:
        return Outcome.TOP1
    return Outcome.TOP3 if rank <= 3 else Outcome.LOWER


def _normalised(text: str) -> str:
    return "".join(text.split())


def is_near_match(copied: str, pasted: str, threshold: float = NEAR_MATCH) -> bool:
    """Whether a copied text is the pasted reply, changed a little (not the same text)."""
    a, b = _normalised(copied), _normalised(pasted)
    if not a or not b or a == b:
        return False
    shorter, longer = sorted((len(a), len(b)))
    if shorter < threshold * longer:  # a quick bound: ratio() can be no higher than this
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold


@dataclass
class _Paste:
    day: str
    phrase_id: str
    outcome: Outcome
    text: str


@dataclass
class AdoptionTracker:
    """Turns the window's events into counts. Feed `copied`, `shown`, `pasted`; each returns the counts that
    became final (to be added to the store); `flush` ends the day or the session."""

    near_match: float = NEAR_MATCH
    _message_open: bool = False  # a message with suggestions shown and no paste yet
    _message_day: str = ""
    _paste: _Paste | None = None

    def copied(self, text: str, day: dt.date) -> tuple[list[Count], bool]:
        """A copy. Returns the finished counts and whether the copy is a buyer message (False when it is
        the agent's re-copy of the pasted reply, edited or not)."""
        done: list[Count] = []
        if self._paste is not None:
            paste, self._paste = self._paste, None
            if _normalised(text) == _normalised(paste.text):
                done.append(Count(paste.day, paste.phrase_id, paste.outcome))
                return done, False
            if is_near_match(text, paste.text, self.near_match):
                done.append(Count(paste.day, paste.phrase_id, Outcome.EDITED))
                return done, False
            done.append(Count(paste.day, paste.phrase_id, paste.outcome))
        done.extend(self._close_message())
        done.append(Count(day.isoformat(), MESSAGE_LEVEL, Outcome.MESSAGE))
        return done, True

    def shown(self, day: dt.date) -> list[Count]:
        """Suggestions were shown for the message just copied."""
        if self._message_open:
            return []
        self._message_open, self._message_day = True, day.isoformat()
        return [Count(self._message_day, MESSAGE_LEVEL, Outcome.SHOWN)]

    def pasted(self, phrase_id: str, rank: int | None, text: str, day: dt.date) -> list[Count]:
        """A reply pasted: from suggestion `rank` (1-based) or from search (None). Its outcome is final at
        the next copy (edited or not) or at `flush`."""
        done = self._finish_paste()
        self._message_open = False
        self._paste = _Paste(day.isoformat(), phrase_id, rank_outcome(rank), text)
        return done

    def flush(self) -> list[Count]:
        """Make everything pending final (at quit, or before the figures are read)."""
        return [*self._finish_paste(), *self._close_message()]

    def _finish_paste(self) -> list[Count]:
        if self._paste is None:
            return []
        paste, self._paste = self._paste, None
        return [Count(paste.day, paste.phrase_id, paste.outcome)]

    def _close_message(self) -> list[Count]:
        if not self._message_open:
            return []
        self._message_open = False
        return [Count(self._message_day, MESSAGE_LEVEL, Outcome.NO_PICK)]


# --- figures ---------------------------------------------------------------------------------------------

@dataclass
class Figures:
    """One row of the report: a day, an agent or a phrase, with its outcome counts."""

    key: str
    counts: Counter[str] = field(default_factory=Counter)

    def __getitem__(self, outcome: Outcome) -> int:
        return self.counts.get(outcome.value, 0)

    @property
    def picked(self) -> int:
        return sum(self[o] for o in PICKED)

    @property
    def generation_rate(self) -> float:
        """生成率: messages with suggestions shown ÷ buyer messages."""
        return self[Outcome.SHOWN] / self[Outcome.MESSAGE] if self[Outcome.MESSAGE] else 0.0

    @property
    def adoption_rate(self) -> float:
        """采纳率: messages answered from a suggestion or search (unchanged or edited) ÷ messages with
        suggestions shown."""
        shown = self[Outcome.SHOWN]
        return min(self.picked / shown, 1.0) if shown else 0.0

    @property
    def top3(self) -> int:
        return self[Outcome.TOP1] + self[Outcome.TOP3]


def total(counts: Iterable[tuple[str, str, str, int]], key: str = "day") -> list[Figures]:
    """Rows of (day, phrase id, outcome, count) summed by `key`: "day", "phrase" (phrase-level outcomes
    only) or "all" (one row)."""
    rows: dict[str, Figures] = {}
    for day, phrase_id, outcome, count in counts:
        if key == "phrase":
            if phrase_id == MESSAGE_LEVEL:
                continue
            name = phrase_id
        else:
            name = day if key == "day" else "全部"
        rows.setdefault(name, Figures(name)).counts[outcome] += count
    return [rows[name] for name in sorted(rows)]


REPORT_HEADER = ("范围", "买家消息", "有推荐", "生成率", "首条", "前三条", "第4条及以后", "搜索", "粘贴后修改",
                 "未采纳", "采纳率")


def report_rows(figures: Iterable[Figures]) -> list[tuple[str, ...]]:
    return [
        (f.key, str(f[Outcome.MESSAGE]), str(f[Outcome.SHOWN]), f"{f.generation_rate:.1%}", str(f[Outcome.TOP1]),
         str(f.top3), str(f[Outcome.LOWER]), str(f[Outcome.SEARCH]), str(f[Outcome.EDITED]),
         str(f[Outcome.NO_PICK]), f"{f.adoption_rate:.1%}")
        for f in figures
    ]


def by_day_counts(rows: Iterable[tuple[str, str, str, int]]) -> dict[str, dict[str, int]]:
    """day → {outcome: count} over message-level and phrase-level rows (what the usage file uploads)."""
    days: dict[str, Counter[str]] = {}
    for day, _phrase, outcome, count in rows:
        days.setdefault(day, Counter())[outcome] += count
    return {day: dict(counts) for day, counts in days.items()}


def merged(days: Iterable[Mapping[str, Mapping[str, int]]]) -> dict[str, Counter[str]]:
    result: dict[str, Counter[str]] = {}
    for one in days:
        for day, counts in one.items():
            result.setdefault(day, Counter()).update(counts)
    return result


AGENT_EXPORT_HEADER = ("日期", "客服", *REPORT_HEADER[1:])


def agent_day_rows(rows: Iterable[tuple[str, str, str, int]]) -> list[tuple[str, ...]]:
    """The team's (day, agent, outcome, count) rows as CSV rows: one per day and agent, then one per agent for
    the whole period (日期 = 合计)."""
    per_day: dict[tuple[str, str], Figures] = {}
    per_agent: dict[str, Figures] = {}
    for day, agent, outcome, count in rows:
        per_day.setdefault((day, agent), Figures(day)).counts[outcome] += count
        per_agent.setdefault(agent, Figures("合计")).counts[outcome] += count
    out = [(day, agent, *report_rows([per_day[(day, agent)]])[0][1:]) for day, agent in sorted(per_day)]
    out += [("合计", agent, *report_rows([per_agent[agent]])[0][1:]) for agent in sorted(per_agent)]
    return out
