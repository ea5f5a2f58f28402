"""`kuaida check TEXT`: the sensitive-word check; exit code 1 and the offending words when it fails, then the
text with the list's replacements (修正后) when it gives any.

The words are the bundled list plus, when the data folder already holds a store, the team's synced list.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.sync.pack import SensitiveWord


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="检查文本中的敏感词")
    parser.add_argument("text", nargs="+", metavar="TEXT")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.core.sensitive import SensitiveWords

    words = SensitiveWords.with_team(_team_words(getattr(args, "data_dir", None)))
    text = " ".join(args.text)
    hits = words.find(text)
    if not hits:
        print("没有发现敏感词")
        return 0
    for hit in hits:
        print(f"敏感词：{hit.word}（{hit.category}）位置 {hit.start}–{hit.end}：「{hit.matched}」")
    fix = words.fix(text)
    if fix.fixed:
        print(f"修正后：{fix.text}")
    return 1


def _team_words(data_dir: str | None) -> list[SensitiveWord]:
    """The team's synced words, if there is a store to read them from; never creates one just to check."""
    from desktop.paths import Paths
    from desktop.store.database import StoreError, open_store
    from desktop.store.team import TeamRepository

    paths = Paths.resolve(data_dir)
    if not paths.database.exists():
        return []
    try:
        store = open_store(paths.database, backup_dir=paths.backups)
    except StoreError as error:
        # The bundled list still protects the agent; the store's own commands explain the damage.
        print(f"（团队敏感词表读取失败，仅用默认词表：{error}）", file=sys.stderr)
        return []
    try:
        return list(TeamRepository(store.db).sensitive_words())
    finally:
        store.close()
