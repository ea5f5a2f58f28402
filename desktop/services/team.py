"""The team library's use cases, shared by the command line (`publish`, `sync`) and the window (the lead's
editor, the sync controller): what the editor starts from, publishing and mirroring what was published,
proposing a phrase, and the usage figures an agent uploads. Free of Qt; the window runs the store parts on
its DB worker and the share parts on its I/O pool, the CLI calls them in a row.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.daily_report import Days
from desktop.core.phrases import Phrase
from desktop.core.sync.canonical import sha256_hex
from desktop.core.sync.keys import PublicKey, SigningKey
from desktop.core.sync.pack import TeamLibrary
from desktop.settings import SettingsReader
from desktop.store.lost_sales import LostSaleRepository
from desktop.store.team import ApplyResult, TeamRepository
from desktop.sync.publish import PublishResult, publish
from desktop.sync.usage import KEEP_DAYS, write_usage


@dataclass(frozen=True)
class MirroredLibrary:
    """This PC's copy of the team library: what the lead's editor starts its draft from."""

    library: TeamLibrary
    version: int | None
    team_key: PublicKey | None  # the key the copy was verified with: only it may publish the next version


def mirrored_library(team: TeamRepository) -> MirroredLibrary:
    mirror = team.mirror_state()
    return MirroredLibrary(team.library(), mirror.applied_version, mirror.pinned_key)


def is_foreign_key(key: SigningKey, team_key: PublicKey | None) -> bool:
    """A key other than the one the team's agents trust: they would reject what it signs."""
    return team_key is not None and key.public != team_key


def publisher_name(settings: SettingsReader, given: str = "") -> str:
    """Who published, as the manifest says: the name given, the agent name in settings, or the login name."""
    return given or settings.get("agent_name") or getpass.getuser()


def publish_library(folder: Path, library: TeamLibrary, key: SigningKey, publisher: str, *,
                    expected_version: int | None, known_version: int | None,
                    team_key: PublicKey | None) -> PublishResult:
    """Share I/O: sign and write `library` as the next version (refused when someone else published since)."""
    return publish(folder, library, key, publisher, expected_version=expected_version, known_version=known_version,
                   trusted=(team_key,) if team_key is not None else ())


def mirror_published(team: TeamRepository, library: TeamLibrary, result: PublishResult,
                     key: SigningKey) -> ApplyResult:
    """The lead's own copy becomes exactly what was just published, without waiting for the next sync."""
    manifest = result.manifest
    return team.apply(library, manifest.library_version, sha256_hex(manifest.to_bytes()), key.public)


def agent_for_proposal(team: TeamRepository, phrase: Phrase) -> str:
    """Before a personal phrase is offered to the team: remember it was (so the team phrase it becomes takes
    its place here, see `TeamRepository.apply`) and return the random id the proposal is filed under."""
    team.note_proposed(phrase.id)
    return team.agent_id()


@dataclass(frozen=True)
class UsageSnapshot:
    """What an agent's stats file on the share holds: counts by phrase id and intent, no text."""

    agent_id: str
    uses: list[tuple[str, str, int]]
    no_match: list[tuple[str, str, int]]
    team_ids: set[str]
    library_version: int | None
    lost_reasons: list[tuple[str, str, int]]  # 未成交 reason, day, count
    daily: Days = field(default_factory=dict)  # 日报 figures per day (counts)


def usage_snapshot(team: TeamRepository, today: dt.date | None = None, daily: Days | None = None) -> UsageSnapshot:
    since = (today or dt.date.today()) - dt.timedelta(days=KEEP_DAYS)
    return UsageSnapshot(team.agent_id(), team.phrases.uses_by_day(), team.no_match_by_day(), team.team_ids(),
                         team.mirror_state().applied_version, LostSaleRepository(team.db).counts_by_day(since),
                         daily or {})


def upload_usage(folder: Path, snapshot: UsageSnapshot) -> Path:
    """Share I/O: replace this agent's stats file."""
    return write_usage(folder, snapshot.agent_id, snapshot.uses, snapshot.no_match, snapshot.team_ids,
                       library_version=snapshot.library_version, lost_reasons=snapshot.lost_reasons,
                       daily=snapshot.daily)
