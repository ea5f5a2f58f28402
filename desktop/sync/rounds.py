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
# Files opened to find them: anyone can drop badly signed files with newer names, and those must not hide
# the lead's rounds (nor make each check read the share without end).
MAX_ROUNDS_TRIED = 200


def publish_round(folder_path: Path, round_: Round, key: SigningKey) -> Path:
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    folder.rounds.mkdir(exist_ok=True)
    target = folder.rounds / f"{round_.id}.json"
    write_atomic(target, signed_round_bytes(round_, key))
    return target


def list_rounds(folder_path: Path, key: PublicKey, now: dt.datetime | None = None) -> tuple[list[Round], int]:
    """The newest `MAX_ROUNDS_READ` rounds signed with `key`, newest first, and how many files were skipped
    (forged, damaged, named after tomorrow); `ShareOfflineError` when the share is away."""
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    latest = f"r-{(now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC) + dt.timedelta(days=1):%Y%m%dT%H%M%S}"
    paths = [p for p in folder.safe_entries(folder.rounds, limit=MAX_SCANNED) if ROUND_ID.fullmatch(p.stem)]
    rounds: list[Round] = []
    skipped = sum(p.stem > latest for p in paths)
    for tried, path in enumerate(sorted((p for p in paths if p.stem <= latest), reverse=True)):
        if len(rounds) == MAX_ROUNDS_READ or tried == MAX_ROUNDS_TRIED:
            break
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
    """The answers to one round, and how many files were skipped. Answers to every round pile up in one folder:
    only files named after the round was published are looked at (a day's grace for a slow clock), the
    newest of each agent first, so the rounds before do not use up the limits."""
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    published = dt.datetime.strptime(round_id.removeprefix("r-"), "%Y%m%dT%H%M%S")
    earliest = f"{published - dt.timedelta(days=1):%Y%m%dT%H%M%S}"
    entries = [path for path in folder.safe_entries(folder.answers, limit=MAX_SCANNED) if path.name >= earliest]
    chosen, skipped = fair_selection(entries, newest=True)
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
