"""One Kuaida per data folder: an OS file lock that the window holds while it runs and `store restore` holds
while it swaps files. Qt-free, so the command line takes the very same lock as the window.

The lock is the operating system's (`flock` on POSIX, `msvcrt.locking` on Windows), so a killed or crashed
holder never leaves a stale lock behind: the OS drops it with the process. The holder writes its process id
at the start of the file, outside the locked byte (Windows locks are mandatory: the locked range cannot be
read), so a refused process can say who holds the folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path
from types import TracebackType

LOCK_FILE = "kuaida.lock"
_PID_WIDTH = 32
_LOCKED_OFFSET = 64  # the byte that is locked, past the process id


class LockHeld(RuntimeError):  # noqa: N818 - reads as a state: the lock is held
    """Another process holds the data folder; `pid` is its process id when it could be read."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        who = f"（进程 {pid}）" if pid else ""
        super().__init__(f"另一个快答{who}正在使用这个数据文件夹：{path.parent}")


class InstanceLock:
    """Held from `acquire` until `release` (or the end of a `with` block, or the process)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, folder: Path) -> InstanceLock:
        """Take the lock of the data folder `folder` without waiting; `LockHeld` when another process has it.

        Any other `OSError` (a folder that cannot be written, a network drive without locks) is raised as it
        is: the caller decides whether to go on without the lock."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOCK_FILE
        # No O_TRUNC: the holder's pid must survive. O_BINARY: Windows would write "\r\n" otherwise.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            _lock(fd)
        except _HELD as error:
            if not _held(error):
                os.close(fd)
                raise
            pid = _read_pid(fd)
            os.close(fd)
            raise LockHeld(path, pid) from None
        except BaseException:
            os.close(fd)
            raise
        with contextlib.suppress(OSError):  # the pid only improves a message
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".ljust(_PID_WIDTH).encode("ascii"))
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


def holder(folder: Path) -> int | None:
    """The process id written by whoever holds (or last held) the lock of `folder`, for messages."""
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDONLY)
    except OSError:
        return None
    try:
        return _read_pid(fd)
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, _PID_WIDTH).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    _HELD: type[OSError] = OSError

    def _held(error: OSError) -> bool:
        # Windows reports a locking violation as EACCES or EDEADLOCK (Wine as errno 0); a folder that cannot be
        # written already failed at os.open. Anything else (a drive without locking) is not another Kuaida.
        return error.errno in (errno.EACCES, errno.EDEADLOCK, 0, None)

    def _lock(fd: int) -> None:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # OSError when another handle holds it

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    _HELD = BlockingIOError  # EWOULDBLOCK / EAGAIN: another open file holds it

    def _held(error: OSError) -> bool:
        return isinstance(error, BlockingIOError)

    def _lock(fd: int) -> None:
        # flock, not lockf: it belongs to the open file, so a second open in the same process conflicts too
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError (an OSError) when held

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
