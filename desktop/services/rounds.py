"""话术优化 as use cases: which topics to ask about, which rounds the agent has not seen, answering one."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.core.phrases import intents
from desktop.core.rounds import Round, answer_body
from desktop.services.context import Services
from desktop.store.rounds import RoundRepository
from desktop.store.team import TeamRepository


def common_topics(no_match: Counter[str], n: int = 8) -> list[tuple[str, int]]:
    """The intents the team most often had no fitting phrase for (from the stats files), by their Chinese name:
    the questions worth a round."""
    names = {intent.id: intent.name_zh for intent in intents()}
    return [(names.get(intent, intent), count) for intent, count in no_match.most_common(n)]


def unseen_rounds(services: Services, rounds: list[Round]) -> list[Round]:
    seen = RoundRepository(services.store.db).seen()
    return [r for r in rounds if r.id not in seen]


def mark_seen(services: Services, rounds: list[Round], now: dt.datetime) -> None:
    repo = RoundRepository(services.store.db)
    for round_ in rounds:
        repo.mark_seen(round_.id, now)


def answer_request(services: Services, round_: Round, texts: list[str],
                   phrase_ids: list[str]) -> tuple[str, dict[str, object]]:
    """On the DB worker: this PC's agent id and the answer file's body (`RoundError` when it is empty)."""
    body = answer_body(round_, str(services.settings.get("agent_name")), texts, phrase_ids)
    return TeamRepository(services.store.db).agent_id(), body


def mark_answered(services: Services, round_id: str, now: dt.datetime) -> None:
    RoundRepository(services.store.db).mark_answered(round_id, now)
