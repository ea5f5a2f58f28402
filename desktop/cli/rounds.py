"""`kuaida rounds publish/list/answer/answers`: 话术优化 — the lead asks how the team answers a few common
questions; agents answer; the lead compares. Exit codes: 0 done, 2 bad input, 3 the team folder is offline,
4 no trusted team key."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.core.rounds import Round, RoundError, answers_by_question, new_round
from desktop.core.sync.keys import KeyFileError, load_signing_key
from desktop.services.context import Services, open_services
from desktop.services.rounds import answer_request, mark_answered
from desktop.store.team import TeamRepository
from desktop.sync.folder import ShareOfflineError
from desktop.sync.rounds import list_answers, list_rounds, publish_round, submit_answer
from desktop.sync.share import team_folder_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rounds", help="话术优化：组长出题，客服作答，组长比较")
    commands = parser.add_subparsers(dest="rounds_command", metavar="ACTION", required=True)
    publish = commands.add_parser("publish", help="组长：发布一轮问题（用团队私钥签名）")
    publish.add_argument("questions", nargs="+", help="买家常问的问题")
    publish.add_argument("--key", required=True, metavar="FILE", help="团队私钥 team.key")
    publish.add_argument("--title", default="", help="这一轮的名字")
    publish.set_defaults(handler=run_publish)
    listing = commands.add_parser("list", help="共享文件夹里的各轮问题（只列组长签名的）")
    listing.set_defaults(handler=run_list)
    answer = commands.add_parser("answer", help="客服：回答一轮问题（按顺序，每个问题一段）")
    answer.add_argument("round", help="kuaida rounds list 中的编号")
    answer.add_argument("answers", nargs="+", help="答案；不答的问题写 -")
    answer.set_defaults(handler=run_answer)
    answers = commands.add_parser("answers", help="组长：某一轮的答案，按问题排列")
    answers.add_argument("round", help="kuaida rounds list 中的编号")
    answers.set_defaults(handler=run_answers)
    for sub in (publish, listing, answer, answers):
        sub.add_argument("--folder", metavar="DIR", help="团队共享文件夹（默认：设置中的共享文件夹）")


def _folder(args: argparse.Namespace, services: Services) -> Path:
    return Path(args.folder) if args.folder else team_folder_path(services.settings, services.paths)


def _fail(message: str, code: int) -> int:
    print(f"kuaida: {message}", file=sys.stderr)
    return code


def run_publish(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        key = load_signing_key(Path(args.key))
        round_ = new_round(args.title, args.questions, dt.datetime.now(dt.UTC))
        publish_round(_folder(args, services), round_, key)
    except (KeyFileError, RoundError) as error:
        return _fail(str(error), 2)
    except ShareOfflineError as error:
        return _fail(str(error), 3)
    finally:
        services.close()
    print(f"已发布 {round_.id}「{round_.title}」，{len(round_.questions)} 个问题")
    return 0


class NoTrustedKeyError(RoundError):
    """Rounds are only read against the team key this PC trusts."""


def _rounds(args: argparse.Namespace, services: Services) -> tuple[list[Round], int]:
    key = TeamRepository(services.store.db).pinned_key()
    if key is None:
        raise NoTrustedKeyError("还没有信任的团队密钥（先 kuaida sync）")
    return list_rounds(_folder(args, services), key)


def run_list(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        rounds, skipped = _rounds(args, services)
    except NoTrustedKeyError as error:
        return _fail(str(error), 4)
    finally:
        services.close()
    if not rounds:
        print("没有话术优化")
    for round_ in rounds:
        print(f"{round_.id}  {round_.title}")
        for number, question in enumerate(round_.questions, start=1):
            print(f"  {number}. {question}")
    if skipped:
        print(f"（{skipped} 个文件不是组长签名的或已损坏，已跳过）")
    return 0


def _find(args: argparse.Namespace, services: Services) -> Round:
    round_ = next((r for r in _rounds(args, services)[0] if r.id == args.round), None)
    if round_ is None:
        raise RoundError(f"没有 {args.round} 这一轮")
    return round_


def run_answer(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        round_ = _find(args, services)
        texts = ["" if text == "-" else text for text in args.answers]
        agent_id, body = answer_request(services, round_, texts, [""] * len(texts))
        submit_answer(_folder(args, services), agent_id, body)
        mark_answered(services, round_.id, dt.datetime.now(dt.UTC))
    except NoTrustedKeyError as error:
        return _fail(str(error), 4)
    except RoundError as error:
        return _fail(str(error), 2)
    except ShareOfflineError as error:
        return _fail(str(error), 3)
    finally:
        services.close()
    print("答案已交给组长")
    return 0


def run_answers(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    try:
        round_ = _find(args, services)
        answers, skipped = list_answers(_folder(args, services), round_.id)
    except NoTrustedKeyError as error:
        return _fail(str(error), 4)
    except RoundError as error:
        return _fail(str(error), 2)
    finally:
        services.close()
    for number, (question, given) in enumerate(zip(round_.questions, answers_by_question(round_, answers),
                                                  strict=True), start=1):
        print(f"{number}. {question}")
        for answer in given:
            print(f"   【{answer.agent or '（未署名）'}】{answer.texts[number - 1]}")
        if not given:
            print("   （还没有人回答）")
    if skipped:
        print(f"（{skipped} 个文件无法读取，已跳过）")
    return 0
