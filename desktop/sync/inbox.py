"""Proposals: an agent offers a personal phrase to the team; each lands in the share's inbox as its own file.

No shared file is ever appended to (two agents writing at once over SMB would corrupt it); the lead reads
the inbox, accepts or rejects, and the decided file is removed.

Anyone can write to the inbox, so listing it is bounded and fair: only names `propose` makes, at most
`MAX_PER_AGENT` per agent name and `MAX_LISTED` in all, taken in turn from each agent, so thousands of
files from one flooder cannot hide the others' proposals. What is left out is counted, never read.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from desktop.core.phrases import UNGROUPED, Phrase
from desktop.core.sync.canonical import canonical_bytes, parse_json_object
from desktop.core.sync.pack import MAX_SHORT, MAX_TEXT, PHRASE_ID, PackError
from desktop.sync.atomic import write_atomic
from desktop.sync.folder import TeamFolder, is_link, is_safe_name, read_limited

PROPOSAL_KIND = "kuaida-team-proposal"
MAX_PROPOSAL_BYTES = 64 * 1024
MAX_LISTED = 300
MAX_PER_AGENT = 30
MAX_SCANNED = 50_000  # names only: cheap, but a share with millions of files must still end
# What `propose` writes: <utc time>-<agent>-<random>.json
PROPOSAL_NAME = re.compile(r"(\d{8}T\d{6})-([A-Za-z0-9]{1,16})-[0-9a-f]{8}\.json")


@dataclass(frozen=True)
class Proposal:
    id: str  # the file's stem on the share
    phrase: Phrase
    agent: str  # the agent's nickname as they typed it in settings, for the lead to say thanks
    note: str
    created_at: str


def propose(folder_path: Path, phrase: Phrase, agent_id: str, agent_name: str = "", note: str = "",
            now: dt.datetime | None = None) -> str:
    """Write one proposal file; returns its id. The name is unique by time, agent and a random part."""
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    folder.inbox.mkdir(exist_ok=True)
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    proposal_id = new_item_id(agent_id, when)
    body = {
        "kind": PROPOSAL_KIND, "format": 1, "agent": agent_name[:50], "note": note[:500],
        "created_at": when.isoformat(timespec="seconds"),
        "phrase": {"id": phrase.id if PHRASE_ID.fullmatch(phrase.id) else "",
                   "text": phrase.text[:MAX_TEXT], "group": phrase.group[:MAX_SHORT], "code": phrase.code[:MAX_SHORT],
                   "intents": list(phrase.intents), "keywords": list(phrase.keywords)},
    }
    write_atomic(folder.inbox / f"{proposal_id}.json", canonical_bytes(body))
    return proposal_id


def new_item_id(agent_id: str, when: dt.datetime) -> str:
    """A name unique by time, agent and a random part, that `fair_selection` recognises (inbox, feedback)."""
    safe_agent = "".join(ch for ch in agent_id if ch.isalnum())[:16] or "agent"
    return f"{when:%Y%m%dT%H%M%S}-{safe_agent}-{uuid.uuid4().hex[:8]}"


def list_proposals(folder_path: Path) -> tuple[list[Proposal], int]:
    """The readable proposals, oldest first, and how many files were skipped: unreadable, or beyond the limits."""
    folder = TeamFolder(folder_path)
    chosen, left_out = fair_selection(folder.safe_entries(folder.inbox, limit=MAX_SCANNED))
    proposals, skipped = [], left_out
    for path in chosen:
        try:
            proposals.append(_read(path))
        except (OSError, PackError, KeyError, TypeError, ValueError, RecursionError):
            skipped += 1
    return proposals, skipped


def fair_selection(paths: list[Path]) -> tuple[list[Path], int]:
    """Oldest first within each agent, agents in turn; returns the chosen paths by name and how many were not."""
    by_agent: dict[str, list[Path]] = defaultdict(list)
    for path in paths:  # sorted by name, so by time within each agent; other names are not ours
        if match := PROPOSAL_NAME.fullmatch(path.name):
            by_agent[match.group(2)].append(path)
    queues = [iter(agent_paths[:MAX_PER_AGENT]) for agent_paths in by_agent.values()]
    chosen: list[Path] = []
    while queues and len(chosen) < MAX_LISTED:
        for queue in list(queues):
            queued = next(queue, None)
            if queued is None:
                queues.remove(queue)
            elif len(chosen) < MAX_LISTED:
                chosen.append(queued)
    return sorted(chosen), len(paths) - len(chosen)


def _read(path: Path) -> Proposal:
    raw = parse_json_object(read_limited(path, MAX_PROPOSAL_BYTES), "建议文件", PackError)
    if raw.get("kind") != PROPOSAL_KIND or not isinstance(raw.get("phrase"), dict):
        raise PackError("不是快答的建议文件")
    item = raw["phrase"]
    text = item["text"]
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
        raise PackError("建议的短语内容无效")
    # The proposing agent's own id for the phrase: accepted under it, the team phrase takes its place on
    # that agent's PC (an id that is not one of ours is dropped: the lead's editor then makes a new one).
    origin = item.get("id")
    phrase = Phrase(
        id=origin if isinstance(origin, str) and PHRASE_ID.fullmatch(origin) else "", text=text,
        group=_short(item.get("group")) or UNGROUPED, code=_short(item.get("code")),
        intents=tuple(_short(i) for i in item.get("intents", [])[:4]),
        keywords=tuple(_short(k) for k in item.get("keywords", [])[:20]), source="team",
    )
    return Proposal(path.stem, phrase, _short(raw.get("agent")), _short(raw.get("note"), 500),
                    _short(raw.get("created_at")))


def _short(value: object, limit: int = MAX_SHORT) -> str:
    return value[:limit] if isinstance(value, str) else ""


def remove_proposal(folder_path: Path, proposal_id: str) -> None:
    """Take a decided proposal out of the inbox."""
    remove_item(TeamFolder(folder_path).inbox, proposal_id)


def remove_item(folder: Path, item_id: str) -> None:
    """Delete one file `new_item_id` named. The id must be one of ours: nothing else is ever deleted."""
    name = f"{item_id}.json"
    if not is_safe_name(name) or not PROPOSAL_NAME.fullmatch(name):
        raise ValueError("无效的编号")
    if is_link(folder):  # a linked folder leads to someone else's files: delete nothing there
        return
    (folder / name).unlink(missing_ok=True)

