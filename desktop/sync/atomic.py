"""Writing files on a share so readers never see half of one: unique temp name, fsync, rename into place.

Renames on Windows shares fail while a reader, Excel or antivirus holds the target; they are retried with
a growing delay. Temporary names start with "." and end in ".partial": readers ignore them.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

RENAME_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2)  # about 6 s in all, then the error reaches the user
PARTIAL_SUFFIX = ".partial"
# `.<one of our names>.<uuid4 hex>.partial` (temp_name_for) and `.probe-<uuid4 hex>.partial` (publish's clock).
_OWN_TEMPORARY = re.compile(r"\.(?:[A-Za-z0-9][A-Za-z0-9_\-]{0,100}\.json\.|probe-)[0-9a-f]{32}\.partial")

StepHook = Callable[[str], None]


def no_step(step: str) -> None:
    """The default step hook: publishing in production is not observed between its writes."""


def temp_name_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex}{PARTIAL_SUFFIX}")


def is_own_temporary(name: str) -> bool:
    """A temporary name Kuaida itself makes (`temp_name_for`, the clock probe): the only files it ever cleans
    up. `.DS_Store`, an Office lock file or another program's `x.partial` belong to someone else."""
    return bool(_OWN_TEMPORARY.fullmatch(name))


def write_durably(path: Path, data: bytes, *, exclusive: bool = True) -> None:
    """Write, flush and fsync `path`; with `exclusive`, fail if it exists (unique names never collide)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retry(
    source: Path, target: Path, delays: Sequence[float] = RENAME_DELAYS,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """os.replace, retried with backoff while the target is held open (PermissionError on Windows shares)."""
    _retry_while_held_open(lambda: source.replace(target), delays, sleep)


def unlink_with_retry(
    path: Path, delays: Sequence[float] = RENAME_DELAYS, sleep: Callable[[float], None] | None = None,
) -> None:
    """Delete `path` (gone already is fine), retried while another process has it open: Windows refuses to
    delete such a file (a sharing violation, PermissionError) where POSIX just unlinks it."""
    _retry_while_held_open(lambda: path.unlink(missing_ok=True), delays, sleep)


def _retry_while_held_open(
    action: Callable[[], object], delays: Sequence[float], sleep: Callable[[float], None] | None,
) -> None:
    for delay in (*delays, None):
        try:
            action()
            return
        except PermissionError:
            if delay is None:
                raise
            (sleep or time.sleep)(delay)


def write_atomic(
    target: Path, data: bytes, *, step: StepHook = no_step, delays: Sequence[float] = RENAME_DELAYS,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """Make `target` hold `data` for every reader at once; `step` is told after each write (tests crash there)."""
    temp = temp_name_for(target)
    try:
        write_durably(temp, data)
        step(f"{target.name}:temp-written")
        replace_with_retry(temp, target, delays, sleep)
    except Exception:
        temp.unlink(missing_ok=True)
        raise
    step(f"{target.name}:renamed")
