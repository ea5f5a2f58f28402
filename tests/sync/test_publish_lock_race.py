"""A publisher that finds the lock taken is told to retry; it never breaks a lock it did not see go stale.

The race behind a rare failure of test_two_publishers_racing…: B fails to create the lock, A releases it, B's
stale check finds no lock ("released meanwhile"), A takes the lock again for its next publish, and B then
broke "the stale lock", which was A's fresh one: both published the same version.
"""

from __future__ import annotations

import pytest

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
