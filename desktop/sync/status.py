"""What the agent sees of the sync: a state, the local version, when it last worked, and why it did not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class SyncState(StrEnum):
    NEVER = "never"  # no sync attempted yet
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    EMPTY = "empty"  # the folder is reachable but nothing was published yet
    OFFLINE = "offline"
    REJECTED = "rejected"  # damaged, tampered with, wrongly signed, or older than the local copy
    NEEDS_UPDATE = "needs_update"  # written by a newer Kuaida
    UNTRUSTED = "untrusted"  # signed by a key the agent has not confirmed yet


# `kuaida sync` exit codes; 1 and 2 stay with Python errors and argparse usage errors.
EXIT_CODES = {
    SyncState.UPDATED: 0, SyncState.UNCHANGED: 0, SyncState.EMPTY: 0, SyncState.NEVER: 0,
    SyncState.OFFLINE: 3, SyncState.REJECTED: 4, SyncState.NEEDS_UPDATE: 5, SyncState.UNTRUSTED: 6,
}
OFFLINE_RETRY_FIRST = 15.0
OFFLINE_RETRY_MAX = 300.0


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState = SyncState.NEVER
    local_version: int | None = None
    remote_version: int | None = None
    reason: str = ""
    fingerprint: str = ""
    checked_at: dt.datetime | None = None  # this PC's clock: only ever compared with itself
    last_success_at: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return EXIT_CODES[self.state] == 0

    @property
    def key_to_confirm(self) -> str:
        """The fingerprint of a key waiting for the agent's confirmation: the first key of the team, or a
        new one the lead signs with (refused until confirmed); else empty."""
        return self.fingerprint if self.state in (SyncState.UNTRUSTED, SyncState.REJECTED) else ""

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.state]

    def _local(self) -> str:
        return f"本地副本 v{self.local_version}" if self.local_version is not None else "内置短语库"

    def text(self) -> str:
        """One line for the overlay's status bar and the tray tooltip."""
        when = f" · {self.last_success_at.astimezone():%H:%M} 已同步" if self.last_success_at else ""
        match self.state:
            case SyncState.UPDATED | SyncState.UNCHANGED:
                return f"团队库 v{self.local_version}{when}"
            case SyncState.EMPTY if self.local_version is None:
                return "团队库：使用内置短语库"  # the usual first state of a new team, not a problem
            case SyncState.EMPTY:
                return f"共享文件夹中还没有团队库 · 使用{self._local()}"
            case SyncState.OFFLINE:
                return f"离线 · 使用{self._local()}"
            case SyncState.REJECTED:
                return f"已拒绝更新：{self.reason} · 使用{self._local()}"
            case SyncState.NEEDS_UPDATE:
                return f"请更新快答：团队库格式较新 · 使用{self._local()}"
            case SyncState.UNTRUSTED:
                return f"请确认团队密钥指纹 {self.fingerprint}"
        return f"尚未同步 · 使用{self._local()}"

    def following(self, previous: SyncStatus) -> SyncStatus:
        """This outcome, keeping what the previous status knew (last success, local version) when it failed."""
        return replace(
            self,
            local_version=self.local_version if self.local_version is not None else previous.local_version,
            last_success_at=self.checked_at if self.ok and self.state is not SyncState.NEVER
            else previous.last_success_at,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state.value, "local_version": self.local_version, "remote_version": self.remote_version,
            "reason": self.reason, "fingerprint": self.fingerprint,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "last_success_at": self.last_success_at.isoformat() if self.last_success_at else None,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any] | None) -> SyncStatus:
        if not raw:
            return cls()
        try:
            return cls(
                SyncState(raw["state"]), raw.get("local_version"), raw.get("remote_version"), raw.get("reason", ""),
                raw.get("fingerprint", ""), _time(raw.get("checked_at")), _time(raw.get("last_success_at")),
            )
        except (KeyError, ValueError):
            return cls()


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def retry_delay(state: SyncState, failures: int, interval: float) -> float:
    """Seconds until the next poll: the normal interval, or a quick-then-slower backoff while offline."""
    if state is not SyncState.OFFLINE or failures <= 0:
        return interval
    return min(OFFLINE_RETRY_MAX, OFFLINE_RETRY_FIRST * 2 ** (failures - 1))
