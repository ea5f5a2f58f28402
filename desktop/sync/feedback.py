"""意见反馈 shared with the lead: one small file per item in the share's `feedback/` folder.

Only what `desktop.core.feedback.redact` left of the buyer's words travels, with the department, the
agent's note (redacted too), the agent's nickname and the day; never the buyer's name. Like the inbox,
anyone can write here, so reading is bounded and fair (`inbox.fair_selection`) and every field is checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.core.feedback import MAX_DEPARTMENT_CHARS, MAX_FEEDBACK_CHARS, MAX_NOTE_CHARS, redact
from desktop.core.sync.canonical import canonical_bytes, parse_json_object
from desktop.core.sync.pack import PackError
from desktop.sync.atomic import write_atomic
from desktop.sync.folder import TeamFolder, read_limited
from desktop.sync.inbox import MAX_SCANNED, fair_selection, new_item_id, remove_item

FEEDBACK_KIND = "kuaida-feedback"
MAX_FEEDBACK_BYTES = 16 * 1024


@dataclass(frozen=True)
class SharedFeedback:
    id: str  # the file's stem on the share
    department: str
    text: str
    note: str
    agent: str
    day: dt.date


def share_feedback(folder_path: Path, agent_id: str, agent_name: str, department: str, text: str, note: str,
                   day: dt.date, now: dt.datetime | None = None) -> str:
    """Write one redacted item; returns its id. Raises `ShareOfflineError` (nothing written) when offline."""
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    folder.feedback.mkdir(exist_ok=True)
    item_id = new_item_id(agent_id, (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC))
    body = {"kind": FEEDBACK_KIND, "format": 1, "department": department[:MAX_DEPARTMENT_CHARS],
            "text": redact(text)[:MAX_FEEDBACK_CHARS], "note": redact(note)[:MAX_NOTE_CHARS],
            "agent": agent_name[:50], "day": day.isoformat()}
    write_atomic(folder.feedback / f"{item_id}.json", canonical_bytes(body))
    return item_id


def list_shared_feedback(folder_path: Path) -> tuple[list[SharedFeedback], int]:
    """The readable items, oldest first, and how many files were skipped (unreadable or beyond the limits)."""
    folder = TeamFolder(folder_path)
    chosen, skipped = fair_selection(folder.safe_entries(folder.feedback, limit=MAX_SCANNED))
    items: list[SharedFeedback] = []
    for path in chosen:
        try:
            items.append(_read(path))
        except (OSError, PackError, ValueError, RecursionError):
            skipped += 1
    return items, skipped


def _read(path: Path) -> SharedFeedback:
    raw = parse_json_object(read_limited(path, MAX_FEEDBACK_BYTES), "反馈文件", PackError)
    fields = {key: raw.get(key) for key in ("department", "text", "note", "agent", "day")}
    if raw.get("kind") != FEEDBACK_KIND or not all(isinstance(value, str) for value in fields.values()):
        raise PackError("不是快答的反馈文件")
    department, text, note, agent, day = (str(value) for value in fields.values())
    if not department or len(department) > MAX_DEPARTMENT_CHARS or not text.strip() or \
            len(text) > MAX_FEEDBACK_CHARS or len(note) > MAX_NOTE_CHARS:
        raise PackError("反馈文件内容无效")
    return SharedFeedback(path.stem, department, text, note, agent[:50], dt.date.fromisoformat(day))


def remove_shared_feedback(folder_path: Path, item_id: str) -> None:
    """Take a closed item off the share."""
    remove_item(TeamFolder(folder_path).feedback, item_id)
