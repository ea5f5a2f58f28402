"""Team usage for 话术优化: each agent writes only its own small stats file; the lead's editor sums them.

A stats file holds counts only: team phrase id → uses per day, and intent → messages with no fitting
phrase per day. No buyer text, no customer names, no personal phrases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.sync.canonical import canonical_bytes, parse_json_object
from desktop.core.sync.pack import PHRASE_ID, PackError
from desktop.sync.atomic import write_atomic
from desktop.sync.folder import TeamFolder, read_limited

USAGE_KIND = "kuaida-team-usage"
KEEP_DAYS = 30
MAX_USAGE_BYTES = 4 * 1024 * 1024
AGENT_ID = re.compile(r"[0-9a-f]{8,32}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class TeamUsage:
    uses: Counter[str] = field(default_factory=Counter)  # phrase id → uses over the period
    no_match: Counter[str] = field(default_factory=Counter)  # intent → messages with nothing that fit
    agents: int = 0
    skipped_files: int = 0

    def most_used(self, n: int = 20) -> list[tuple[str, int]]:
        return self.uses.most_common(n)

    def least_used(self, phrase_ids: Iterable[str], n: int = 20) -> list[tuple[str, int]]:
        """Team phrases nobody (or hardly anybody) used: the candidates for rewording or removal."""
        return sorted(((pid, self.uses.get(pid, 0)) for pid in phrase_ids), key=lambda item: item[1])[:n]


def write_usage(folder_path: Path, agent_id: str, uses: Iterable[tuple[str, str, int]],
                no_match: Iterable[tuple[str, str, int]], team_ids: set[str], today: dt.date | None = None) -> Path:
    """Replace this agent's stats file with the last `KEEP_DAYS` days of (id, day, count) rows."""
    if not AGENT_ID.fullmatch(agent_id):
        raise ValueError("无效的客服编号")
    since = ((today or dt.date.today()) - dt.timedelta(days=KEEP_DAYS)).isoformat()
    body: dict[str, object] = {"kind": USAGE_KIND, "format": 1, "agent": agent_id,
                               "uses": _by_day((r for r in uses if r[0] in team_ids), since),
                               "no_match": _by_day(no_match, since)}
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


def read_team_usage(folder_path: Path, since: dt.date | None = None) -> TeamUsage:
    folder = TeamFolder(folder_path)
    since_text = (since or dt.date.min).isoformat()
    usage = TeamUsage()
    for path in folder.safe_entries(folder.stats):
        try:
            raw = parse_json_object(read_limited(path, MAX_USAGE_BYTES), "统计文件", PackError)
            if raw.get("kind") != USAGE_KIND or not AGENT_ID.fullmatch(str(raw.get("agent", ""))):
                raise PackError("不是快答的统计文件")
            uses = _counts(raw.get("uses"), since_text, PHRASE_ID)
            no_match = _counts(raw.get("no_match"), since_text, re.compile(r"[a-z_]{1,40}"))
        except (OSError, PackError):
            usage.skipped_files += 1
            continue
        usage.uses.update(uses)
        usage.no_match.update(no_match)
        usage.agents += 1
    return usage


def _counts(days: object, since: str, key_pattern: re.Pattern[str]) -> Counter[str]:
    if not isinstance(days, dict):
        raise PackError("统计文件格式不对")
    total: Counter[str] = Counter()
    for day, counts in days.items():
        if not isinstance(day, str) or not _DAY.fullmatch(day) or not isinstance(counts, dict):
            raise PackError("统计文件格式不对")
        if day < since:
            continue
        for key, count in counts.items():
            if not key_pattern.fullmatch(key) or not isinstance(count, int) or isinstance(count, bool) or \
                    not 0 <= count < 1_000_000:
                raise PackError("统计文件格式不对")
            total[key] += count
    return total
