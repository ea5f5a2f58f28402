"""`kuaida suggest`: rank replies for buyer messages, from the arguments or one per line from stdin.

An argument may be a block copied from the chat client (headers with nick and time above each message):
only the buyer's last burst is answered, as in the window. `--block` reads all of stdin as one such copy.
The replies come from the library the window suggests from (`load_library`: the team's sensitive words and
today's campaign included), so they read and are marked ⚠ exactly as in the window.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from desktop.cli.text_input import stdin_lines
from desktop.core.chat_block import read_copied
from desktop.core.sensitive_finder import SensitiveFinder
from desktop.services.context import open_services
from desktop.services.library import load_library, seller_names
from desktop.services.values import render_values


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("suggest", help="为买家消息推荐回复")
    parser.add_argument("messages", nargs="*", metavar="MESSAGE",
                        help="买家消息（可以是从聊天窗口复制的多行记录）；不给则从标准输入逐行读取")
    parser.add_argument("--top", type=int, default=3, metavar="N", help="每条消息最多几条建议（默认 3）")
    parser.add_argument("--json", action="store_true", help="每条消息输出一行 JSON")
    parser.add_argument("--block", action="store_true",
                        help="把标准输入整体当作一段从聊天窗口复制的记录（只回答买家最后的问题）")
    parser.set_defaults(handler=run)


def _inputs(args: argparse.Namespace) -> Iterable[str]:
    if args.messages:
        return args.messages
    if args.block:
        return ["\n".join(stdin_lines())]
    return stdin_lines()  # one message a line (../shared/eval/score.py)


def run(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    library = load_library(services)
    values = render_values(services.settings, library.promotion)
    sellers = seller_names(services.settings)
    for message in _inputs(args):
        read = read_copied(message, sellers)
        suggestions = library.engine.suggest(read.question, top=args.top) if read.question else []
        texts = [values.render(s.phrase.text) for s in suggestions]
        marks = [_sensitive_words(text, library.find_sensitive) for text in texts]
        if args.json:
            answer: dict[str, object] = {"message": message}
            if read.from_block:
                answer.update(question=read.question, buyer=read.buyer)
            answer["suggestions"] = [
                {
                    "id": s.phrase.id, "intents": list(s.phrase.intents), "group": s.phrase.group,
                    "text": text, "score": round(s.score, 4), "sure": s.sure, "sensitive": words,
                }
                for s, text, words in zip(suggestions, texts, marks, strict=True)
            ]
            print(json.dumps(answer, ensure_ascii=False), flush=True)
        else:
            if read.from_block:
                print(f"» 【{read.buyer}】{read.question}" if read.question else "» （复制的记录里没有买家消息）")
            else:
                print(f"» {message}")
            if not suggestions:
                print("  （没有合适的短语）")
            for number, (s, text, words) in enumerate(zip(suggestions, texts, marks, strict=True), start=1):
                guess = "" if s.sure else "（猜测）"
                warning = f"  ⚠ 敏感词：{'、'.join(words)}" if words else ""
                print(f"  {number}. [{s.phrase.group}]{guess} {text}{warning}")
            sys.stdout.flush()
    services.close()
    return 0


def _sensitive_words(text: str, find: SensitiveFinder) -> list[str]:
    """The words the window marks ⚠ in `text`, each once, in order."""
    return list(dict.fromkeys(text[hit.start:hit.end] for hit in find(text)))
