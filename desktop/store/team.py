"""The local mirror of the team library: applied version, pinned key, promotions, featured product, words.

The team's phrases themselves live in the phrases table (source "team"); `apply` swaps them together with
everything here in one transaction, so an agent's store holds one published version, never half of two.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import PublicKey
from desktop.core.sync.manifest import MAX_LIBRARY_VERSION, is_valid_version
from desktop.core.sync.pack import Featured, Promotion, SensitiveWord, TeamLibrary
from desktop.store.phrases import PhraseRepository


@dataclass(frozen=True)
class MirrorState:
    """What the sync needs to know about the local copy, read on the DB thread and handed to the I/O job."""

    applied_version: int | None
    manifest_sha256: str
    pinned_key: PublicKey | None


@dataclass(frozen=True)
class ApplyResult:
    version: int
    phrases: int
    skipped_ids: tuple[str, ...]  # pack ids that clash with the agent's personal phrases (never overwritten)


class TeamRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.phrases = PhraseRepository(db)

    # small key/value state -------------------------------------------------------------------------
    def _get(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("select value from team_state where key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def _put(self, key: str, value: Any) -> None:
        self.db.execute(
            "insert into team_state (key, value) values (?, ?) on conflict(key) do update set value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    def mirror_state(self) -> MirrorState:
        pinned = self._get("pinned_key")
        return MirrorState(self._get("applied_version"), self._get("manifest_sha256", ""),
                           PublicKey.from_text(pinned) if pinned else None)

    def pin_key(self, key: PublicKey) -> None:
        with self.db.atomic():
            self._put("pinned_key", key.text)

    def pinned_key(self) -> PublicKey | None:
        return self.mirror_state().pinned_key

    def existing_agent_id(self) -> str | None:
        """The id if this profile has one already (it has written stats or proposals); never creates one."""
        value = self._get("agent_id")
        return str(value) if value else None

    def agent_id(self) -> str:
        """A random id naming this profile's stats and proposals on the share; it says nothing about the agent."""
        with self.db.atomic():
            value = self._get("agent_id")
            if not value:
                value = uuid.uuid4().hex[:16]
                self._put("agent_id", value)
        return str(value)

    def note_proposed(self, phrase_id: str) -> None:
        """Remember that this personal phrase was offered to the team (see `apply`)."""
        with self.db.atomic():
            self._put("proposed_ids", sorted(self.proposed_ids() | {phrase_id}))

    def proposed_ids(self) -> set[str]:
        return set(self._get("proposed_ids", []))

    def record_status(self, status: dict[str, Any]) -> None:
        with self.db.atomic():
            self._put("last_status", status)

    def last_status(self) -> dict[str, Any] | None:
        status: dict[str, Any] | None = self._get("last_status")  # what record_status wrote
        return status

    def shared_handover_seen(self) -> str:
        """The id of the last handover from the team folder this profile has shown (each is shown once)."""
        return str(self._get("shared_handover_seen", ""))

    def mark_shared_handover_seen(self, note_id: str) -> None:
        with self.db.atomic():
            self._put("shared_handover_seen", note_id)

    # usage the lead sees (counts only) --------------------------------------------------------------
    def record_no_match(self, intent: str, day: dt.date | None = None) -> None:
        """Count one buyer message (by its intent, or "other") for which no suggestion fitted."""
        with self.db.atomic():
            self.db.execute(
                "insert into team_no_match (intent, day, count) values (?, ?, 1) "
                "on conflict(intent, day) do update set count = count + 1",
                [intent, (day or dt.date.today()).isoformat()],
            )

    def no_match_by_day(self) -> list[tuple[str, str, int]]:
        return [tuple(r) for r in self.db.execute("select intent, day, count from team_no_match order by day")]

    def team_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("select id from phrases where source = 'team'")}

    # the mirrored library --------------------------------------------------------------------------
    def apply(self, library: TeamLibrary, version: int, manifest_sha256: str, key: PublicKey) -> ApplyResult:
        """Make the local team library exactly `library`, in one transaction; personal phrases stay as they are."""
        if not is_valid_version(version):  # the number every later publish continues from
            raise ValueError(f"团队库版本 v{version} 超出范围（1 – {MAX_LIBRARY_VERSION}）")
        personal = {
            r[0] for r in self.db.execute("select id from phrases where source = 'personal'")
        }
        # A personal phrase this agent proposed and the lead accepted comes back under the same id: the team
        # phrase it became takes its place (listed once, its uses and learned picks kept), and the agent's
        # own wording is kept aside, to come back if the team drops the phrase again. Any other clash keeps
        # the agent's own phrase.
        team_ids = {p.id for p in library.phrases}
        given_way = personal & self.proposed_ids() & team_ids
        phrases = [p for p in library.phrases if p.id not in personal or p.id in given_way]
        skipped = tuple(p.id for p in library.phrases if p.id in personal and p.id not in given_way)
        with self.db.atomic():
            set_aside = self._get("given_way", {})
            for phrase_id in given_way:
                mine = self.phrases.get(phrase_id)
                if mine is not None:
                    set_aside[phrase_id] = [mine.text, mine.group, mine.code, list(mine.intents), list(mine.keywords)]
            self.phrases.replace_source("team", phrases)
            for phrase_id in [i for i in set_aside if i not in team_ids]:  # dropped by the team: the agent's again
                text, group, code, intents, keywords = set_aside.pop(phrase_id)
                self.phrases.save(Phrase(phrase_id, text, group, code, tuple(intents), tuple(keywords)))
            self._put("given_way", set_aside)
            self.db.execute("delete from team_sensitive_words")
            self.db.table("team_sensitive_words").insert_all(
                ({"word": w.word, "category": w.category, "replacement": w.replacement}
                 for w in library.sensitive_words), replace=True
            )
            self.db.execute("delete from team_promotions")
            self.db.table("team_promotions").insert_all(
                {"position": i, "name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat(),
                 "talking_points": json.dumps(list(p.talking_points), ensure_ascii=False)}
                for i, p in enumerate(library.promotions)
            )
            featured = library.featured
            self._put("featured", None if featured is None else {
                "phrase_id": featured.phrase_id, "product": featured.product,
                "start": featured.start.isoformat(), "end": featured.end.isoformat(),
            })
            self._put("applied_version", version)
            self._put("manifest_sha256", manifest_sha256)
            self._put("pinned_key", key.text)
        return ApplyResult(version, len(phrases), skipped)

    def note_manifest_seen(self, manifest_sha256: str) -> None:
        """Remember a manifest whose library is already applied (e.g. re-signed), so polling it is one read."""
        with self.db.atomic():
            self._put("manifest_sha256", manifest_sha256)

    def library(self) -> TeamLibrary:
        """The mirrored library as a whole, for the lead's editor and for diffs before publishing."""
        return TeamLibrary(
            tuple(p for p in self.phrases.all() if p.source == "team"), self.sensitive_words(),
            self.promotions(), self.featured(),
        )

    def sensitive_words(self) -> tuple[SensitiveWord, ...]:
        rows = self.db.execute("select word, category, replacement from team_sensitive_words order by rowid")
        return tuple(SensitiveWord(word, category, replacement or "") for word, category, replacement in rows)

    def promotions(self) -> tuple[Promotion, ...]:
        rows = self.db.execute('select name, start, "end", talking_points from team_promotions order by position')
        return tuple(
            Promotion(name, dt.date.fromisoformat(start), dt.date.fromisoformat(end), tuple(json.loads(points)))
            for name, start, end, points in rows
        )

    def active_promotion(self, today: dt.date | None = None) -> Promotion | None:
        """The campaign that fills {活动} today, if any (the first active one in the lead's order)."""
        today = today or dt.date.today()
        return next((p for p in self.promotions() if p.active_on(today)), None)

    def featured(self) -> Featured | None:
        raw = self._get("featured")
        if not raw:
            return None
        return Featured(raw["phrase_id"], raw["product"], dt.date.fromisoformat(raw["start"]),
                        dt.date.fromisoformat(raw["end"]))

    def pinned_ids(self, today: dt.date | None = None) -> list[str]:
        """Phrase ids to pin on top of suggestions today: the featured product's phrase while it is active."""
        featured = self.featured()
        if featured is None or not featured.active_on(today or dt.date.today()):
            return []
        return [featured.phrase_id] if self.phrases.get(featured.phrase_id) is not None else []
