"""Kuaida's log files: rotating, under Paths.logs, one line per record, never buyer or customer text.

The policy is that code never passes clipboard text, buyer messages, replies or customer data to a logger
(log counts, ids and lengths instead). The filter here is a second line of defence that keeps a record on
one line and short, so a mistake cannot dump a whole chat into a file that IT collects.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from desktop.paths import Paths

LOG_FILE_NAME = "kuaida.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # six files of at most 1 MB: a week of normal use, small enough to mail
MAX_MESSAGE_CHARS = 500
LEVEL_ENV = "KUAIDA_LOG_LEVEL"
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


class OneLineFilter(logging.Filter):
    """Folds a record's message onto one line and cuts it at MAX_MESSAGE_CHARS characters."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        folded = " ".join(message.split("\n")).replace("\r", " ")
        if len(folded) > MAX_MESSAGE_CHARS:
            folded = folded[:MAX_MESSAGE_CHARS] + f"…(+{len(folded) - MAX_MESSAGE_CHARS})"
        record.msg, record.args = folded, None
        return True


def log_file(paths: Paths) -> Path:
    return paths.logs / LOG_FILE_NAME


def level_from_environment(default: int = logging.INFO) -> int:
    name = os.environ.get(LEVEL_ENV, "").strip().upper()
    level = logging.getLevelName(name) if name else default
    return level if isinstance(level, int) else default


def setup_logging(paths: Paths, level: int | None = None) -> logging.Handler:
    """Send the root logger to the rotating file; returns the handler so a caller (or a test) can remove it.

    Calling it again replaces the handler it installed before, so the app and tests may call it freely.
    """
    paths.logs.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kuaida", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file(paths), maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler._kuaida = True  # type: ignore[attr-defined]  # marks the handler as ours for replacement
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(OneLineFilter())
    root.addHandler(handler)
    root.setLevel(level if level is not None else level_from_environment())
    return handler


def remove_logging(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()


def log_files(paths: Paths) -> list[Path]:
    """The current log and its rotated predecessors, oldest last."""
    current = log_file(paths)
    rotated = [p for p in paths.logs.glob(LOG_FILE_NAME + ".*") if p.suffix[1:].isdigit()]
    rotated.sort(key=lambda p: int(p.suffix[1:]))
    return [p for p in (current, *rotated) if p.is_file()]
