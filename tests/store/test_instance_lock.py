"""The data folder's lock (one Kuaida per folder; `store restore` refuses while the window holds it), taken by
real processes: a holder in a subprocess says on stdout when it holds the lock, never a sleep."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.paths import Paths
from desktop.store import instance_lock
from desktop.store.database import backups, open_store
from desktop.store.instance_lock import InstanceLock, LockHeld, holder

HOLDER = """
import sys
from pathlib import Path
from desktop.store.instance_lock import InstanceLock
lock = InstanceLock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.read()  # until the test closes our stdin
lock.release()
print("released", flush=True)
"""


@pytest.fixture
def holder_process(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "home")], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, encoding="utf-8")
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    yield process
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=60)


def test_a_second_lock_in_the_same_process_is_refused_until_released(tmp_path: Path) -> None:
    first = InstanceLock.acquire(tmp_path)
    with pytest.raises(LockHeld) as raised:
        InstanceLock.acquire(tmp_path)
    assert raised.value.pid == os.getpid() and str(os.getpid()) in str(raised.value)
    first.release()
    with InstanceLock.acquire(tmp_path) as again:
        assert again.held
    assert not again.held


def test_another_process_holding_the_folder_is_named_and_its_lock_ends_with_it(
        tmp_path: Path, holder_process: subprocess.Popen[str]) -> None:
    home = tmp_path / "home"
    with pytest.raises(LockHeld) as raised:
        InstanceLock.acquire(home)
    assert raised.value.pid == holder_process.pid == holder(home)
    holder_process.kill()  # a crash (SIGKILL, TerminateProcess): the OS drops the lock, nothing stale is left
    holder_process.wait(timeout=60)
    InstanceLock.acquire(home).release()


def test_a_released_lock_is_free_for_the_next_process(tmp_path: Path, holder_process: subprocess.Popen[str]) -> None:
    out, _ = holder_process.communicate("", timeout=60)
    assert out.strip() == "released"
    InstanceLock.acquire(tmp_path / "home").release()


def test_store_restore_refuses_while_a_kuaida_holds_the_folder(
        tmp_path: Path, holder_process: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]) -> None:
    paths = Paths(tmp_path / "home").ensure()
    open_store(paths.database, backup_dir=paths.backups).close()
    assert backups(paths.backups)
    before = paths.database.read_bytes()
    code = main(["--data-dir", str(paths.home), "store", "restore", "--force"])
    _, err = capsys.readouterr()
    assert code == 1 and str(holder_process.pid) in err and "退出快答" in err
    assert paths.database.read_bytes() == before
    assert not list(paths.home.glob("*.damaged-*"))  # nothing renamed under the running window
    holder_process.communicate("", timeout=60)
    assert main(["--data-dir", str(paths.home), "store", "restore", "--force"]) == 0


def test_a_folder_without_locks_is_not_taken_for_a_running_kuaida(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def no_locks(_fd: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")  # e.g. a network drive without a lock service

    monkeypatch.setattr(instance_lock, "_lock", no_locks)
    with pytest.raises(OSError) as raised:
        InstanceLock.acquire(tmp_path)
    assert not isinstance(raised.value, LockHeld)
    paths = Paths(tmp_path / "home").ensure()
    open_store(paths.database, backup_dir=paths.backups).close()
    paths.database.write_bytes(b"")  # damaged: restore is what it needs
    assert main(["--data-dir", str(paths.home), "store", "restore"]) == 0
    assert "无法锁定数据文件夹" in capsys.readouterr().err
