"""话术优化 on the share: the lead's signed rounds in `rounds/`, the agents' answers in `answers/` (one file each)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core.rounds import ROUND_ID, Answer, Round, RoundError, read_answer, read_signed_round, signed_round_bytes
from desktop.core.sync.canonical import canonical_bytes
from desktop.core.sync.keys import PublicKey, SigningKey
from desktop.sync.atomic import write_atomic
from desktop.sync.folder import TeamFolder, read_limited
from desktop.sync.inbox import MAX_SCANNED, fair_selection, new_item_id

MAX_ROUND_BYTES = 64 * 1024
MAX_ANSWER_BYTES = 64 * 1024
MAX_ROUNDS_READ = 20  # the newest ones: a round older than that is done


def publish_round(folder_path: Path, round_: Round, key: SigningKey) -> Path:
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    folder.rounds.mkdir(exist_ok=True)
    target = folder.rounds / f"{round_.id}.json"
    write_atomic(target, signed_round_bytes(round_, key))
    return target


def list_rounds(folder_path: Path, key: PublicKey) -> tuple[list[Round], int]:
    """The rounds signed with `key`, newest first, and how many files were skipped (forged, damaged)."""
    folder = TeamFolder(folder_path)
    paths = [p for p in folder.safe_entries(folder.rounds, limit=MAX_SCANNED) if ROUND_ID.fullmatch(p.stem)]
    rounds, skipped = [], 0
    for path in sorted(paths, reverse=True)[:MAX_ROUNDS_READ]:
        try:
            round_ = read_signed_round(read_limited(path, MAX_ROUND_BYTES), key)
        except (OSError, RoundError, RecursionError):
            skipped += 1
            continue
        if round_.id == path.stem:
            rounds.append(round_)
        else:
            skipped += 1  # a signed round copied under another name
    return rounds, skipped


def submit_answer(folder_path: Path, agent_id: str, body: dict[str, object], now: dt.datetime | None = None) -> str:
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    folder.answers.mkdir(exist_ok=True)
    answer_id = new_item_id(agent_id, (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC))
    write_atomic(folder.answers / f"{answer_id}.json", canonical_bytes(body))
    return answer_id


def list_answers(folder_path: Path, round_id: str) -> tuple[list[Answer], int]:
    folder = TeamFolder(folder_path)
    chosen, skipped = fair_selection(folder.safe_entries(folder.answers, limit=MAX_SCANNED))
    answers: list[Answer] = []
    for path in chosen:
        try:
            answer = read_answer(path.stem, read_limited(path, MAX_ANSWER_BYTES))
        except (OSError, RoundError, RecursionError):
            skipped += 1
            continue
        if answer.round_id == round_id:
            answers.append(answer)
    return answers, skipped
