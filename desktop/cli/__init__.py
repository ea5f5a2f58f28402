"""The `kuaida` command. With no sub-command it opens the window; each sub-command lives in its own module.

A sub-command module exposes `register(subparsers)`, which adds its parser and sets `handler` to a
function `(args) -> int` (the exit code). Add new modules to `COMMAND_MODULES`. Every sub-command parser,
nested ones too, takes the shared options (`--data-dir`) itself: modules must not add them again.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from desktop import __version__

COMMAND_MODULES = (
    "desktop.cli.suggest",
    "desktop.cli.check",
    "desktop.cli.library",
    "desktop.cli.store",
    "desktop.cli.keygen",
    "desktop.cli.publish",
    "desktop.cli.sync",
    "desktop.cli.orders",
    "desktop.cli.reminders",
    "desktop.cli.customers",
    "desktop.cli.lost",
    "desktop.cli.feedback",
    "desktop.cli.rounds",
    "desktop.cli.doctor",
)


def _shared_options(default: object) -> argparse.ArgumentParser:
    """Options taken before or after the sub-command: `kuaida --data-dir D library list` and
    `kuaida library list --data-dir D`. Parents share their action objects, so the top level and the
    sub-commands each get their own copy: the sub-commands' default is SUPPRESS, so a sub-command parser
    that was not given the option leaves the value parsed before the sub-command alone."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--data-dir", metavar="DIR", default=default,
                        help="数据文件夹（默认：$KUAIDA_HOME 或系统的用户数据目录）")
    return shared


_SHARED_OPTIONS = _shared_options(default=argparse.SUPPRESS)


class _CommandParser(argparse.ArgumentParser):
    """A sub-command's parser, with the shared options as a parent. Nested sub-commands (`library import`)
    get it too: argparse builds them with the class of the parser they hang from."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["parents"] = [*kwargs.get("parents", ()), _SHARED_OPTIONS]
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kuaida", description="快答 Kuaida：客服快捷回复助手",
                                     parents=[_shared_options(default=None)])
    parser.add_argument("--version", action="version", version=f"kuaida {__version__}")
    parser.add_argument("--self-test", action="store_true", help="无界面自检，供 IT 与 CI 使用")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    if (window_args := _window_only(argv)) is not None:
        from desktop.app import run_app

        return run_app(window_args.data_dir)
    args = build_parser().parse_args(argv)
    if args.self_test:
        from desktop.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from desktop.app import run_app

        return run_app(args.data_dir)
    import sqlite3

    from desktop.failures import failure_message
    from desktop.store.database import StoreError

    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a reader that went away shows here, inside the handler below, not at exit
        return code
    except StoreError as error:  # a damaged or newer store: say which backup to restore, not a traceback
        print(error, file=sys.stderr)
        return 2
    except BrokenPipeError:  # an OSError too: it must come before the general case below
        return _reader_went_away()
    except (OSError, sqlite3.Error) as error:  # a full disk, a read-only data folder: a sentence, not a traceback
        print(failure_message(error), file=sys.stderr)
        return 1


def _reader_went_away() -> int:
    """`kuaida library list | head`: the reader closed the pipe. Stop quietly, as Unix tools do.

    Python would still try to flush stdout at exit and print a second BrokenPipeError, so stdout is pointed
    at the null device first (the recipe in the `signal` module's documentation).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141 if os.name == "posix" else 1  # 128 + SIGPIPE, what a shell reports for a tool killed by it


def _window_only(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the window (at most --data-dir), else None.

    Parsed without importing every sub-command module: those imports (store, engine, orders, ...) would
    delay the window's first paint by several hundred milliseconds.
    """
    parser = argparse.ArgumentParser(add_help=False, parents=[_shared_options(default=None)])
    known, rest = parser.parse_known_args(argv)
    return None if rest else known


def _utf8_streams() -> None:
    """Chinese output must not depend on the console's code page (Windows consoles default to GBK)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
