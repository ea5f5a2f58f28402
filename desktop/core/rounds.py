"""话术优化 rounds: the lead asks the team how they answer a few common buyer questions, compares the answers
and makes the best one the team's phrase.

A round is signed with the team key, like the library: agents can write to the share, so a round that does
not verify against the key this PC trusts is never shown. Answers are the agents' own words, unsigned, read
by the lead as untrusted text (bounded, checked, shown as plain text).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass

from desktop.core.sync.canonical import canonical_bytes, parse_json_object
from desktop.core.sync.keys import PublicKey, SigningKey

ROUND_KIND = "kuaida-round"
ANSWER_KIND = "kuaida-round-answer"
MAX_QUESTIONS = 10
MAX_QUESTION_CHARS = 200
MAX_ANSWER_CHARS = 1000
MAX_TITLE_CHARS = 50
ROUND_ID = re.compile(r"r-\d{8}T\d{6}")


class RoundError(ValueError):
    """A round or answer that cannot be used, with a message to show as it is."""


@dataclass(frozen=True)
class Round:
    id: str
    title: str
    questions: tuple[str, ...]
    created_at: dt.datetime


@dataclass(frozen=True)
class Answer:
    """One agent's answers to a round: per question, the text and, when picked from a phrase, its id."""

    id: str  # the file's stem on the share
    round_id: str
    agent: str
    texts: tuple[str, ...]
    phrase_ids: tuple[str, ...]


def new_round(title: str, questions: list[str], now: dt.datetime) -> Round:
    cleaned = [q.strip() for q in questions if q.strip()]
    if not cleaned:
        raise RoundError("至少要有一个问题")
    if len(cleaned) > MAX_QUESTIONS:
        raise RoundError(f"一轮最多 {MAX_QUESTIONS} 个问题")
    if any(len(q) > MAX_QUESTION_CHARS for q in cleaned):
        raise RoundError(f"每个问题最多 {MAX_QUESTION_CHARS} 个字")
    when = now.astimezone(dt.UTC).replace(microsecond=0)
    return Round(f"r-{when:%Y%m%dT%H%M%S}", (title.strip() or "话术优化")[:MAX_TITLE_CHARS], tuple(cleaned), when)


def _round_body(round_: Round) -> dict[str, object]:
    return {"kind": ROUND_KIND, "format": 1, "id": round_.id, "title": round_.title,
            "questions": list(round_.questions), "created_at": round_.created_at.isoformat()}


def signed_round_bytes(round_: Round, key: SigningKey) -> bytes:
    body = _round_body(round_)
    signature = base64.b64encode(key.sign(canonical_bytes(body))).decode("ascii")
    return canonical_bytes({**body, "signature": signature})


def read_signed_round(data: bytes, key: PublicKey) -> Round:
    """The round in `data` if it is well formed and signed with `key`; else `RoundError`."""
    raw = parse_json_object(data, "话术优化文件", RoundError)
    signature = raw.pop("signature", None)
    if raw.get("kind") != ROUND_KIND or not isinstance(signature, str):
        raise RoundError("不是快答的话术优化文件")
    try:
        signed = key.verify(base64.b64decode(signature, validate=True), canonical_bytes(raw))
    except (binascii.Error, ValueError):
        signed = False
    if not signed:
        raise RoundError("话术优化文件的签名不对：不是组长发的")
    questions, round_id, title = raw.get("questions"), raw.get("id"), raw.get("title")
    if not isinstance(round_id, str) or not ROUND_ID.fullmatch(round_id) or not isinstance(title, str) or \
            not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        raise RoundError("话术优化文件内容无效")
    try:
        created = dt.datetime.fromisoformat(str(raw.get("created_at")))
    except ValueError:
        raise RoundError("话术优化文件内容无效") from None
    return Round(round_id, title[:MAX_TITLE_CHARS], tuple(q[:MAX_QUESTION_CHARS] for q in questions[:MAX_QUESTIONS]),
                 created)


def answer_body(round_: Round, agent: str, texts: list[str], phrase_ids: list[str]) -> dict[str, object]:
    if len(texts) != len(round_.questions) or len(phrase_ids) != len(texts):
        raise RoundError("答案的数量和问题不一致")
    if not any(text.strip() for text in texts):
        raise RoundError("至少回答一个问题")
    return {"kind": ANSWER_KIND, "format": 1, "round": round_.id, "agent": agent[:50],
            "answers": [{"text": text.strip()[:MAX_ANSWER_CHARS], "phrase": phrase_id[:64]}
                        for text, phrase_id in zip(texts, phrase_ids, strict=True)]}


def read_answer(answer_id: str, data: bytes) -> Answer:
    raw = parse_json_object(data, "答案文件", RoundError)
    items, round_id, agent = raw.get("answers"), raw.get("round"), raw.get("agent")
    if raw.get("kind") != ANSWER_KIND or not isinstance(round_id, str) or not ROUND_ID.fullmatch(round_id) or \
            not isinstance(agent, str) or not isinstance(items, list) or len(items) > MAX_QUESTIONS:
        raise RoundError("不是快答的答案文件")
    texts, ids = [], []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or \
                not isinstance(item.get("phrase", ""), str):
            raise RoundError("答案文件内容无效")
        texts.append(item["text"][:MAX_ANSWER_CHARS])
        ids.append(str(item.get("phrase", ""))[:64])
    return Answer(answer_id, round_id, agent[:50], tuple(texts), tuple(ids))


def answers_by_question(round_: Round, answers: list[Answer]) -> list[list[Answer]]:
    """For each question, the answers that say something to it (the newest answer per agent counts)."""
    latest: dict[str, Answer] = {}
    for answer in sorted((a for a in answers if a.round_id == round_.id), key=lambda a: a.id):
        latest[answer.agent or answer.id] = answer
    return [[a for a in latest.values() if i < len(a.texts) and a.texts[i].strip()]
            for i in range(len(round_.questions))]
