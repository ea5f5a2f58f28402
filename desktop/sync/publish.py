"""Publishing a team library to the share: pack first, manifest last, one publisher at a time.

A lock file created with O_EXCL keeps two leads from interleaving; the manifest read at the start is read
again just before the manifest is replaced, so even a publisher that ignores the lock cannot silently
overwrite a newer library. The loser gets PublishConflictError and is told to retry.

Every agent can write to the share, so the manifest found there counts only when the team key signed it;
otherwise the next version follows the lead's own record (a forged "v999999999999" moves nothing).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync.canonical import sha256_hex
from desktop.core.sync.keys import PublicKey, SigningKey
from desktop.core.sync.manifest import (
    MAX_LIBRARY_VERSION,
    MAX_MANIFEST_BYTES,
    PACK_NAME,
    Manifest,
    build_manifest,
    decode_manifest,
    is_valid_version,
    verify_manifest,
)
from desktop.core.sync.pack import PackError, TeamLibrary, encode_pack
from desktop.sync.atomic import (
    RENAME_DELAYS,
    StepHook,
    is_own_temporary,
    no_step,
    unlink_with_retry,
    write_atomic,
    write_durably,
)
from desktop.sync.folder import TeamFolder, is_link, read_limited

STALE_LOCK_SECONDS = 15 * 60
MAX_HOLDER_CHARS = 30
STALE_TEMP_SECONDS = 60 * 60
KEPT_VERSIONS = 5  # a reader that saw a slightly older manifest still finds its pack


class PublishRefusedError(RuntimeError):
    """Publishing cannot go ahead; the message says why and what to do."""


class PublishConflictError(PublishRefusedError):
    """Someone else is publishing or has just published; the message says what to do."""


@dataclass(frozen=True)
class PublishResult:
    manifest: Manifest
    previous_version: int
    # A manifest was on the share but not signed by the team key (forged, damaged, another key): it was
    # ignored and has now been replaced.
    replaced_untrusted: bool = False


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


def signed_by(manifest: Manifest | None, keys: Sequence[PublicKey]) -> Manifest | None:
    """`manifest` when one of `keys` signed it, else None: anything else on the share is anyone's writing."""
    if manifest is None:
        return None
    for key in keys:
        try:
            verify_manifest(manifest, key)
        except PackError:
            continue
        return manifest
    return None


