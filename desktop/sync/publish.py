"""Publishing a team library to the share: pack first, manifest last, one publisher at a time.

A lock file created with O_EXCL keeps two leads from interleaving; the manifest read at the start is read
again just before the manifest is replaced, so even a publisher that ignores the lock cannot silently
overwrite a newer library. The loser gets PublishConflictError and is told to retry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync.canonical import sha256_hex
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.manifest import MAX_MANIFEST_BYTES, Manifest, build_manifest, decode_manifest
from desktop.core.sync.pack import PackError, TeamLibrary, encode_pack
from desktop.sync.atomic import RENAME_DELAYS, StepHook, no_step, write_atomic, write_durably
from desktop.sync.folder import TeamFolder, read_limited

STALE_LOCK_SECONDS = 15 * 60


class PublishConflictError(RuntimeError):
    """Someone else is publishing or has just published; the message says what to do."""


@dataclass(frozen=True)
class PublishResult:
    manifest: Manifest
    previous_version: int


def current_manifest(folder: TeamFolder) -> tuple[bytes, Manifest | None]:
    """The manifest bytes as they are now (b"" when none yet) and its parsed form (None when unreadable)."""
    try:
        data = read_limited(folder.manifest, MAX_MANIFEST_BYTES)
    except FileNotFoundError:
        return b"", None
    try:
        return data, decode_manifest(data)
    except PackError:
        return data, None  # a damaged manifest is replaced by the next good publish


@contextlib.contextmanager
def publish_lock(folder: TeamFolder, publisher: str, stale_after: float = STALE_LOCK_SECONDS) -> Iterator[None]:
    body = json.dumps({"publisher": publisher, "token": uuid.uuid4().hex}, ensure_ascii=False).encode()
    for attempt in range(2):
        try:
            fd = os.open(folder.lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if attempt == 0 and _lock_is_stale(folder, stale_after):
                folder.lock.unlink(missing_ok=True)
                continue
            raise PublishConflictError(f"另一位主管正在发布（{_lock_holder(folder)}），请稍后重试") from None
        with os.fdopen(fd, "wb") as out:
            out.write(body)
        break
    try:
        yield
    finally:
        folder.lock.unlink(missing_ok=True)


def _lock_is_stale(folder: TeamFolder, stale_after: float) -> bool:
    """Compare the lock's age with a probe written now: both times come from the share's clock, not ours."""
    probe = folder.root / f".probe-{uuid.uuid4().hex}.partial"
    try:
        write_durably(probe, b"")
        age = probe.stat().st_mtime - folder.lock.stat().st_mtime
    except FileNotFoundError:
        return True  # released meanwhile
    finally:
        probe.unlink(missing_ok=True)
    return age >= stale_after


def _lock_holder(folder: TeamFolder) -> str:
    try:
        return str(json.loads(read_limited(folder.lock, 4096)).get("publisher", "?"))[:50]
    except (OSError, ValueError, AttributeError):
        return "?"


def publish(
    folder_path: Path,
    library: TeamLibrary,
    key: SigningKey,
    publisher: str,
    *,
    expected_version: int | None = None,
    step: StepHook = no_step,
    now: Callable[[], dt.datetime] | None = None,
    delays: Sequence[float] = RENAME_DELAYS,
    stale_lock_after: float = STALE_LOCK_SECONDS,
) -> PublishResult:
    """Publish `library` as the next version. `expected_version`: the version the lead edited against;
    if the share has moved past it, refuse rather than overwrite someone else's changes."""
    folder = TeamFolder(folder_path)
    folder.root.mkdir(parents=True, exist_ok=True)
    folder.packs.mkdir(exist_ok=True)
    with publish_lock(folder, publisher, stale_lock_after):
        step("lock")
        start_bytes, start = current_manifest(folder)
        previous = start.library_version if start else 0
        if expected_version is not None and start is not None and previous != expected_version:
            raise PublishConflictError(f"团队库已被更新到 v{previous}，请先同步并检查改动后再发布")
        version = previous + 1
        pack = encode_pack(library, version)
        manifest = build_manifest(pack, version, key, publisher, now() if now else None)
        pack_path = folder.root / manifest.pack
        if not _holds(pack_path, pack):  # left by an earlier, interrupted publish of the same library: reuse
            write_atomic(pack_path, pack, step=step, delays=delays)
        if sha256_hex(current_manifest(folder)[0]) != sha256_hex(start_bytes):
            raise PublishConflictError("发布期间团队库被他人更新，请同步后重试")
        write_atomic(folder.manifest, manifest.to_bytes(), step=step, delays=delays)
    return PublishResult(manifest, previous)


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` already has exactly `data` (missing, larger, unreadable or different: it does not)."""
    try:
        return read_limited(path, len(data)) == data
    except OSError:
        return False
