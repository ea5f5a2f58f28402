"""`kuaida suggest`: rank replies for buyer messages, from the arguments or one per line from stdin."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.core.templates import render
from desktop.services import build_engine, open_services, template_values


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("suggest", help="为买家消息推荐回复")
    parser.add_argument("messages", nargs="*", metavar="MESSAGE", help="买家消息；不给则从标准输入逐行读取")
    parser.add_argument("--top", type=int, default=3, metavar="N", help="每条消息最多几条建议（默认 3）")
    parser.add_argument("--json", action="store_true", help="每条消息输出一行 JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    services = open_services(args.data_dir)
    engine = build_engine(services.phrases)
    values = template_values(services.settings)
    messages = args.messages or (line.rstrip("\r\n") for line in sys.stdin)
    for message in messages:
        suggestions = engine.suggest(message, top=args.top)
        if args.json:
            answer = {
                "message": message,
                "suggestions": [
                    {
                        "id": s.phrase.id, "intents": list(s.phrase.intents), "group": s.phrase.group,
                        "text": render(s.phrase.text, values), "score": round(s.score, 4),
                        "sure": s.sure,
                    }
                    for s in suggestions
                ],
            }
            print(json.dumps(answer, ensure_ascii=False), flush=True)
        else:
            print(f"» {message}")
            if not suggestions:
                print("  （没有合适的短语）")
            for number, s in enumerate(suggestions, start=1):
                guess = "" if s.sure else "（猜测）"
                print(f"  {number}. [{s.phrase.group}]{guess} {render(s.phrase.text, values)}")
            sys.stdout.flush()
    services.close()
    return 0
