"""The status line on the embedded defaults (a stand-in folder with no team library yet) reads as normal."""

from __future__ import annotations

from desktop.sync.status import SyncState, SyncStatus
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.team.sync_controller import SyncStatusButton


class _Settings:
    def get(self, _key: str) -> object:
        return ""


def test_no_team_library_yet_reads_as_the_bundled_library_in_use(qtbot, tmp_path) -> None:
    from desktop.ui.team.sync_controller import SyncController

    controller = SyncController(ImmediateTaskRunner(), _Settings(), lambda: tmp_path)
    button = SyncStatusButton(controller)
    qtbot.addWidget(button)
    controller.status_changed.emit(SyncStatus(SyncState.EMPTY, reason="共享文件夹中还没有团队库"))
    assert button.text() == "团队库：使用内置短语库"
    # A share that lost its library after one was applied is still worth saying.
    assert "还没有团队库" in SyncStatus(SyncState.EMPTY, local_version=4).text()
