"""A publisher that finds the lock taken is told to retry; it never breaks a lock it did not see go stale.

The race behind a rare failure of test_two_publishers_racing…: B fails to create the lock, A releases it, B's
stale check finds no lock ("released meanwhile"), A takes the lock again for its next publish, and B then
broke "the stale lock", which was A's fresh one: both published the same version.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.sync import atomic
from desktop.sync import publish as publishing
from desktop.sync.folder import TeamFolder
from desktop.sync.publish import PublishConflictError, publish_lock


def test_a_lock_released_during_the_stale_check_means_retry_not_break(tmp_path, monkeypatch):
    folder = TeamFolder(tmp_path / "share")
    folder.root.mkdir()
    folder.lock.write_text('{"publisher": "甲"}', encoding="utf-8")  # 甲 is publishing
    share_now = publishing._share_now

    def released_while_checked(checked: TeamFolder) -> float | None:
        now = share_now(checked)
        folder.lock.unlink()  # 甲 finished while 乙 looked at the lock; 甲 (or a third lead) may take it next
        return now

    monkeypatch.setattr(publishing, "_share_now", released_while_checked)
    with pytest.raises(PublishConflictError, match="请稍后重试"), publish_lock(folder, "乙"):
        pytest.fail("乙 went ahead as if it had broken a stale lock")


def test_the_lock_is_released_even_while_another_lead_reads_it(tmp_path, monkeypatch):
    # 乙's Kuaida opens the lock to name its holder just as 甲 finishes. Windows refuses to delete a file that
    # another process has open; the lock must still go once 乙's read ends, not stay and refuse every publish
    # for 15 minutes (nor end 甲's successful publish in a traceback).
    folder = TeamFolder(tmp_path / "share")
    folder.root.mkdir()
    readers = []
    waits = []

    def read_ends(delay: float) -> None:
        waits.append(delay)
        for reader in readers:
            reader.close()

    monkeypatch.setattr(atomic.time, "sleep", read_ends)
    with publish_lock(folder, "甲"):
        readers.append(folder.lock.open("rb"))  # 乙 reading (a real sharing violation on Windows)
    assert not folder.lock.exists()
    readers[0].close()


def test_a_lock_that_cannot_be_deleted_at_once_is_retried(tmp_path, monkeypatch):
    # The same sharing violation, made on any OS: the first delete fails as it does on Windows.
    folder = TeamFolder(tmp_path / "share")
    folder.root.mkdir()
    real_unlink = Path.unlink
    refused = []

    def held_open_once(path: Path, missing_ok: bool = False) -> None:
        if path == folder.lock and not refused:
            refused.append(path)
            raise PermissionError(13, "The process cannot access the file because it is being used", str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held_open_once)
    monkeypatch.setattr(atomic.time, "sleep", lambda delay: None)
    with publish_lock(folder, "甲"):
        pass
    assert refused and not folder.lock.exists()
    with publish_lock(folder, "乙"):  # the next publish is not refused
        pass
