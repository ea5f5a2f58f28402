"""Team usage for 话术优化: each agent writes only its own small stats file; the lead's editor sums them.

A stats file holds counts only: team phrase id → uses per day, intent → messages with no fitting phrase
per day, 未成交 reason → buyers who did not buy per day; and which Kuaida and which team library version
the agent runs, so IT and the lead see which PC still runs an old one. No buyer text, no customer names,
no personal phrases.

Nobody signs these files and every agent can write any of them, so reading is bounded and sceptical: at
most `MAX_AGENT_FILES` files, the agent inside must be the one the name says, no day in the future, no
more in a day than one agent can do. A file failing any of that is left out whole and counted as skipped;
the editor shows the totals as unverified. The two version fields are as unverified: a value that is not a
short version text or a plausible library number is shown as unknown, without rejecting the counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop import __version__
from desktop.core.daily_report import FIGURES, DayFigures
from desktop.core.sync.canonical import canonical_bytes, parse_json_object
from desktop.core.sync.pack import PHRASE_ID, PackError
from desktop.sync.atomic import write_atomic
from desktop.sync.folder import TeamFolder, read_limited

USAGE_KIND = "kuaida-team-usage"
KEEP_DAYS = 30
MAX_USAGE_BYTES = 4 * 1024 * 1024
MAX_AGENT_FILES = 300  # a large team is dozens of agents; a folder of thousands is a flood, not a team
# One reply every ten seconds through an eight-hour shift: more uses (or unanswered messages) in one day
# from one agent is a forged file, not a busy day.
MAX_DAILY_COUNT = 3000
AGENT_ID = re.compile(r"[0-9a-f]{8,32}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# A reason is shown to the lead as plain text: short, one line, nothing markup-like.
_FIGURE = re.compile("|".join(FIGURES))
LOST_REASON = re.compile(r"[^\x00-\x1f\x7f<>&]{1,20}")
# Versions are shown to the lead as plain text: short, and only characters a version number uses.
VERSION_TEXT = re.compile(r"[0-9A-Za-z.+\-]{1,32}")
MAX_LIBRARY_VERSION = 10**9


@dataclass(frozen=True)
class AgentVersions:
    """What one agent's stats file says it runs; None where the file does not say (older Kuaida) or lies badly."""

    kuaida: str | None
    library: int | None


@dataclass
class TeamUsage:
    uses: Counter[str] = field(default_factory=Counter)  # phrase id → uses over the period
    no_match: Counter[str] = field(default_factory=Counter)  # intent → messages with nothing that fit
    lost_reasons: Counter[str] = field(default_factory=Counter)  # 未成交 reason → buyers who did not buy
    daily: dict[dt.date, DayFigures] = field(default_factory=dict)  # 日报: the agents' day figures, summed
    agents: int = 0
    skipped_files: int = 0
    versions: dict[str, AgentVersions] = field(default_factory=dict)  # agent id → what it says it runs

    def kuaida_versions(self) -> Counter[str | None]:
        return Counter(v.kuaida for v in self.versions.values())

    def library_versions(self) -> Counter[int | None]:
        return Counter(v.library for v in self.versions.values())

    def most_used(self, n: int = 20) -> list[tuple[str, int]]:
        return self.uses.most_common(n)

    def least_used(self, phrase_ids: Iterable[str], n: int = 20) -> list[tuple[str, int]]:
        """Team phrases nobody (or hardly anybody) used: the candidates for rewording or removal."""
        return sorted(((pid, self.uses.get(pid, 0)) for pid in phrase_ids), key=lambda item: item[1])[:n]


def write_usage(folder_path: Path, agent_id: str, uses: Iterable[tuple[str, str, int]],
                no_match: Iterable[tuple[str, str, int]], team_ids: set[str], today: dt.date | None = None,
                kuaida_version: str = __version__, library_version: int | None = None,
                lost_reasons: Iterable[tuple[str, str, int]] = (),
                daily: dict[dt.date, DayFigures] | None = None) -> Path:
    """Replace this agent's stats file with the last `KEEP_DAYS` days of (id, day, count) rows.

    `library_version` is the team library this PC applied (None before its first sync); `lost_reasons` are
    (reason, day, buyers) rows of 未成交原因, `daily` the agent's 日报 figures per day; counts only."""
    if not AGENT_ID.fullmatch(agent_id):
        raise ValueError("无效的客服编号")
    since = ((today or dt.date.today()) - dt.timedelta(days=KEEP_DAYS)).isoformat()
    body: dict[str, object] = {"kind": USAGE_KIND, "format": 1, "agent": agent_id,
                               "uses": _by_day((r for r in uses if r[0] in team_ids), since),
                               "no_match": _by_day(no_match, since), "kuaida_version": kuaida_version[:32],
                               "lost_reasons": _by_day((r for r in lost_reasons if LOST_REASON.fullmatch(r[0])),
                                                       since)}
    if library_version is not None:
        body["library_version"] = library_version
    if daily:
        body["daily"] = _by_day(((k, d.isoformat(), n) for d, f in daily.items() for k, n in f.counts.items()
                                 if k in FIGURES), since)
        body["feedback"] = _by_day(((k, d.isoformat(), n) for d, f in daily.items() for k, n in f.feedback.items()
                                    if LOST_REASON.fullmatch(k)), since)
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    folder.stats.mkdir(exist_ok=True)
    target = folder.stats / f"{agent_id}.json"
    write_atomic(target, canonical_bytes(body))
    return target


