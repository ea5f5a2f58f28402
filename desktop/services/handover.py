"""日清 handover use cases on the DB worker: the note for the next start with the open promises, the handover
to share through the team folder, and whether a shared one is new to this agent. No Qt here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.customers import Promise
from desktop.core.handover import Handover, SharedPromise, new_handover
from desktop.store.customers import CustomerRepository
from desktop.store.team import TeamRepository

if TYPE_CHECKING:
    from desktop.services.context import Services


@dataclass(frozen=True)
class NoteToShow:
    """A handover to show once: the note, when it was written, and the promises still open."""

    note: str
    written_at: dt.datetime
    promises: tuple[SharedPromise, ...]
    local_id: int | None = None  # a note of this PC's store (marked read once shown)
    shared_id: str = ""  # a note from the team folder (remembered as seen once shown)


def _shared(promises: list[Promise]) -> tuple[SharedPromise, ...]:
    return tuple(SharedPromise(p.nickname, p.text, p.due) for p in promises)


def local_note(services: Services, zone: dt.tzinfo) -> NoteToShow | None:
    """The newest unread note of this PC, with the promises open now (ticked ones are gone)."""
    people = CustomerRepository(services.store.db, zone)
    unread = people.unread_handover()
    if unread is None:
        return None
    note_id, text, written_at = unread
    return NoteToShow(text, written_at, _shared(people.promises(open_only=True)), local_id=note_id)


def handover_to_share(services: Services, zone: dt.tzinfo, note: str, now: dt.datetime) -> Handover:
    """What 日清 puts on the team folder: the note and the promises still open after the ticks were saved."""
    promises = CustomerRepository(services.store.db, zone).promises(open_only=True)
    return new_handover(TeamRepository(services.store.db).agent_id(), now, note, _shared(promises))


def shared_note_if_new(services: Services, handover: Handover | None, now: dt.datetime) -> NoteToShow | None:
    """A handover read from the team folder, if this agent should see it: not its own (its PC shows that one
    from the store), not seen before, and written within the last two days."""
    if handover is None or not handover.is_fresh(now):
        return None
    team = TeamRepository(services.store.db)
    if handover.agent_id == team.existing_agent_id() or handover.note_id == team.shared_handover_seen():
        return None
    return NoteToShow(handover.note, handover.written_at, handover.promises, shared_id=handover.note_id)


def mark_shown(services: Services, zone: dt.tzinfo, note: NoteToShow, now: dt.datetime) -> None:
    if note.local_id is not None:
        CustomerRepository(services.store.db, zone).mark_handover_read(note.local_id, now)
    if note.shared_id:
        TeamRepository(services.store.db).mark_shared_handover_seen(note.shared_id)
