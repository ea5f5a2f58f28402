"""意见反馈 as use cases: the agent files a message under a department and may share it; the lead reads the
shared items grouped by department and week, marks them, and exports a summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core.feedback import Feedback, FeedbackState, checked, shop_departments
from desktop.core.feedback_report import FeedbackRow
from desktop.core.reminders import zone_from
from desktop.services.context import Services
from desktop.store.feedback import FeedbackRepository
from desktop.store.team import TeamRepository
from desktop.sync.feedback import SharedFeedback, share_feedback


def departments(services: Services) -> tuple[str, ...]:
    return shop_departments(str(services.settings.get("feedback_departments")))


def file_feedback(services: Services, department: str, text: str, note: str, buyer: str,
                  now: dt.datetime) -> Feedback:
    """Keep it on this PC (`FeedbackError` when the department is unknown or a text empty or too long)."""
    department, text, note = checked(department, text, note, departments(services))
    return FeedbackRepository(services.store.db).add(department, text, note, buyer.strip(), now)


def share_request(services: Services, feedback_id: int) -> tuple[str, str, Feedback]:
    """On the DB worker: what sharing one item needs (agent id and nickname, the item)."""
    return (TeamRepository(services.store.db).agent_id(), str(services.settings.get("agent_name")),
            FeedbackRepository(services.store.db).get(feedback_id))


def write_shared(folder: Path, agent_id: str, agent_name: str, item: Feedback, zone: dt.tzinfo) -> str:
    """On the I/O pool: write the redacted item to the share (`ShareOfflineError` when it is away)."""
    return share_feedback(folder, agent_id, agent_name, item.department, item.text, item.note,
                          item.created_at.astimezone(zone).date())


def mark_shared(services: Services, feedback_id: int, now: dt.datetime) -> None:
    FeedbackRepository(services.store.db).mark_shared(feedback_id, now)


def share_now(services: Services, folder: Path, feedback_id: int, now: dt.datetime) -> str:
    """The three steps in one go, for the command line."""
    agent_id, agent_name, item = share_request(services, feedback_id)
    shared_id = write_shared(folder, agent_id, agent_name, item, zone_from(services.settings.get))
    mark_shared(services, feedback_id, now)
    return shared_id


def lead_rows(services: Services, shared: list[SharedFeedback]) -> list[FeedbackRow]:
    """The share's items with the lead's marks (kept in the lead's store)."""
    states = FeedbackRepository(services.store.db).review_states()
    return [FeedbackRow(item.id, item.department, item.day, item.text, item.note, item.agent,
                        states.get(item.id, FeedbackState.NEW)) for item in shared]