def _by_day(rows: Iterable[tuple[str, str, int]], since: str) -> dict[str, dict[str, int]]:
    days: dict[str, dict[str, int]] = {}
    for key, day, count in rows:
        if day >= since and count > 0:
            days.setdefault(day, {})[key] = days.get(day, {}).get(key, 0) + int(count)
    return days


def read_team_usage(folder_path: Path, since: dt.date | None = None, today: dt.date | None = None) -> TeamUsage:
    folder = TeamFolder(folder_path)
    since_text = (since or dt.date.min).isoformat()
    # Tomorrow still counts: an agent ahead by a time zone or a clock setting is no forger.
    latest = ((today or dt.date.today()) + dt.timedelta(days=1)).isoformat()
    usage = TeamUsage()
    paths = folder.safe_entries(folder.stats, limit=MAX_AGENT_FILES + 1)
    if len(paths) > MAX_AGENT_FILES:
        usage.skipped_files += 1  # at least one more than any team has: the rest is not even looked at
        paths = paths[:MAX_AGENT_FILES]
    for path in paths:
        try:
            raw = parse_json_object(read_limited(path, MAX_USAGE_BYTES), "统计文件", PackError)
            if raw.get("kind") != USAGE_KIND or raw.get("agent") != path.stem or not AGENT_ID.fullmatch(path.stem):
                raise PackError("不是快答的统计文件")
            uses = _counts(raw.get("uses"), since_text, latest, PHRASE_ID)
            no_match = _counts(raw.get("no_match"), since_text, latest, re.compile(r"[a-z_]{1,40}"))
            lost_days = _per_day(raw.get("lost_reasons", {}), latest, LOST_REASON)  # older files have none
            figure_days = _per_day(raw.get("daily", {}), latest, _FIGURE)
            feedback_days = _per_day(raw.get("feedback", {}), latest, LOST_REASON)
        except (OSError, PackError, RecursionError):
            usage.skipped_files += 1
            continue
        usage.uses.update(uses)
        usage.no_match.update(no_match)
        for part, days in (("lost", lost_days), ("counts", figure_days), ("feedback", feedback_days)):
            for day, counts in days.items():
                if day >= since_text:
                    getattr(usage.daily.setdefault(dt.date.fromisoformat(day), DayFigures()), part).update(counts)
                    if part == "lost":
                        usage.lost_reasons.update(counts)
        usage.agents += 1
        usage.versions[path.stem] = _versions(raw)
    return usage


def _versions(raw: dict[str, object]) -> AgentVersions:
    kuaida = raw.get("kuaida_version")
    library = raw.get("library_version")
    return AgentVersions(
        kuaida if isinstance(kuaida, str) and VERSION_TEXT.fullmatch(kuaida) else None,
        library if isinstance(library, int) and not isinstance(library, bool) and 0 < library <= MAX_LIBRARY_VERSION
        else None,
    )


def _counts(days: object, since: str, latest: str, key_pattern: re.Pattern[str]) -> Counter[str]:
    total: Counter[str] = Counter()
    for day, counts in _per_day(days, latest, key_pattern).items():
        if day >= since:
            total.update(counts)
    return total


def _per_day(days: object, latest: str, key_pattern: re.Pattern[str]) -> dict[str, Counter[str]]:
    """Day → key → count, every part checked; `PackError` for anything a Kuaida would not have written."""
    if not isinstance(days, dict):
        raise PackError("统计文件格式不对")
    result: dict[str, Counter[str]] = {}
    for day, counts in days.items():
        if not isinstance(day, str) or not _DAY.fullmatch(day) or not isinstance(counts, dict) or day > latest:
            raise PackError("统计文件格式不对")
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            raise PackError("统计文件中的日期不对") from None
        day_total = 0
        for key, count in counts.items():
            if not key_pattern.fullmatch(key) or not isinstance(count, int) or isinstance(count, bool) or \
                    count < 0:
                raise PackError("统计文件格式不对")
            day_total += count
            if day_total > MAX_DAILY_COUNT:
                raise PackError("统计文件中的次数不可信")
            result.setdefault(day, Counter())[key] += count
    return result