@contextlib.contextmanager
def publish_lock(folder: TeamFolder, publisher: str, stale_after: float = STALE_LOCK_SECONDS) -> Iterator[None]:
    body = json.dumps({"publisher": publisher, "token": uuid.uuid4().hex}, ensure_ascii=False).encode()
    for attempt in range(2):
        try:
            fd = os.open(folder.lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if _is_foreign_lock(folder):
                raise PublishRefusedError("共享文件夹中的 publish.lock 不是快答的锁文件（是文件夹或链接），"
                                          "请确认无人在发布后删除它，再发布") from None
            if attempt == 0 and _lock_is_stale(folder, stale_after):
                unlink_with_retry(folder.lock)
                continue
            raise PublishConflictError(f"另一位主管正在发布（锁文件写明：{_lock_holder(folder)}，未经验证），"
                                       "请稍后重试") from None
        with os.fdopen(fd, "wb") as out:
            out.write(body)
        break
    try:
        yield
    finally:
        # Another lead's Kuaida may be reading the lock to name its holder right now (_lock_holder): on
        # Windows the delete then fails until that read ends, and a lock left behind would refuse every
        # publish for STALE_LOCK_SECONDS.
        unlink_with_retry(folder.lock)


def _is_foreign_lock(folder: TeamFolder) -> bool:
    """A folder or link named publish.lock is nothing Kuaida made: never break it, never call it a publisher."""
    try:
        return not stat.S_ISREG(os.lstat(folder.lock).st_mode)
    except FileNotFoundError:
        return False


def _lock_is_stale(folder: TeamFolder, stale_after: float) -> bool:
    """Compare the lock's age with a probe written now: both times come from the share's clock, not ours.
    A lock dated further ahead than `stale_after` is stale too: no publish in progress can have written it,
    and anyone can set a file's date, so "years ahead" must not block publishing for ever."""
    now = _share_now(folder)
    try:
        return now is not None and abs(now - folder.lock.stat().st_mtime) >= stale_after
    except FileNotFoundError:
        # Released meanwhile, and perhaps already taken again by its holder or someone else: breaking it now
        # would delete that fresh lock and let two publishers both write the same next version.
        return False


def _lock_holder(folder: TeamFolder) -> str:
    """The publisher the lock names: anyone's text, so short, printable and shown as unverified."""
    try:
        named = str(json.loads(read_limited(folder.lock, 4096)).get("publisher", "?"))
    except (OSError, ValueError, AttributeError, RecursionError):
        return "?"
    return "".join(ch for ch in named if ch.isprintable())[:MAX_HOLDER_CHARS].strip() or "?"


def publish(
    folder_path: Path,
    library: TeamLibrary,
    key: SigningKey,
    publisher: str,
    *,
    expected_version: int | None = None,
    known_version: int | None = None,
    step: StepHook = no_step,
    now: Callable[[], dt.datetime] | None = None,
    delays: Sequence[float] = RENAME_DELAYS,
    stale_lock_after: float = STALE_LOCK_SECONDS,
    trusted: Sequence[PublicKey] = (),
) -> PublishResult:
    """Publish `library` as the next version. `expected_version`: the version the lead edited against;
    if the share has moved past it, refuse rather than overwrite someone else's changes. `known_version`:
    the newest version the lead's Kuaida has seen, so a wiped or new share continues the numbering
    (agents refuse versions older than their own). The share's manifest counts only when signed by `key`
    or one of `trusted` (the team key pinned before a key change)."""
    folder = TeamFolder(folder_path)
    folder.root.mkdir(parents=True, exist_ok=True)
    folder.packs.mkdir(exist_ok=True)
    with publish_lock(folder, publisher, stale_lock_after):
        step("lock")
        start_bytes, found = current_manifest(folder)
        start = signed_by(found, (key.public, *trusted))
        previous = start.library_version if start else 0
        if expected_version is not None and start is not None and previous != expected_version:
            raise PublishConflictError(f"团队库已被更新到 v{previous}，请先同步并检查改动后再发布")
        version = max(previous, known_version or 0) + 1
        if not is_valid_version(version):
            raise PublishRefusedError(f"团队库版本 v{version} 超出范围（最大 v{MAX_LIBRARY_VERSION}），"
                                      "本机记录的版本号有误，请联系技术支持")
        pack = encode_pack(library, version)
        manifest = build_manifest(pack, version, key, publisher, now() if now else None)
        pack_path = folder.root / manifest.pack
        if not _holds(pack_path, pack):  # left by an earlier, interrupted publish of the same library: reuse
            write_atomic(pack_path, pack, step=step, delays=delays)
        if sha256_hex(current_manifest(folder)[0]) != sha256_hex(start_bytes):
            raise PublishConflictError("发布期间团队库被他人更新，请同步后重试")
        write_atomic(folder.manifest, manifest.to_bytes(), step=step, delays=delays)
        prune(folder, version)
    return PublishResult(manifest, previous, replaced_untrusted=bool(start_bytes) and start is None)


def prune(folder: TeamFolder, current_version: int, keep: int = KEPT_VERSIONS) -> list[str]:
    """Remove packs more than `keep` versions old and temporary files left by crashed writers over an hour
    ago (by the share's clock). Only names Kuaida itself writes, only regular files, never through a link:
    everyone can write to the share, and what is not ours is not ours to delete. Best effort: a file held
    open elsewhere stays until the next publish."""
    removed = []
    now = _share_now(folder)
    for directory in (folder.root, folder.packs, folder.inbox, folder.stats):
        # The root is the configured share (a mapped path may well be a link); its subfolders must not be.
        for entry in _own_regular_files(directory, subfolder=directory != folder.root):
            match = PACK_NAME.fullmatch(f"packs/{entry.name}") if directory == folder.packs else None
            too_old = match is not None and int(match.group(1)) <= current_version - keep
            try:
                stale = is_own_temporary(entry.name) and now is not None and \
                    now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
                if too_old or stale:
                    Path(entry.path).unlink()
                    removed.append(entry.name)
            except OSError:
                continue
    return removed


def _own_regular_files(directory: Path, *, subfolder: bool, limit: int = 20_000) -> list[os.DirEntry[str]]:
    """Regular files (not links) with our names in `directory`, none in a subfolder that is itself a link;
    at most `limit` entries looked at."""
    if subfolder and is_link(directory):
        return []
    found: list[os.DirEntry[str]] = []
    try:
        with os.scandir(directory) as entries:
            for count, entry in enumerate(entries):
                if count >= limit:
                    break
                if entry.is_file(follow_symlinks=False) and (is_own_temporary(entry.name) or
                                                             PACK_NAME.fullmatch(f"packs/{entry.name}")):
                    found.append(entry)
    except OSError:
        return []
    return found


def _share_now(folder: TeamFolder) -> float | None:
    """The share's idea of "now": the mtime of a probe file written there (PCs' clocks disagree)."""
    probe = folder.root / f".probe-{uuid.uuid4().hex}.partial"
    try:
        write_durably(probe, b"")
        return probe.stat().st_mtime
    except OSError:
        return None
    finally:
        probe.unlink(missing_ok=True)


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` already has exactly `data` (missing, larger, unreadable or different: it does not)."""
    try:
        return read_limited(path, len(data)) == data
    except OSError:
        return False
