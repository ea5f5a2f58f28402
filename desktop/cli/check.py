"""`kuaida check TEXT`: the sensitive-word check; exit code 1 and the offending words when it fails."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="检查文本中的敏感词")
    parser.add_argument("text", nargs="+", metavar="TEXT")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.core.sensitive import SensitiveWords

    hits = SensitiveWords.default().find(" ".join(args.text))
    if not hits:
        print("没有发现敏感词")
        return 0
    for hit in hits:
        print(f"敏感词：{hit.word}（{hit.category}）位置 {hit.start}–{hit.end}：「{hit.matched}」")
    return 1
