"""The layout of the team folder and careful reads from it (size limits, no links, only names we write)."""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync.manifest import MANIFEST_NAME

SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,100}\.json")
# Windows device names: opening "con.json" on a share can reach a device, not a file.
_DEVICE_NAME = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)


def is_safe_name(name: str) -> bool:
    """Only names like the ones Kuaida writes: letters, digits, - and _, ending in .json."""
    return bool(SAFE_NAME.fullmatch(name)) and not _DEVICE_NAME.fullmatch(name)


def is_link(path: Path) -> bool:
    """A symbolic link or a Windows junction: never followed, so nothing outside the share is read or removed."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    junction = getattr(stat, "IO_REPARSE_TAG_MOUNT_POINT", None)
    return stat.S_ISLNK(info.st_mode) or (junction is not None and getattr(info, "st_reparse_tag", 0) == junction)


class ShareOfflineError(OSError):
    """The team folder cannot be reached (cable out, laptop asleep, drive letter missing)."""


class FileTooLargeError(OSError):
    pass


@dataclass(frozen=True)
class TeamFolder:
    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / MANIFEST_NAME

    @property
    def packs(self) -> Path:
        return self.root / "packs"

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def stats(self) -> Path:
        return self.root / "stats"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback"

    @property
    def rounds(self) -> Path:
        return self.root / "rounds"

    @property
    def answers(self) -> Path:
        return self.root / "answers"

    @property
    def lock(self) -> Path:
        return self.root / "publish.lock"

    def require_reachable(self) -> None:
        try:
            if not self.root.is_dir():
                raise ShareOfflineError(f"共享文件夹不可用：{self.root}")
        except OSError as error:  # is_dir itself can fail on a dead network path
            raise ShareOfflineError(f"共享文件夹不可用：{self.root}") from error

    def safe_entries(self, folder: Path, limit: int = 5000) -> list[Path]:
        """Regular files with names we write ourselves; anything else (links, odd names, temp files) is skipped,
        and so is a subfolder that is itself a link (it would lead to someone else's files)."""
        found: list[Path] = []
        if is_link(folder):
            return found
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if is_safe_name(entry.name) and entry.is_file(follow_symlinks=False):
                        found.append(Path(entry.path))
                        if len(found) >= limit:
                            break
        except FileNotFoundError:
            return []
        return sorted(found)


def read_limited(path: Path, limit: int) -> bytes:
    """Read a whole regular file of at most `limit` bytes; larger files are refused without reading them."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    if not nofollow:
        # Windows has no O_NOFOLLOW: refuse a symbolic link by its own entry, then check that the file opened
        # is that entry, not one swapped in between.
        entry = os.lstat(path)
        if stat.S_ISLNK(entry.st_mode):
            raise OSError(errno.ELOOP, f"{path.name} 是一个链接，不会跟随", str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nofollow)
    try:
        info = os.fstat(fd)
        if not nofollow and (info.st_dev, info.st_ino) != (entry.st_dev, entry.st_ino):
            raise OSError(errno.ELOOP, f"{path.name} 在读取时被替换", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise FileTooLargeError(f"{path.name} 不是普通文件")
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > limit:
                raise FileTooLargeError(f"{path.name} 超过 {limit} 字节")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
